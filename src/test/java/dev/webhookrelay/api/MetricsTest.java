package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code relay.metrics.enabled}, a dispatch through the Lambda event path writes one CloudWatch Embedded Metric
 * Format document to standard output; a dry run writes none.
 */
@QuarkusTest
@TestProfile(MetricsTest.MetricsOn.class)
class MetricsTest extends WithReceiver {

    /** The production setting, in the test profile. */
    public static class MetricsOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.metrics.enabled", "true");
        }
    }

    @Test
    void dispatchWritesOneEmbeddedMetricFormatDocument() throws Exception {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ObjectNode skipped = Requests.automation("never", "SW50ZWdyYXRpb246MQ==", "{}");
        skipped.put("triggeringEventType", "RUN_STATE");
        skipped.remove("eventFilter"); // The alias filter of the fixture does not fit a run event.
        request.withArray("automations").add(skipped);

        List<String> documents = metricsWrittenBy(() -> Relay.dispatch(request).statusCode(200));

        assertThat(documents).hasSize(1);
        JsonNode document = Requests.JSON.readTree(documents.get(0));
        assertThat(document.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("WebhookRelay");
        assertThat(document.get("FunctionName").asText()).isEqualTo("webhook-relay");
        assertThat(document.get("IntegrationHost").asText()).isEqualTo("127.0.0.1");
        assertThat(document.get("Deliveries").asInt()).isEqualTo(1);
        assertThat(document.get("Failures").asInt()).isZero();
        assertThat(document.get("Skipped").asInt()).isEqualTo(1);
        assertThat(document.get("Attempts").asInt()).isEqualTo(1);
        assertThat(document.get("Latency")).hasSize(1);
        assertThat(document.get("Latency").get(0).asDouble()).isPositive();
        assertThat(documents.get(0)).doesNotContain("deploy-on-prod", "dlv_", "github-dispatch");
    }

    @Test
    void dryRunWritesNoMetrics() {
        List<String> documents = metricsWrittenBy(
                () -> Relay.dryRun(Requests.githubDispatch(receiver.url("/hook"))).statusCode(200));

        assertThat(documents).isEmpty();
    }

    @Test
    void webhookTestWritesNoMetrics() {
        ObjectNode test = Requests.JSON.createObjectNode();
        test.putObject("entity").put("name", "tiny-ml");
        test.set("integration", Requests.integration("i1", receiver.url("/hook")));

        List<String> documents = metricsWrittenBy(() -> Relay.testWebhook(test).statusCode(200));

        assertThat(documents).isEmpty();
    }

    /** Returns the EMF documents {@code action} wrote to standard output, which it still reaches. */
    private static List<String> metricsWrittenBy(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                captured.write(bytes, offset, length);
                original.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("{\"_aws\"")).toList();
    }
}
