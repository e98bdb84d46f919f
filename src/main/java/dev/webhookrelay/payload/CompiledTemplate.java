package dev.webhookrelay.payload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.webhookrelay.secrets.Secret;

/**
 * A payload template split once into literal byte runs and {@code ${name}} placeholders. Immutable and safe for
 * concurrent use. A placeholder is recognised only inside a JSON string (keys included): {@code $} followed by
 * {@code {}, a name, and {@code }} before the string ends. Names are any characters but quotation marks, reverse
 * solidus, {@code $ { }} and control characters; anything else, such as a lone {@code $} or an unclosed {@code ${},
 * stays literal. A placeholder in a member name is escaped as a name (see {@link JsonStringEscaper#escapeName}).
 */
final class CompiledTemplate {

    /** A run of template bytes kept verbatim, or a placeholder ({@code name != null}), in a member name or not. */
    private record Part(int from, int to, String name, boolean inName) {
    }

    private final byte[] template;
    private final List<Part> parts;

    private CompiledTemplate(byte[] template, List<Part> parts) {
        this.template = template;
        this.parts = parts;
    }

    /** Returns the template {@code json}, which must already be known to be a well-formed JSON text, compiled. */
    static CompiledTemplate compile(byte[] json) {
        List<Part> parts = new ArrayList<>();
        int literalFrom = 0;
        boolean inString = false;
        BitSet objects = new BitSet(); // Whether the container at each depth is an object; depth 0 is outside all.
        int depth = 0;
        boolean nameNext = false; // The next string is a member name: it follows '{' or an object's ','.
        boolean inName = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (!inString) {
                switch (b) {
                    case '{' -> {
                        objects.set(++depth);
                        nameNext = true;
                    }
                    case '[' -> {
                        objects.clear(++depth);
                        nameNext = false;
                    }
                    case '}', ']' -> {
                        depth--;
                        nameNext = false;
                    }
                    case ',' -> nameNext = objects.get(depth);
                    case '"' -> {
                        inString = true;
                        inName = nameNext;
                        nameNext = false;
                    }
                    default -> {
                        // ':', whitespace and scalars change nothing: a value's string is never a name.
                    }
                }
            } else if (b == '\\') {
                i++; // The escaped character cannot end the string or start a placeholder.
            } else if (b == '"') {
                inString = false;
            } else if (b == '$' && i + 1 < json.length && json[i + 1] == '{') {
                int close = placeholderEnd(json, i + 2);
                if (close > i + 2) {
                    if (i > literalFrom) {
                        parts.add(new Part(literalFrom, i, null, false));
                    }
                    String name = new String(json, i + 2, close - i - 2, StandardCharsets.UTF_8);
                    parts.add(new Part(i, close + 1, name, inName));
                    literalFrom = close + 1;
                    i = close;
                }
            }
        }
        if (literalFrom < json.length) {
            parts.add(new Part(literalFrom, json.length, null, false));
        }
        return new CompiledTemplate(json, List.copyOf(parts));
    }

    /** Returns the index of the {@code }} closing a placeholder name that starts at {@code from}, or -1. */
    private static int placeholderEnd(byte[] json, int from) {
        for (int i = from; i < json.length; i++) {
            byte b = json[i];
            if (b == '}') {
                return i;
            }
            if (b == '"' || b == '\\' || b == '$' || b == '{' || (b >= 0 && b < 0x20)) {
                return -1;
            }
        }
        return -1;
    }

    /** Returns the placeholder names in the order they first appear. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part.name != null) {
                names.add(part.name);
            }
        }
        return names;
    }

    /**
     * Returns the template rendered: each placeholder replaced by its variable, else its secret, else nothing (with a
     * warning), JSON-escaped. The body is rendered once, into at most {@code limit} bytes; the redacted body is cut
     * from it, with {@code ***} where each secret was written.
     *
     * @throws TemplateRenderException with the message {@code tooLarge} as soon as the body would pass {@code limit}
     */
    RenderedPayload render(Map<String, String> variables, Map<String, Secret> secrets, int limit, String tooLarge) {
        List<String> warnings = new ArrayList<>();
        ByteArrayBuilder out = new ByteArrayBuilder(template.length + 64 * parts.size(), limit, tooLarge);
        List<int[]> secretRanges = new ArrayList<>(); // Where each secret's escaped value starts and ends in the body.
        for (Part part : parts) {
            if (part.name == null) {
                out.write(template, part.from, part.to - part.from);
                continue;
            }
            String value = variables.get(part.name);
            Secret secret = value == null ? secrets.get(part.name) : null;
            if (value == null && secret == null) {
                String warning = "unknown variable ${" + part.name + "} rendered blank";
                if (!warnings.contains(warning)) {
                    warnings.add(warning);
                }
                value = "";
            }
            int from = out.size();
            escape(part, secret != null ? secret.reveal() : value, out);
            if (secret != null) {
                secretRanges.add(new int[] { from, out.size() });
            }
        }
        byte[] body = out.toByteArray();
        return new RenderedPayload(body, redacted(body, secretRanges), warnings);
    }

    private static void escape(Part part, String value, ByteArrayBuilder out) {
        if (part.inName) {
            JsonStringEscaper.escapeName(value, out);
        } else {
            JsonStringEscaper.escape(value, out);
        }
    }

    /** Returns {@code body} as text with each of {@code secretRanges} shown as {@code ***}. */
    private static String redacted(byte[] body, List<int[]> secretRanges) {
        StringBuilder text = new StringBuilder(body.length);
        int at = 0;
        for (int[] range : secretRanges) {
            text.append(new String(body, at, range[0] - at, StandardCharsets.UTF_8)).append(Secret.REDACTED);
            at = range[1];
        }
        return text.append(new String(body, at, body.length - at, StandardCharsets.UTF_8)).toString();
    }
}
