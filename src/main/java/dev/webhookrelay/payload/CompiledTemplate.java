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
     * warning), JSON-escaped.
     */
    RenderedPayload render(Map<String, String> variables, Map<String, Secret> secrets) {
        List<String> warnings = new ArrayList<>();
        ByteArrayBuilder body = write(variables, secrets, false, warnings);
        boolean usesSecret = false;
        for (Part part : parts) {
            usesSecret |= part.name != null && !variables.containsKey(part.name) && secrets.containsKey(part.name);
        }
        String redacted = usesSecret ? write(variables, secrets, true, new ArrayList<>()).toUtf8String()
                : body.toUtf8String();
        return new RenderedPayload(body.toByteArray(), redacted, warnings);
    }

    private ByteArrayBuilder write(Map<String, String> variables, Map<String, Secret> secrets, boolean redact,
            List<String> warnings) {
        ByteArrayBuilder out = new ByteArrayBuilder(template.length + 64 * parts.size());
        for (Part part : parts) {
            if (part.name == null) {
                out.write(template, part.from, part.to - part.from);
                continue;
            }
            String value = variables.get(part.name);
            if (value == null) {
                Secret secret = secrets.get(part.name);
                if (secret != null) {
                    value = redact ? Secret.REDACTED : secret.reveal();
                } else {
                    String warning = "unknown variable ${" + part.name + "} rendered blank";
                    if (!warnings.contains(warning)) {
                        warnings.add(warning);
                    }
                    value = "";
                }
            }
            if (part.inName) {
                JsonStringEscaper.escapeName(value, out);
            } else {
                JsonStringEscaper.escape(value, out);
            }
        }
        return out;
    }
}
