package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * In the production log format, JSON, each delivery is one line whose fields CloudWatch Logs Insights can query; with
 * {@code relay.logging.payloads} on, it carries the payload as the report shows it, never a secret.
 */
@QuarkusTest
@TestProfile(DeliveryLogTest.JsonLogs.class)
class DeliveryLogTest extends WithReceiver {

    /** Where this profile writes its JSON log; .ci/run scans it for secret values with the other test logs. */
    static final Path LOG = Path.of("target/quarkus-test.log-json");

    /** The production log format, written to a file, with payload logging on. */
    public static class JsonLogs implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.json.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(),
                    "relay.logging.payloads", "true");
        }
    }

    @Test
    void deliveryIsOneJsonLineWithItsFieldsAndTheRedactedPayload() throws Exception {
        String template = "{\"token\": \"${ACCESS_TOKEN}\", \"who\": \"${event_author}\"}";
        long logged = logSize();
        receiver.enqueue(Receiver.Response.status(500), Receiver.Response.status(202));
        String deliveryId = Relay.dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                        Requests.automation("notify-team", "i1", template)))
                .statusCode(200)
                .extract().path("deliveries[0].deliveryId");

        JsonNode mdc = deliveryLine(deliveryId, logged).get("mdc");
        assertThat(mdc.get("automation").asText()).isEqualTo("notify-team");
        assertThat(mdc.get("integration").asText()).isEqualTo("github-dispatch");
        assertThat(mdc.get("targetHost").asText()).isEqualTo("127.0.0.1");
        assertThat(mdc.get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(mdc.get("attempts").asText()).isEqualTo("2");
        assertThat(mdc.get("status").asText()).isEqualTo("202");
        assertThat(Double.parseDouble(mdc.get("durationMs").asText())).isPositive();
        assertThat(mdc.get("payload").asText()).isEqualTo("{\"token\": \"***\", \"who\": \"frds\"}");
        assertThat(Files.readString(LOG, StandardCharsets.UTF_8)).doesNotContain(SeededSecrets.TOKEN);
    }

    @Test
    void refusedDeliveryIsLoggedWithoutAStatus() throws Exception {
        long logged = logSize();
        String deliveryId = Relay.dispatch(Requests.githubDispatch(java.net.URI.create("http://127.0.0.2:9/refused")))
                .statusCode(502)
                .extract().path("deliveries[0].deliveryId");

        JsonNode line = deliveryLine(deliveryId, logged);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.at("/mdc/outcome").asText()).isEqualTo("FAILED");
        assertThat(line.at("/mdc/attempts").asText()).isEqualTo("0");
        assertThat(line.at("/mdc/targetHost").asText()).isEqualTo("127.0.0.2");
        assertThat(line.get("mdc").has("status")).isFalse();
    }

    /** Returns how many bytes the log has: the file is kept across runs, and delivery ids repeat. */
    private static long logSize() throws IOException {
        return Files.exists(LOG) ? Files.size(LOG) : 0;
    }

    /** Returns the one log line of {@code deliveryId} written after the first {@code from} bytes, parsed. */
    private static JsonNode deliveryLine(String deliveryId, long from) throws Exception {
        byte[] log = Files.readAllBytes(LOG);
        String written = new String(log, (int) from, log.length - (int) from, StandardCharsets.UTF_8);
        JsonNode found = null;
        for (String line : written.lines().toList()) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode record = Requests.JSON.readTree(line);
            if (deliveryId.equals(record.at("/mdc/deliveryId").asText())) {
                assertThat(found).as("one line per delivery").isNull();
                found = record;
            }
        }
        assertThat(found).as("a log line for " + deliveryId).isNotNull();
        assertThat(found.get("message").asText()).startsWith("delivery id=" + deliveryId + " ");
        return found;
    }
}
