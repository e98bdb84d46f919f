package dev.webhookrelay.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.secrets.Secret;

class TemplateRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateRenderer renderer = new TemplateRenderer();

    private String render(String template, Map<String, String> variables) {
        return new String(renderer.render(template, variables, Map.of()).body(), StandardCharsets.UTF_8);
    }

    /** Returns what a JSON parser reads back for key {@code v} of a rendered {@code {"v": "${x}"}}. */
    private String roundTrip(String value) throws Exception {
        String rendered = render("{\"v\": \"${x}\"}", Map.of("x", value));
        return JSON.readTree(rendered).get("v").textValue();
    }

    @Test
    void substitutesAPlaceholderInsideAString() {
        assertThat(render("{\"a\": \"${alias}\"}", Map.of("alias", "production"))).isEqualTo("{\"a\": \"production\"}");
    }

    @Test
    void keepsEveryByteOutsidePlaceholders() {
        String template = "{\n\t\"a\" : [ 1.50 , true, null, \"x${alias}y\" ],  \"b\":{}\r\n}";
        assertThat(render(template, Map.of("alias", "P")))
                .isEqualTo("{\n\t\"a\" : [ 1.50 , true, null, \"xPy\" ],  \"b\":{}\r\n}");
    }

    @Test
    void substitutesInKeysToo() {
        assertThat(render("{\"${alias}\": 1}", Map.of("alias", "k"))).isEqualTo("{\"k\": 1}");
    }

    @Test
    void substitutesAtStringEdgesAndSideBySide() {
        assertThat(render("{\"a\": \"${x}${y}\", \"b\": \"${x}\", \"c\": \"-${y}-\"}", Map.of("x", "1", "y", "2")))
                .isEqualTo("{\"a\": \"12\", \"b\": \"1\", \"c\": \"-2-\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # template                          | rendered
            {"a": "$5"}                         | {"a": "$5"}
            {"a": "$"}                          | {"a": "$"}
            {"a": "${"}                         | {"a": "${"}
            {"a": "${}"}                        | {"a": "${}"}
            {"a": "${alias"}                    | {"a": "${alias"}
            {"a": "$${alias}"}                  | {"a": "$P"}
            {"a": "${al ias}"}                  | {"a": ""}
            {"a": "\\\\${alias}"}               | {"a": "\\\\P"}
            {"a": "\\"${alias}"}                | {"a": "\\"P"}
            {"a": "${ali\\"as}"}                | {"a": "${ali\\"as}"}
            {"a": "${x${alias}}"}               | {"a": "${xP}"}
            """)
    void leavesWhatIsNotAPlaceholderAsWritten(String template, String rendered) {
        assertThat(render(template, Map.of("alias", "P"))).isEqualTo(rendered);
    }

    @Test
    void doesNotSubstituteOutsideStrings() {
        // A placeholder outside a string makes the template invalid JSON, so it is refused, not rendered.
        assertThatThrownBy(() -> render("{\"a\": ${alias}}", Map.of("alias", "1")))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("Payload template is not valid JSON: ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            quotes and backslashes  | 'say "hi" \\ bye'
            newline and tab         | 'line1\nline2\tend'
            script end tag          | '</script><script>alert(1)</script>'
            ampersand               | 'a & b'
            line separators         | 'a\u2028b\u2029c'
            emoji outside the BMP   | 'model 🚀 𝄞'
            accents                 | 'café naïve'
            json injection          | '", "admin": true, "x": "'
            """)
    void anyValueYieldsValidJsonThatReadsBackUnchanged(String description, String value) throws Exception {
        String unescaped = value.replace("\\n", "\n").replace("\\t", "\t");
        assertThat(roundTrip(unescaped)).isEqualTo(unescaped);
    }

    @Test
    void escapesControlCharactersAndHtmlSignificantOnes() {
        assertThat(render("{\"v\": \"${x}\"}", Map.of("x", "\u0000\u001f\"\\\n</a>&\u2028\u007f")))
                .isEqualTo("{\"v\": \"\\u0000\\u001f\\\"\\\\\\n\\u003c/a\\u003e\\u0026\\u2028\\u007f\"}");
    }

    @Test
    void encodesNonBmpCharactersAsFourByteUtf8() {
        byte[] body = renderer.render("{\"v\": \"${x}\"}", Map.of("x", "🚀"), Map.of()).body();
        assertThat(body).containsSubsequence(new byte[] { (byte) 0xf0, (byte) 0x9f, (byte) 0x9a, (byte) 0x80 });
    }

    @Test
    void escapesLoneSurrogatesSoTheBodyIsWellFormedUtf8() throws Exception {
        assertThat(render("{\"v\": \"${x}\"}", Map.of("x", "a\ud800b"))).isEqualTo("{\"v\": \"a\\ud800b\"}");
    }

    @Test
    void rendersUnknownVariablesBlankWithOneWarningEach() {
        RenderedPayload rendered = renderer.render("{\"a\": \"${nope}\", \"b\": \"${nope}${also_not}\"}", Map.of(), Map.of());
        assertThat(new String(rendered.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": \"\", \"b\": \"\"}");
        assertThat(rendered.warnings()).containsExactly("unknown variable ${nope} rendered blank",
                "unknown variable ${also_not} rendered blank");
    }

    @Test
    void rendersSecretsInTheBodyAndStarsInTheRedactedBody() {
        RenderedPayload rendered = renderer.render("{\"t\": \"Bearer ${ACCESS_TOKEN}\", \"a\": \"${alias}\"}",
                Map.of("alias", "prod"), Map.of("ACCESS_TOKEN", Secret.of("s3cr\"t")));
        assertThat(new String(rendered.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"t\": \"Bearer s3cr\\\"t\", \"a\": \"prod\"}");
        assertThat(rendered.redactedBody()).isEqualTo("{\"t\": \"Bearer ***\", \"a\": \"prod\"}");
        assertThat(rendered.warnings()).isEmpty();
    }

    @Test
    void documentedVariablesWinOverSecretsOfTheSameName() {
        RenderedPayload rendered = renderer.render("{\"a\": \"${alias}\"}", Map.of("alias", "prod"),
                Map.of("alias", Secret.of("hidden")));
        assertThat(new String(rendered.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": \"prod\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # template              | message
            '[1, 2]'                | Payload template must be a JSON object
            '"text"'                | Payload template must be a JSON object
            '42'                    | Payload template must be a JSON object
            '{} {}'                 | Payload template has content after its JSON object
            '{"a": 1} x'            | 'Payload template is not valid JSON: Unrecognized token ''x'': was expecting (JSON String, Number, Array, Object or token ''null'', ''true'' or ''false'') at line 1, column 10'
            """)
    void refusesTemplatesThatAreNotAJsonObject(String template, String message) {
        assertThatThrownBy(() -> render(template, Map.of()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessage(message);
    }

    @Test
    void refusesMalformedAndEmptyTemplates() {
        assertThatThrownBy(() -> render("{\"a\": ", Map.of())).isInstanceOf(TemplateRenderException.class);
        assertThatThrownBy(() -> render("", Map.of())).isInstanceOf(TemplateRenderException.class)
                .hasMessage("Payload template must be a JSON object");
        assertThatThrownBy(() -> render("{\"a\": \"unterminated}", Map.of())).isInstanceOf(TemplateRenderException.class);
    }

    @Test
    void rendersTheSameCachedTemplateWithDifferentValues() {
        String template = "{\"a\": \"${alias}\"}";
        assertThat(render(template, Map.of("alias", "one"))).isEqualTo("{\"a\": \"one\"}");
        assertThat(render(template, Map.of("alias", "two"))).isEqualTo("{\"a\": \"two\"}");
    }

    @Test
    void keepsServingPastTheCacheBound() {
        for (int i = 0; i < TemplateRenderer.CACHE_SIZE * 2 + 1; i++) {
            assertThat(render("{\"n\": " + i + ", \"a\": \"${alias}\"}", Map.of("alias", "x")))
                    .isEqualTo("{\"n\": " + i + ", \"a\": \"x\"}");
        }
    }
}
