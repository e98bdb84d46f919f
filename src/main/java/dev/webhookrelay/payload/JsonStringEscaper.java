package dev.webhookrelay.payload;

import java.nio.charset.StandardCharsets;

/**
 * Appends text to a byte buffer as the inside of a JSON string, encoded as UTF-8. Besides what RFC 8259 requires
 * (quotation mark, reverse solidus, control characters) it escapes {@code < > &} and U+2028/U+2029, so that a value can
 * close no HTML script element and break no JavaScript parser, and unpaired surrogates, so that the output is always
 * well-formed UTF-8. In a member name an unpaired surrogate becomes U+FFFD instead: parsers such as Jackson refuse
 * one there even escaped, and a receiver must be able to read the whole body.
 */
final class JsonStringEscaper {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonStringEscaper() {
    }

    static void escape(CharSequence text, ByteArrayBuilder out) {
        escape(text, out, false);
    }

    /** Appends {@code text} as the inside of a member name: as {@link #escape}, but unpaired surrogates as U+FFFD. */
    static void escapeName(CharSequence text, ByteArrayBuilder out) {
        escape(text, out, true);
    }

    private static void escape(CharSequence text, ByteArrayBuilder out, boolean name) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                escapeAscii(c, out);
            } else if (c < 0x800) {
                out.write(0xc0 | (c >> 6));
                out.write(0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out.write(0xf0 | (codePoint >> 18));
                out.write(0x80 | ((codePoint >> 12) & 0x3f));
                out.write(0x80 | ((codePoint >> 6) & 0x3f));
                out.write(0x80 | (codePoint & 0x3f));
            } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                unicodeEscape(name && Character.isSurrogate(c) ? '\ufffd' : c, out);
            } else {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            }
        }
    }

    private static void escapeAscii(char c, ByteArrayBuilder out) {
        switch (c) {
            case '"' -> out.writeAscii("\\\"");
            case '\\' -> out.writeAscii("\\\\");
            case '\n' -> out.writeAscii("\\n");
            case '\r' -> out.writeAscii("\\r");
            case '\t' -> out.writeAscii("\\t");
            case '\b' -> out.writeAscii("\\b");
            case '\f' -> out.writeAscii("\\f");
            case '<', '>', '&', 0x7f -> unicodeEscape(c, out);
            default -> {
                if (c < 0x20) {
                    unicodeEscape(c, out);
                } else {
                    out.write(c);
                }
            }
        }
    }

    private static void unicodeEscape(char c, ByteArrayBuilder out) {
        out.write('\\');
        out.write('u');
        out.write(HEX[(c >> 12) & 0xf]);
        out.write(HEX[(c >> 8) & 0xf]);
        out.write(HEX[(c >> 4) & 0xf]);
        out.write(HEX[c & 0xf]);
    }
}
