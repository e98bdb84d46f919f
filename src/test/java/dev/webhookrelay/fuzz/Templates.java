package dev.webhookrelay.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Payload templates drawn from a seeded random, with their structure known: a template is a list of pieces, each a run
 * of literal JSON text or a <code>${name}</code> placeholder inside a JSON string (keys included). Literal strings hold
 * escapes (an escaped quotation mark, an escaped dollar sign, escaped lone surrogates), raw non-ASCII text, and decoys
 * that must stay literal (<code>$</code>, <code>${</code>, <code>${}</code>, <code>${unclosed</code>, lone braces),
 * each closed by a tab escape so that no decoy and its neighbour can form a placeholder. Numbers include ones no
 * {@code double} holds.
 */
final class Templates {

    /** A piece of a template: literal text kept verbatim, or a placeholder. */
    sealed interface Piece permits Literal, Hole {
    }

    /** Template text kept as written. */
    record Literal(String text) implements Piece {
    }

    /** A {@code ${name}} placeholder, in a member name ({@code inName}) or in a value. */
    record Hole(String name, boolean inName) implements Piece {
    }

    /** A template: its pieces, in order, with adjacent literals merged. */
    record Template(List<Piece> pieces) {

        String text() {
            StringBuilder text = new StringBuilder();
            for (Piece piece : pieces) {
                if (piece instanceof Literal literal) {
                    text.append(literal.text());
                } else {
                    text.append("${").append(((Hole) piece).name()).append('}');
                }
            }
            return text.toString();
        }
    }

    private static final List<String> DECOYS = List.of("$", "$5", "${", "${}", "${unclosed", "{", "}", "$ {x}",
            "${a\\\"}", "$$", "}{", "${x\\n}", "${ ", "${\\u0041}");

    private static final List<String> ESCAPES = List.of("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
            "\\u0024", "\\u007b", "\\u007D", "\\u0000", "\\ud800", "\\uDFFF", "\\ud83d\\ude00", "\\u2028", "\\u00e9");

    private static final List<String> LONE_SURROGATE_ESCAPES = List.of("\\ud800", "\\uDFFF");

    private static final List<String> NUMBERS = List.of("0", "-0", "1.5e-300", "123456789012345678901234567890",
            "1E400", "-1.0E+2", "0.0000001", "42", "-9223372036854775809");

    private static final String NAME_PUNCTUATION = " .:/#%'<>&|\u007f";

    private final SplittableRandom random;
    private final List<String> names;
    private final List<Piece> pieces = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    private Templates(SplittableRandom random, List<String> names) {
        this.random = random;
        this.names = names;
    }

    /** Returns a template that is a JSON object, with placeholders drawn from {@code names}. */
    static Template object(SplittableRandom random, List<String> names) {
        Templates builder = new Templates(random, names);
        builder.whitespace();
        builder.object(1 + random.nextInt(3));
        builder.whitespace();
        return builder.build();
    }

    /** Returns a placeholder name nobody defines: any characters a name may hold, such as spaces, dots and emoji. */
    static String unknownName(SplittableRandom random) {
        StringBuilder name = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            int pick = random.nextInt(6);
            if (pick < 3) {
                name.append(Hostile.word(random, 1));
            } else if (pick == 3) {
                name.append(NAME_PUNCTUATION.charAt(random.nextInt(NAME_PUNCTUATION.length())));
            } else if (pick == 4) {
                name.appendCodePoint(0x80 + random.nextInt(0xD800 - 0x80));
            } else {
                name.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        return name.toString();
    }

    private Template build() {
        flush();
        return new Template(List.copyOf(pieces));
    }

    private void object(int depth) {
        text("{");
        whitespace();
        for (int i = random.nextInt(6), first = 1; i > 0; i--, first = 0) {
            if (first == 0) {
                text(",");
                whitespace();
            }
            string(true);
            whitespace();
            text(":");
            whitespace();
            value(depth - 1);
            whitespace();
        }
        text("}");
    }

    private void array(int depth) {
        text("[");
        whitespace();
        for (int i = random.nextInt(4), first = 1; i > 0; i--, first = 0) {
            if (first == 0) {
                text(",");
                whitespace();
            }
            value(depth - 1);
            whitespace();
        }
        text("]");
    }

    private void value(int depth) {
        int pick = random.nextInt(depth > 0 ? 10 : 7);
        switch (pick) {
            case 0, 1, 2, 3 -> string(false);
            case 4 -> text(Hostile.pickOne(random, NUMBERS));
            case 5 -> text(Hostile.pickOne(random, List.of("true", "false", "null")));
            case 6 -> string(false);
            case 7, 8 -> array(depth);
            default -> object(depth);
        }
    }

    /**
     * A JSON string of literal content, escapes, decoys and placeholders. A {@code key} holds no escaped lone
     * surrogate, which Jackson refuses in names (a template holding one is rejected, rightly).
     */
    private void string(boolean key) {
        text("\"");
        for (int i = random.nextInt(7); i > 0; i--) {
            int pick = random.nextInt(10);
            if (pick < 4) {
                hole(Hostile.pickOne(random, names), key);
            } else if (pick < 7) {
                plain(1 + random.nextInt(6));
            } else if (pick < 9) {
                String escape = Hostile.pickOne(random, ESCAPES);
                text(key && LONE_SURROGATE_ESCAPES.contains(escape) ? "\\u00e9" : escape);
            } else {
                text(Hostile.pickOne(random, DECOYS));
                text("\\t"); // Closes the decoy: a reverse solidus ends any placeholder name.
            }
        }
        text("\"");
    }

    /** Characters a JSON string may hold raw, other than the placeholder syntax: {@code $ { }} never appear. */
    private void plain(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int pick = random.nextInt(8);
            char c;
            if (pick < 4) {
                c = (char) (0x20 + random.nextInt(0x5f));
            } else if (pick < 6) {
                c = (char) (0x80 + random.nextInt(0xD800 - 0x80));
            } else if (pick == 6) {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                continue;
            } else {
                c = (char) (0xD800 + random.nextInt(0x800)); // A lone surrogate in the template: UTF-8 makes it '?'.
            }
            if (c != '"' && c != '\\' && c != '$' && c != '{' && c != '}') {
                text.append(c);
            }
        }
        text(text.toString());
    }

    private void whitespace() {
        for (int i = random.nextInt(3); i > 0; i--) {
            text(String.valueOf(" \t\r\n".charAt(random.nextInt(4))));
        }
    }

    private void text(String text) {
        literal.append(text);
    }

    private void hole(String name, boolean inName) {
        flush();
        pieces.add(new Hole(name, inName));
    }

    private void flush() {
        if (!literal.isEmpty()) {
            pieces.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
