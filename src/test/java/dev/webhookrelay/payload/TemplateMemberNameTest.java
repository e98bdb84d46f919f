package dev.webhookrelay.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A value with an unpaired surrogate, substituted into a member name, still gives a body that Jackson reads: Jackson
 * refuses an unpaired surrogate in a name even escaped, so there it becomes U+FFFD; in a value it stays escaped as
 * itself. Found by the renderer fuzz test.
 */
class TemplateMemberNameTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void loneSurrogateInAMemberNameBecomesTheReplacementCharacterSoTheBodyParses() throws Exception {
        byte[] body = renderer.render("{\"${x}\": \"${x}\"}", Map.of("x", "a\ud800b"), Map.of()).body();

        assertThat(new String(body, "UTF-8")).isEqualTo("{\"a\\ufffdb\": \"a\\ud800b\"}");
        JsonNode read = JSON.readTree(body);
        assertThat(read.get("a\ufffdb").textValue()).isEqualTo("a\ud800b");
    }

    @Test
    void memberNamesAreTrackedThroughNestedObjectsAndArrays() throws Exception {
        String template = "{\"k\": [{\"${x}\": 1}, \"${x}\", [\"${x}\"]],"
                + " \"${x}\" : {\"n\": \"${x}\", \"${x}${x}\": [{}]}, \"s\": \"{\\\"${x}\\\": 1}\"}";
        byte[] body = renderer.render(template, Map.of("x", "\udc00"), Map.of()).body();

        assertThat(new String(body, "UTF-8")).isEqualTo("{\"k\": [{\"\\ufffd\": 1}, \"\\udc00\", [\"\\udc00\"]],"
                + " \"\\ufffd\" : {\"n\": \"\\udc00\", \"\\ufffd\\ufffd\": [{}]}, \"s\": \"{\\\"\\udc00\\\": 1}\"}");
        JSON.readTree(body);
    }

    @Test
    void pairedSurrogatesInAMemberNameAreKept() throws Exception {
        byte[] body = renderer.render("{\"${x}\": 1}", Map.of("x", "\ud83d\ude00"), Map.of()).body();

        assertThat(JSON.readTree(body).fieldNames().next()).isEqualTo("\ud83d\ude00");
    }
}
