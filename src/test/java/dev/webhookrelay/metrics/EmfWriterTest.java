package dev.webhookrelay.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.metrics.DeliverySample.Result;

/**
 * The documents follow the CloudWatch Embedded Metric Format specification: {@code _aws.Timestamp} in epoch
 * milliseconds, {@code _aws.CloudWatchMetrics} as metric directives of {@code Namespace}, {@code Dimensions} (arrays of
 * dimension keys) and {@code Metrics} ({@code Name}, {@code Unit}), and every referenced dimension and metric as a
 * member of the root: dimension values as strings, metric values as numbers or arrays of at most 100 numbers.
 */
class EmfWriterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-11-29T10:15:30.123Z");

    final EmfWriter writer = new EmfWriter("WebhookRelay", "relay-prod");

    @Test
    void documentHasTheSpecificationsShape() throws Exception {
        JsonNode document = JSON.readTree(writer.write(AT, "api.github.com", List.of(
                new DeliverySample("api.github.com", Result.DELIVERED, 1, 181.44),
                new DeliverySample("api.github.com", Result.FAILED, 3, 2503.0),
                new DeliverySample("api.github.com", Result.SKIPPED, 0, 0))));

        JsonNode aws = document.get("_aws");
        assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
        assertThat(aws.get("Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("WebhookRelay");
        assertThat(directive.get("Dimensions").toString())
                .isEqualTo("[[\"FunctionName\"],[\"FunctionName\",\"IntegrationHost\"]]");
        assertThat(directive.get("Metrics").toString()).isEqualTo("[{\"Name\":\"Deliveries\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Failures\",\"Unit\":\"Count\"},{\"Name\":\"Skipped\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Attempts\",\"Unit\":\"Count\"},{\"Name\":\"Latency\",\"Unit\":\"Milliseconds\"}]");

        assertThat(document.get("FunctionName").asText()).isEqualTo("relay-prod");
        assertThat(document.get("IntegrationHost").asText()).isEqualTo("api.github.com");
        assertThat(document.get("Deliveries").asLong()).isEqualTo(2);
        assertThat(document.get("Failures").asLong()).isEqualTo(1);
        assertThat(document.get("Skipped").asLong()).isEqualTo(1);
        assertThat(document.get("Attempts").asLong()).isEqualTo(4);
        assertThat(document.get("Latency").toString()).isEqualTo("[181.4,2503.0]");
    }

    @Test
    void everyReferencedDimensionAndMetricIsAtTheRoot() throws Exception {
        JsonNode document = JSON.readTree(writer.write(AT, "hooks.slack.com",
                List.of(new DeliverySample("hooks.slack.com", Result.DELIVERED, 2, 40.0))));

        JsonNode directive = document.at("/_aws/CloudWatchMetrics/0");
        directive.get("Dimensions").forEach(set -> {
            assertThat(set.size()).isBetween(1, 30);
            set.forEach(key -> assertThat(document.get(key.asText()).isTextual()).as(key.asText()).isTrue());
        });
        directive.get("Metrics").forEach(metric -> {
            JsonNode value = document.get(metric.get("Name").asText());
            assertThat(value.isNumber() || value.isArray() && value.size() <= EmfWriter.MAX_VALUES)
                    .as(metric.toString()).isTrue();
        });
    }

    @Test
    void documentIsOneLine() {
        assertThat(writer.write(AT, "h", List.of(new DeliverySample("h", Result.DELIVERED, 1, 1.0))))
                .doesNotContain("\n", "\r");
    }

    @Test
    void latencyIsLeftOutWhenNothingWasAttempted() throws Exception {
        JsonNode document = JSON.readTree(writer.write(AT, "none", List.of(
                new DeliverySample(null, Result.SKIPPED, 0, 0),
                new DeliverySample(null, Result.FAILED, 0, 0.2)))); // Refused by the egress guard: no attempt.

        assertThat(document.has("Latency")).isFalse();
        assertThat(document.at("/_aws/CloudWatchMetrics/0/Metrics").findValuesAsText("Name"))
                .containsExactly("Deliveries", "Failures", "Skipped", "Attempts");
        assertThat(document.get("Deliveries").asLong()).isEqualTo(1);
        assertThat(document.get("Failures").asLong()).isEqualTo(1);
    }

    @Test
    void dimensionValuesAreEscapedAsJson() throws Exception {
        JsonNode document = JSON.readTree(writer.write(AT, "a\"b\\c", List.of()));

        assertThat(document.get("IntegrationHost").asText()).isEqualTo("a\"b\\c");
    }

    @Test
    void refusesMoreValuesThanTheSpecificationAllows() {
        List<DeliverySample> samples = new ArrayList<>(
                Collections.nCopies(101, new DeliverySample("h", Result.DELIVERED, 1, 1.0)));

        assertThatThrownBy(() -> writer.write(AT, "h", samples))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("At most 100 samples per document: 101");
    }
}
