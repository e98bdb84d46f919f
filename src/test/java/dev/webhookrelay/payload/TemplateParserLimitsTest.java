package dev.webhookrelay.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Templates that hit a limit of the JSON parser, which reports them without a location: rejected as invalid, like any
 * other template that cannot be read, rather than failing the renderer. Found by the renderer fuzz test.
 */
class TemplateParserLimitsTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void templateNestedDeeperThanTheParserAllowsIsRejected() {
        String template = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertThatThrownBy(() -> renderer.check(template))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("Payload template is not valid JSON: Document nesting depth (1001) exceeds");
    }

    @Test
    void templateWithANumberLongerThanTheParserAllowsIsRejected() {
        String template = "{\"n\":" + "1".repeat(1001) + "}";
        assertThatThrownBy(() -> renderer.render(template, Map.of(), Map.of()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("Payload template is not valid JSON: Number value length (1001) exceeds");
    }

    @Test
    void templateJustInsideTheParserLimitsRenders() {
        String template = "{\"a\":" + "[".repeat(999) + "\"${alias}\"" + "]".repeat(999) + ", \"n\":"
                + "1".repeat(1000) + "}";
        String body = new String(renderer.render(template, Map.of("alias", "prod"), Map.of()).body(),
                StandardCharsets.UTF_8);
        assertThat(body).isEqualTo(template.replace("${alias}", "prod"));
    }
}
