package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
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
    void dispatchWritesOneEmbeddedMetricFormatDocumentPerContactedHost() throws Exception {
        List<String> documents = metricsWrittenBy(
                () -> Relay.dispatch(Requests.githubDispatch(receiver.url("/hook"))).statusCode(200));

        assertThat(documents).hasSize(1);
        JsonNode document = Requests.JSON.readTree(documents.get(0));
        assertThat(document.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("WebhookRelay");
        assertThat(document.get("FunctionName").asText()).isEqualTo("webhook-relay");
        assertThat(document.get("IntegrationHost").asText()).isEqualTo("127.0.0.1");
        assertThat(document.get("Deliveries").asInt()).isEqualTo(1);
        assertThat(document.get("Failures").asInt()).isZero();
        assertThat(document.get("Skipped").asInt()).isZero();
        assertThat(document.get("Attempts").asInt()).isEqualTo(1);
        assertThat(document.get("Latency")).hasSize(1);
        assertThat(document.get("Latency").get(0).asDouble()).isPositive();
        assertThat(documents.get(0)).doesNotContain("deploy-on-prod", "dlv_", "github-dispatch");
    }

    @Test
    void hostsOfAutomationsThatWereNotContactedAreNoDimension() throws Exception {
        // Issue 12 (8): 98 automations that do not fire, to 98 hosts, and one refused by the egress guard.
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        for (int i = 0; i < 98; i++) {
            String id = "never-" + i;
            request.withArray("integrations").add(Requests.integration(id, URI.create("https://h" + i + ".example/")));
            request.withArray("automations").add(Requests.automation(id, id, "{}").put("enabled", false));
        }
        request.withArray("integrations").add(Requests.integration("refused", URI.create("http://10.1.2.3/")));
        request.withArray("automations").add(Requests.automation("refused", "refused", "{}"));

        List<String> documents = metricsWrittenBy(() -> Relay.dispatch(request).statusCode(502));

        assertThat(documents).extracting(line -> Requests.JSON.readTree(line).get("IntegrationHost").asText())
                .containsExactly("127.0.0.1", "none");
        JsonNode none = Requests.JSON.readTree(documents.get(1));
        assertThat(none.get("Skipped").asInt()).isEqualTo(98);
        assertThat(none.get("Failures").asInt()).isEqualTo(1);
    }

    @Test
    void contactedHostsPastTheTenthShareOneDimensionValue() throws Exception {
        // Issue 12 (8): twelve host names, all loopback (RFC 6761), all contacted.
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        request.withArray("automations").removeAll();
        request.withArray("integrations").removeAll();
        for (int i = 0; i < 12; i++) {
            String id = "host-" + i;
            request.withArray("integrations").add(Requests.integration(id,
                    URI.create("http://h" + i + ".localhost:" + receiver.url("/").getPort() + "/hook")));
            request.withArray("automations").add(Requests.automation(id, id, "{}"));
        }

        List<String> documents = metricsWrittenBy(() -> Relay.dispatch(request).statusCode(200));

        assertThat(documents).extracting(line -> Requests.JSON.readTree(line).get("IntegrationHost").asText())
                .containsExactly("h0.localhost", "h1.localhost", "h2.localhost", "h3.localhost", "h4.localhost",
                        "h5.localhost", "h6.localhost", "h7.localhost", "h8.localhost", "h9.localhost", "other");
        assertThat(Requests.JSON.readTree(documents.get(10)).get("Deliveries").asInt()).isEqualTo(2);
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
