package dev.webhookrelay.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile inputs drawn from a seeded random: strings (any UTF-16 code units, lone surrogates and control characters
 * included, markup, placeholders, odd URLs), numbers at the edges of every type, and JSON values built from them. No
 * seeded secret value is ever drawn, so that one appearing in a response is a leak, and no drawn URL reaches past the
 * machine: hosts are loopback, private, metadata or {@code .invalid}.
 */
final class Hostile {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Strings that have broken parsers, escapers, loggers and URL checks before. */
    static final List<String> STRINGS = List.of(
            "", " ", "\"", "\\", "\\\"", "\\u0000", "\n", "\r\n", "\t", "\u0000", "\u0001", "\u001f", "\u007f",
            "\u0085", "</script><script>alert(1)</script>", "<!--", "]]>", "&amp;", "\u2028", "\u2029", "\uFEFF",
            "\u202E", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uDFFF\uD800", "\uD83D\uDE00", "e\u0301", "\u0130", "ß",
            "ǅ", "\uFFFF", "\uFFFE", "${alias}", "${ACCESS_TOKEN}", "${SIGNING_SECRET}",
            "${artifact_metadata.framework}", "${", "}", "$", "${}", "$${x}", "${${x}}", "{\"a\":1}", "[1,2]", "{", "[",
            "null", "true", "NaN", "Infinity", "-Infinity", "1e400", "-0", "0x7f", "%s%n%x%", "{0}",
            "'; DROP TABLE x; --", "../../etc/passwd", "C:\\con\\aux", "tiny-ml", "other-team", "GITHUB_TOKEN",
            "SIGNING_SECRET", "MISSING_SECRET", "***",
            "production", "CIFAR_10", "(a+)+$", "^prod", "ADD_ARTIFACT_ALIAS", "LINK_MODEL", "RUN_METRIC",
            "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]/", "http://0x7f.1/",
            "http://2130706433/", "http://127.0.0.2:9/x", "http://10.0.0.1/", "http://[fd00:ec2::254]/",
            "https://relay-fuzz.invalid/hook", "http://user:pw@127.0.0.1/", "file:///etc/passwd",
            "javascript:alert(1)", "http://", "http://[", "http://127.0.0.1:99999/", "http://127.0.0.1:-1/",
            "ftp://127.0.0.1/", "//127.0.0.1/x", "http://metadata.google.internal/", "http://localhost.:9/");

    private static final String SPECIALS = "\"\\${}<>&'\u2028\u2029";

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    private Hostile() {
    }

    /** Returns a hostile string, usually short, sometimes a few thousand characters. */
    static String string(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 30) {
            return pickOne(random, STRINGS);
        }
        if (pick < 55) {
            return codeUnits(random, random.nextInt(33));
        }
        if (pick < 75) {
            StringBuilder joined = new StringBuilder();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                joined.append(random.nextBoolean() ? pickOne(random, STRINGS) : codeUnits(random, random.nextInt(8)));
            }
            return joined.toString();
        }
        if (pick < 85) {
            return pickOne(random, STRINGS).repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 20));
        }
        return word(random, 1 + random.nextInt(12));
    }

    /** Hosts in every spelling the egress guard must read: loopback, private, metadata, odd forms, none public. */
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.1", "0x7f.0.0.1", "0x7f.1", "017700000001",
            "2130706433", "127.0.0.1.", "[::1]", "[::ffff:7f00:1]", "[::ffff:127.0.0.1]", "[fe80::1%25eth0]",
            "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[::]", "[::127.0.0.1]", "localhost", "LOCALHOST.",
            "relay-fuzz.invalid", "xn--nxasmq6b.invalid", "ex%61mple.invalid", "%31%32%37.0.0.1", "0", "0.0.0.0",
            "255.255.255.255", "169.254.169.254", "[fd00:ec2::254]", "100.100.100.200", "168.63.129.16", "224.0.0.1",
            "10.0.0.1", "192.168.0.1", "100.64.0.1", "metadata.google.internal", "instance-data", "-a-.invalid",
            "a..b.invalid", "[1:2:3:4:5:6:7:8:9]", "[::1", "1.2.3.4.5", "999.1.1.1", "[v1.x]", "a_b.invalid",
            "\u0000.invalid", "a".repeat(300) + ".invalid", "");

    /**
     * Returns a URL, or something that looks like one, to a host that is never public: odd schemes, hosts, ports and
     * paths around {@code port}, the receiver's, which it names half the time.
     */
    static String url(SplittableRandom random, int port) {
        String scheme = pickOne(random, List.of("http", "http", "http", "https", "HTTP", "Https", "ftp", "", "h ttp"));
        String userInfo = random.nextInt(12) == 0 ? pickOne(random, List.of("user:pw@", "@", "a@b@")) : "";
        String host = random.nextBoolean() ? "127.0.0.1" : pickOne(random, HOSTS);
        String portPart = random.nextBoolean() ? ":" + port : pickOne(random, List.of("", ":0", ":1", ":65535",
                ":65536", ":99999999999", ":-1", ":", ":abc", ":9"));
        String path = pickOne(random, List.of("/hook", "/", "", "/hook?x=1#f", "/%zz", "/a b", "/../..", "?", "#",
                "/" + "p".repeat(5000), "/\u2028", "/%00"));
        return scheme + "://" + userInfo + host + portPart + path;
    }

    /** Returns {@code length} UTF-16 code units from every range: ASCII, controls, BMP, lone and paired surrogates. */
    static String codeUnits(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length) {
            int range = random.nextInt(10);
            if (range < 4) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (range == 4) {
                text.append((char) random.nextInt(0x20));
            } else if (range == 5) {
                text.append((char) (0x80 + random.nextInt(0x780)));
            } else if (range == 6) {
                text.append((char) random.nextInt(0x10000)); // Any code unit, lone surrogates included.
            } else if (range == 7) {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            } else if (range == 8) {
                text.append((char) (0xD800 + random.nextInt(0x800))); // A lone surrogate, always.
            } else {
                text.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
            }
        }
        return text.toString();
    }

    /** Returns a word of letters, digits, {@code _} and {@code -}. */
    static String word(SplittableRandom random, int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return word.toString();
    }

    /** Returns a number at the edge of some type: int and long bounds, huge and tiny decimals, zeros, fractions. */
    static JsonNode number(SplittableRandom random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.numberNode(0);
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
            case 3 -> NODES.numberNode(Integer.MIN_VALUE - 1L);
            case 4 -> NODES.numberNode(new BigInteger("9223372036854775808"));
            case 5 -> NODES.numberNode(new BigInteger("1" + "0".repeat(40)));
            case 6 -> NODES.numberNode(new BigDecimal("1E+400"));
            case 7 -> NODES.numberNode(new BigDecimal("-1E-400"));
            case 8 -> NODES.numberNode(-0.0);
            case 9 -> NODES.numberNode(1e308);
            case 10 -> NODES.numberNode(0.5);
            case 11 -> NODES.numberNode(Double.MIN_VALUE);
            case 12 -> NODES.numberNode(1_000_001);
            case 13 -> NODES.numberNode(1);
            case 14 -> NODES.numberNode(random.nextInt(100));
            default -> NODES.numberNode(random.nextDouble() * 2 - 1);
        };
    }

    /** Returns a JSON value of any type, at most {@code depth} containers deep. */
    static JsonNode json(SplittableRandom random, int depth) {
        int pick = random.nextInt(depth > 0 ? 10 : 7);
        switch (pick) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
            case 3:
                return number(random);
            case 4:
            case 5:
            case 6:
                return NODES.textNode(string(random));
            case 7:
            case 8: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(json(random, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(random.nextBoolean() ? word(random, 1 + random.nextInt(8)) : string(random),
                            json(random, depth - 1));
                }
                return object;
            }
        }
    }

    /**
     * Returns {@code length} characters that the renderer escapes to 6 bytes each ({@code <}, {@code &}, controls) or
     * 2 ({@code "}, {@code \\}): an alias that grows a template far past its own size.
     */
    static String escaping(SplittableRandom random, int length) {
        return String.valueOf(pickOne(random, List.of('<', '&', '"', '\\', '\u0001', '\u2028'))).repeat(length);
    }

    /** Returns an {@code $in} filter on {@code alias} of about {@code chars} characters, none of them matching. */
    static String bigInFilter(SplittableRandom random, int chars) {
        StringBuilder values = new StringBuilder();
        while (values.length() < chars) {
            values.append(values.length() == 0 ? "" : ",").append('"').append(word(random, 1 + random.nextInt(12)))
                    .append('"');
        }
        return "{\"$or\":[{\"alias\":{\"$in\":[" + values + "]}}]}";
    }

    static <T> T pickOne(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
