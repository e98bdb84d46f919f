package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12 (5): a target that echoes the body it received sends the secrets back JSON-escaped, once or twice; the report
 * shows none of them, not a longer secret's tail, and not the start of one cut at the 4 KiB the report keeps.
 */
@QuarkusTest
@TestProfile(EchoRedactionTest.EchoSecrets.class)
class EchoRedactionTest extends WithReceiver {

    /** The secrets of this test: {@code ESCAPING_TOKEN}, and a token that a signing secret extends. */
    static final Path SEED = Path.of("src/test/resources/secrets-echo.json");

    private static final String ESCAPING = "s3<cr&t\"\\/7q-never-show-me";

    /** The memory store seeded from {@link #SEED}. */
    public static class EchoSecrets implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.secrets.seed-file", SEED.toString());
        }
    }

    @Test
    void bodyEchoedOnceAndTwiceEscapedShowsNoSecret() {
        receiver.echoing(request -> "{\"data\":" + jackson(request.bodyText()) + ",\"json\":"
                + Requests.parse(request.bodyText()) + "}");
        ObjectNode escaping = Requests.integration("escaping", receiver.url("/hook"));
        escaping.put("accessTokenRef", "ESCAPING_TOKEN").remove("secretRef");
        ObjectNode request = Requests.dispatch(Requests.JSON.createArrayNode()
                .add(escaping).add(Requests.integration("prefixed", receiver.url("/hook"))),
                Requests.automation("escaping", "escaping", "{\"t\": \"${ACCESS_TOKEN}\"}"),
                Requests.automation("prefixed", "prefixed", "{\"t\": \"${ACCESS_TOKEN}\", \"s\": \"${SIGNING_SECRET}\"}"));

        String report = Relay.dispatch(request)
                .statusCode(200)
                .body("deliveries[0].attempts[0].responseBody",
                        equalTo("{\"data\":\"{\\\"t\\\": \\\"***\\\"}\",\"json\":{\"t\":\"***\"}}"))
                .body("deliveries[1].attempts[0].responseBody",
                        equalTo("{\"data\":\"{\\\"t\\\": \\\"***\\\", \\\"s\\\": \\\"***\\\"}\",\"json\":{\"t\":\"***\",\"s\":\"***\"}}"))
                .extract().asString();

        assertThat(receiver.received()).anySatisfy(
                received -> assertThat(received.bodyText()).contains("s3\\u003ccr\\u0026t\\\""));
        assertThat(report).doesNotContain("s3<cr", "s3\\u003c", "s3\\\\u003c", "abc123", "-signing");
    }

    @Test
    void secretAcrossTheCutIsNotShownInPart() throws Exception {
        String padding = "x".repeat(4096 - 3);
        receiver.echoing(request -> padding + Requests.parse(request.bodyText()).get("s").asText());
        ObjectNode request = Requests.dispatch(Requests.integration("prefixed", receiver.url("/hook")),
                Requests.automation("prefixed", "prefixed", "{\"s\": \"${SIGNING_SECRET}\"}"));

        Relay.dispatch(request)
                .statusCode(200)
                .body("deliveries[0].attempts[0].responseBody", equalTo(padding + "***"));
        assertThat(Files.readString(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8))
                .doesNotContain(ESCAPING, "abc123-7q");
    }

    private static String jackson(String text) {
        try {
            return Requests.JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
