package dev.webhookrelay.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.payload.EventVariables;
import dev.webhookrelay.payload.RenderedPayload;
import dev.webhookrelay.payload.TemplateRenderException;
import dev.webhookrelay.payload.TemplateRenderer;
import dev.webhookrelay.secrets.Secret;

/**
 * Properties of {@link TemplateRenderer} over random templates and values:
 * <ul>
 * <li>for a template that is a JSON object and any values (lone surrogates, control characters, quotes, U+2028 …) the
 * body is well-formed UTF-8 holding exactly one JSON object; every byte outside placeholders is the template's; each
 * placeholder holds its value JSON-escaped, which reads back as exactly that value; the redacted body is the same with
 * every secret as {@code ***}; the warnings name exactly the unknown placeholders;
 * <li>for a mutated template (broken, truncated, nested past parser limits, numbers past parser limits, over 64 KiB)
 * {@code check} and {@code render} either accept it with a well-formed body or throw {@link TemplateRenderException},
 * and agree on which;
 * <li>every render ends within {@link #BOUND}.
 * </ul>
 */
class TemplateRendererFuzzTest {

    /**
     * Jackson as it is, but for the length of member names: a long value substituted into a name may pass its default
     * 50,000 characters, and that limit is the receiver's choice, not a property of JSON.
     */
    private static final JsonFactory STRICT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(Integer.MAX_VALUE).build())
            .build();
    private static final ObjectMapper JSON = new ObjectMapper(STRICT);
    private static final String SECRET_MARK = "sEcReT-";

    /** How long one render may take: it is linear, and the largest template is 64 KiB. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void wellFormedTemplatesRenderValidJsonAndKeepEveryByteOutsidePlaceholders() {
        Fuzz.Tally tally = new Fuzz.Tally();
        Fuzz.run("renderer.wellFormed", 1000, tally, random -> {
            Map<String, String> variables = variables(random);
            Map<String, Secret> secrets = secrets(random);
            List<String> names = new ArrayList<>(variables.keySet());
            names.addAll(secrets.keySet());
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                names.add(Templates.unknownName(random));
            }
            Templates.Template template = Templates.object(random, names);
            String text = template.text();
            try {
                RenderedPayload rendered = Fuzz.within(BOUND, () -> renderer.render(text, variables, secrets));
                tally.count(template.pieces().size() > 1 ? "with placeholders" : "without placeholders");

                assertWellFormedObject(rendered.body());
                assertThat(rendered.body()).as("body").isEqualTo(expected(template, variables, secrets, false));
                assertThat(rendered.redactedBody()).as("redacted body").isEqualTo(
                        new String(expected(template, variables, secrets, true), StandardCharsets.UTF_8));
                assertThat(rendered.redactedBody()).doesNotContain(SECRET_MARK);
                assertThat(rendered.warnings()).isEqualTo(warnings(template, variables, secrets));
            } catch (Throwable e) {
                throw new AssertionError("template " + Fuzz.abbreviate(text, 2000) + "\nvariables "
                        + Fuzz.abbreviate(variables.toString(), 2000), e);
            }
        });
    }

    @Test
    void mutatedTemplatesRenderValidJsonOrAreRejected() {
        Fuzz.Tally tally = new Fuzz.Tally();
        Fuzz.run("renderer.mutated", 2000, tally, random -> {
            Map<String, String> variables = variables(random);
            Map<String, Secret> secrets = secrets(random);
            List<String> names = new ArrayList<>(variables.keySet());
            names.addAll(secrets.keySet());
            String text = mutate(random, Templates.object(random, names).text());
            try {
                Throwable checked = Fuzz.within(BOUND, () -> thrown(() -> renderer.check(text)));
                Throwable rendered = null;
                RenderedPayload payload = null;
                try {
                    payload = Fuzz.within(BOUND, () -> renderer.render(text, variables, secrets));
                } catch (TemplateRenderException e) {
                    rendered = e;
                }
                if (checked != null && !(checked instanceof TemplateRenderException)) {
                    throw new AssertionError("check threw " + checked, checked);
                }
                assertThat(checked == null).as("check and render agree; check threw %s, render threw %s",
                        checked, rendered).isEqualTo(rendered == null);
                if (payload != null) {
                    assertWellFormedObject(payload.body());
                    assertThat(payload.redactedBody()).doesNotContain(SECRET_MARK);
                    tally.count("accepted");
                } else {
                    tally.count("rejected");
                }
            } catch (Throwable e) {
                throw new AssertionError("template " + Fuzz.abbreviate(text, 2000), e);
            }
        });
    }

    /** Returns the body the template must render to: its literal bytes, and each placeholder's value escaped. */
    private byte[] expected(Templates.Template template, Map<String, String> variables, Map<String, Secret> secrets,
            boolean redacted) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Templates.Piece piece : template.pieces()) {
            if (piece instanceof Templates.Literal literal) {
                body.write(literal.text().getBytes(StandardCharsets.UTF_8));
            } else {
                Templates.Hole hole = (Templates.Hole) piece;
                String value = variables.get(hole.name());
                if (value == null && secrets.containsKey(hole.name())) {
                    value = redacted ? Secret.REDACTED : secrets.get(hole.name()).reveal();
                }
                value = value == null ? "" : value;
                body.write(hole.inName() ? escapedName(value) : escaped(value));
            }
        }
        return body.toByteArray();
    }

    /**
     * Returns how the renderer escapes {@code value}, as the renderer writes it into {@code {"v":"${v}"}}, once checked
     * to be valid UTF-8 that a JSON parser reads back as exactly {@code value}.
     */
    private byte[] escaped(String value) throws IOException {
        byte[] body = renderer.render("{\"v\":\"${v}\"}", Map.of("v", value), Map.of()).body();
        assertWellFormedObject(body);
        assertThat(JSON.readTree(body).get("v").textValue()).as("value read back").isEqualTo(value);
        return Arrays.copyOfRange(body, 6, body.length - 2);
    }

    /**
     * Returns how the renderer escapes {@code value} in a member name, as it writes it into {@code {"${v}":0}}, once
     * checked to read back as {@code value} with each unpaired surrogate as U+FFFD (no parser need accept one there).
     */
    private byte[] escapedName(String value) throws IOException {
        byte[] body = renderer.render("{\"${v}\":0}", Map.of("v", value), Map.of()).body();
        assertWellFormedObject(body);
        assertThat(JSON.readTree(body).fieldNames().next()).as("name read back")
                .isEqualTo(withoutLoneSurrogates(value));
        return Arrays.copyOfRange(body, 2, body.length - 4);
    }

    /** Returns {@code text} with every unpaired surrogate replaced by U+FFFD. */
    static String withoutLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }

    private static List<String> warnings(Templates.Template template, Map<String, String> variables,
            Map<String, Secret> secrets) {
        Set<String> warnings = new LinkedHashSet<>();
        for (Templates.Piece piece : template.pieces()) {
            if (piece instanceof Templates.Hole hole && !variables.containsKey(hole.name())
                    && !secrets.containsKey(hole.name())) {
                warnings.add("unknown variable ${" + hole.name() + "} rendered blank");
            }
        }
        return List.copyOf(warnings);
    }

    /** Asserts that {@code body} is well-formed UTF-8 holding one JSON object and nothing after it. */
    static void assertWellFormedObject(byte[] body) throws IOException {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new AssertionError("body is not well-formed UTF-8", e);
        }
        try (JsonParser parser = STRICT.createParser(body)) {
            assertThat(parser.nextToken()).as("first token").isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() != null) {
                // Reads every token, every string decoded, to the end: one object and nothing after it.
                if (parser.currentToken() == JsonToken.VALUE_STRING || parser.currentToken() == JsonToken.FIELD_NAME) {
                    parser.getText();
                }
            }
            assertThat(parser.getParsingContext().inRoot()).as("object closed").isTrue();
        }
    }

    /** Variables: every documented name, a metadata key or two, and random names, with hostile values. */
    private static Map<String, String> variables(SplittableRandom random) {
        Map<String, String> variables = new HashMap<>();
        for (String name : EventVariables.NAMES) {
            if (random.nextInt(3) > 0) {
                variables.put(name, Hostile.string(random));
            }
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            variables.put(EventVariables.METADATA_PREFIX + Templates.unknownName(random), Hostile.string(random));
        }
        return variables;
    }

    /** Secrets under the names the relay gives them, each value marked so that a leak is plain to see. */
    private static Map<String, Secret> secrets(SplittableRandom random) {
        Map<String, Secret> secrets = new HashMap<>();
        for (String name : List.of("ACCESS_TOKEN", "SIGNING_SECRET", Hostile.word(random, 6).toUpperCase())) {
            if (random.nextBoolean()) {
                secrets.put(name, Secret.of(SECRET_MARK + Hostile.word(random, 8) + Hostile.string(random)));
            }
        }
        return secrets;
    }

    /** Text that breaks JSON, inserted anywhere. */
    private static final List<String> BREAKERS = List.of("\"", "{", "}", "[", "]", ",", ":", "\\", "\u0000",
            "\uD800", "${", "$", "\\u", "\\ud800", "1e", "-", "\n", "/*x*/", "'", "NaN", "\"a\":");

    /** Returns {@code template} broken in one to four ways, or replaced by one built to hit a parser limit. */
    static String mutate(SplittableRandom random, String template) {
        if (random.nextInt(8) == 0) {
            return limitBreaker(random);
        }
        StringBuilder text = new StringBuilder(template);
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(9)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 1 -> text.insert(at, Hostile.pickOne(random, BREAKERS));
                case 2 -> text.insert(at, Hostile.string(random));
                case 3 -> {
                    int to = Math.min(text.length(), at + random.nextInt(40));
                    text.insert(at, text.substring(at, to));
                }
                case 4 -> text.setLength(at);
                case 5 -> {
                    String wrapped = Hostile.pickOne(random, List.of("[%s]", "\"%s\"", " %s ", "\uFEFF%s", "%s{}",
                            "%s\u0000", "%s %s", "{\"a\":%s}"));
                    String current = text.toString();
                    text.setLength(0);
                    text.append(wrapped.replace("%s", current));
                }
                case 6 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, (char) random.nextInt(0x10000));
                    }
                }
                case 7 -> text.insert(at, Templates.unknownName(random));
                default -> text.insert(at, "${" + Hostile.string(random) + "}");
            }
        }
        return text.toString();
    }

    /** Templates at and past the parser's and the renderer's limits: nesting, number length, template size. */
    private static String limitBreaker(SplittableRandom random) {
        int[] around = { -2, -1, 0, 1, 2 };
        int delta = around[random.nextInt(around.length)];
        return switch (random.nextInt(6)) {
            case 0 -> "{\"a\":" + "[".repeat(999 + delta) + "]".repeat(999 + delta) + "}";
            case 1 -> "{\"a\":".repeat(1000 + delta) + "1" + "}".repeat(1000 + delta);
            case 2 -> "{\"n\":" + "1".repeat(1000 + delta) + "}";
            case 3 -> "{\"n\":0." + "5".repeat(1000 + delta) + "}";
            case 4 -> "{\"n\":1e" + "9".repeat(20 + random.nextInt(2000)) + "}";
            default -> "{\"s\":\"" + "x".repeat(TemplateRenderer.MAX_TEMPLATE_BYTES - 8 + delta) + "\"}";
        };
    }

    private static Throwable thrown(Runnable action) {
        try {
            action.run();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }
}
