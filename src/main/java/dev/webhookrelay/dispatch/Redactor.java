package dev.webhookrelay.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.webhookrelay.secrets.Secret;

/**
 * Replaces every secret value in a text a target sent back (or an error quoting it) with {@code ***}: as written, and
 * in every JSON-escaped form a target echoing the body may return it, once or twice escaped (a body echoed inside a
 * JSON string): {@code \"}, {@code \\}, {@code \/}, the short escapes {@code \b \f \n \r \t}, and {@code \}{@code uXXXX}
 * in either case for any character, which covers the relay's own escaping ({@code <} as {@code \}{@code u003c}),
 * Jackson's and Python's {@code json.dumps}. Overlapping secrets are replaced together, so a secret that extends a
 * shorter one leaves nothing of itself either. {@link #redact(String, int)} redacts before cutting, and drops what
 * could be the start of a secret at the cut. Immutable, pure, safe for concurrent use.
 */
final class Redactor {

    /** Escapings the matcher undoes: 0 is the text as written, 2 a JSON string inside a JSON string. */
    private static final int MAX_LEVEL = 2;

    /** The match ran into the end of the text: what was read so far is the start of the secret. */
    private static final int PARTIAL = -2;

    private static final int NO_MATCH = -1;

    /** The values to find, longest first; empty values are never matched. */
    private final List<String> values;

    private Redactor(List<String> values) {
        this.values = values;
    }

    /** Returns a redactor of {@code secrets}. */
    static Redactor of(List<Secret> secrets) {
        List<String> values = new ArrayList<>();
        for (Secret secret : secrets) {
            if (!secret.reveal().isEmpty() && !values.contains(secret.reveal())) {
                values.add(secret.reveal());
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(values));
    }

    /** Returns {@code text} with every secret, in any of its forms, as {@code ***}; null for null. */
    String redact(String text) {
        return text == null ? null : redacted(text, text.length(), false);
    }

    /**
     * Returns {@code text} redacted, then cut to at most {@code maxBytes} of UTF-8 (plus a final {@code ***}): a secret
     * that the cut would split is replaced whole, and a tail that could be the start of a secret is replaced too.
     * Null for null.
     */
    String redact(String text, int maxBytes) {
        if (text == null) {
            return null;
        }
        int cut = cutIndex(text, maxBytes);
        return redacted(text, cut, cut < text.length());
    }

    /** Returns text[0, cut) with every match in text, and, when {@code cutShort}, a partial match at the cut, as ***. */
    private String redacted(String text, int cut, boolean cutShort) {
        List<int[]> ranges = new ArrayList<>();
        for (int start = 0; start < cut; start++) {
            int end = longestMatch(text, start, cut, cutShort);
            if (end > start) {
                ranges.add(new int[] { start, end });
            }
        }
        if (ranges.isEmpty()) {
            return cut == text.length() ? text : text.substring(0, cut);
        }
        StringBuilder out = new StringBuilder(cut);
        int written = 0;
        int[] open = null;
        for (int[] range : ranges) {
            if (open != null && range[0] <= open[1]) {
                open[1] = Math.max(open[1], range[1]); // Overlapping or touching: one ***.
                continue;
            }
            if (open != null) {
                written = replace(text, out, written, open, cut);
            }
            open = range.clone();
        }
        written = replace(text, out, written, open, cut);
        if (written < cut) {
            out.append(text, written, cut);
        }
        return out.toString();
    }

    private static int replace(String text, StringBuilder out, int written, int[] range, int cut) {
        if (written >= cut) {
            return written;
        }
        out.append(text, written, range[0]).append(Secret.REDACTED);
        return Math.max(written, range[1]);
    }

    /**
     * Returns where the longest secret found at {@code start} ends (it may end past {@code cut}); {@code cut} when,
     * {@code cutShort}, a secret's start runs into the cut; else {@code start}.
     */
    private int longestMatch(String text, int start, int cut, boolean cutShort) {
        int longest = start;
        for (String value : values) {
            for (int level = 0; level <= MAX_LEVEL; level++) {
                int end = matchValue(text, start, value, level);
                if (end > longest) {
                    longest = end;
                } else if (end == PARTIAL && cutShort) {
                    longest = Math.max(longest, cut);
                }
            }
        }
        return longest; // A match past the cut was found in the full text: all of it is redacted.
    }

    /** Returns where {@code value}, escaped {@code level} times, ends if it starts at {@code at}; NO_MATCH or PARTIAL. */
    private static int matchValue(String text, int at, String value, int level) {
        int position = at;
        for (int i = 0; i < value.length(); i++) {
            position = matchChar(text, position, value.charAt(i), level);
            if (position < 0) {
                return position;
            }
        }
        return position;
    }

    /** Returns where character {@code c}, escaped {@code level} times, ends if it starts at {@code at}. */
    private static int matchChar(String text, int at, char c, int level) {
        if (at >= text.length()) {
            return PARTIAL;
        }
        if (level == 0) {
            return text.charAt(at) == c ? at + 1 : NO_MATCH;
        }
        // The escaped forms first: "\\" is one backslash escaped, not two backslashes as written.
        int escaped = matchEscape(text, at, c, level);
        if (escaped >= 0) {
            return escaped;
        }
        int plain = matchChar(text, at, c, level - 1);
        return plain >= 0 ? plain : either(escaped, plain);
    }

    /**
     * Returns where a JSON escape of {@code c} ({@code \x} or {@code \}{@code uXXXX}), itself escaped
     * {@code level - 1} times, ends if it starts at {@code at}.
     */
    private static int matchEscape(String text, int at, char c, int level) {
        int backslash = matchChar(text, at, '\\', level - 1);
        if (backslash < 0) {
            return backslash;
        }
        int letter = NO_MATCH;
        if (shortEscape(c) != 0) {
            letter = matchChar(text, backslash, shortEscape(c), level - 1);
            if (letter >= 0) {
                return letter;
            }
        }
        int position = matchChar(text, backslash, 'u', level - 1);
        for (int shift = 12; shift >= 0 && position >= 0; shift -= 4) {
            char digit = Character.forDigit((c >> shift) & 0xf, 16);
            int lower = matchChar(text, position, digit, level - 1);
            position = lower != NO_MATCH || Character.isDigit(digit) ? lower
                    : matchChar(text, position, Character.toUpperCase(digit), level - 1);
        }
        return position >= 0 ? position : either(letter, position);
    }

    /** Returns PARTIAL when either failure ran into the end of the text, else NO_MATCH. */
    private static int either(int first, int second) {
        return first == PARTIAL || second == PARTIAL ? PARTIAL : NO_MATCH;
    }

    /** Returns the letter of {@code c}'s two-character JSON escape, or 0 when it has none. */
    private static char shortEscape(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case '\b' -> 'b';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
        };
    }

    /** Returns the length of the longest prefix of {@code text} of at most {@code maxBytes} UTF-8 bytes. */
    private static int cutIndex(String text, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
            if (bytes + size > maxBytes) {
                return i;
            }
            bytes += size;
        }
        return text.length();
    }
}
