package dev.webhookrelay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.metrics.DeliverySample.Result;

/** One document per dispatch and target host, with the host dimension kept bounded. */
class DispatchMetricsTest {

    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-29T10:15:30Z"));

    final List<String> lines = new ArrayList<>();

    @Test
    void writesOneDocumentForADispatchToOneHost() throws Exception {
        metrics(true).record(List.of(
                new DeliverySample("api.github.com", Result.DELIVERED, 1, 120.0),
                new DeliverySample("api.github.com", Result.SKIPPED, 0, 0)));

        assertThat(lines).hasSize(1);
        JsonNode document = EmfWriterTest.JSON.readTree(lines.get(0));
        assertThat(document.get("FunctionName").asText()).isEqualTo("relay-prod");
        assertThat(document.at("/_aws/Timestamp").asLong()).isEqualTo(CLOCK.millis());
        assertThat(document.get("Deliveries").asInt()).isEqualTo(1);
        assertThat(document.get("Skipped").asInt()).isEqualTo(1);
    }

    @Test
    void writesOneDocumentPerTargetHost() throws Exception {
        metrics(true).record(List.of(
                new DeliverySample("api.github.com", Result.DELIVERED, 1, 120.0),
                new DeliverySample("hooks.slack.com", Result.FAILED, 3, 900.0),
                new DeliverySample("API.GitHub.com", Result.DELIVERED, 2, 300.0)));

        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(line -> EmfWriterTest.JSON.readTree(line).get("IntegrationHost").asText())
                .containsExactly("api.github.com", "hooks.slack.com");
        assertThat(EmfWriterTest.JSON.readTree(lines.get(0)).get("Deliveries").asInt()).isEqualTo(2);
    }

    @Test
    void splitsMoreThanAHundredDeliveriesToOneHost() throws Exception {
        metrics(true).record(new ArrayList<>(Collections.nCopies(150,
                new DeliverySample("h.example", Result.DELIVERED, 1, 5.0))));

        assertThat(lines).hasSize(2);
        assertThat(EmfWriterTest.JSON.readTree(lines.get(0)).get("Deliveries").asInt()).isEqualTo(100);
        assertThat(EmfWriterTest.JSON.readTree(lines.get(1)).get("Deliveries").asInt()).isEqualTo(50);
    }

    @Test
    void foldsContactedHostsPastTheTenthIntoOther() throws Exception {
        // Issue 12 (8): at most ten host values a dispatch, so that one request cannot mint hundreds of metrics.
        List<DeliverySample> samples = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            samples.add(new DeliverySample("h" + i + ".example", Result.DELIVERED, 1, 5.0));
            samples.add(new DeliverySample(null, Result.SKIPPED, 0, 0));
        }

        metrics(true).record(samples);

        assertThat(lines).extracting(line -> EmfWriterTest.JSON.readTree(line).get("IntegrationHost").asText())
                .containsExactly("h0.example", "none", "h1.example", "h2.example", "h3.example", "h4.example",
                        "h5.example", "h6.example", "h7.example", "h8.example", "h9.example", "other");
        assertThat(EmfWriterTest.JSON.readTree(lines.get(11)).get("Deliveries").asInt()).isEqualTo(15);
        assertThat(EmfWriterTest.JSON.readTree(lines.get(1)).get("Skipped").asInt()).isEqualTo(25);
    }

    @Test
    void writesNothingWhenDisabled() {
        metrics(false).record(List.of(new DeliverySample("api.github.com", Result.DELIVERED, 1, 120.0)));

        assertThat(lines).isEmpty();
    }

    @Test
    void writesNothingForNoAutomations() {
        metrics(true).record(List.of());

        assertThat(lines).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # host                                                   | dimension value
            api.github.com                                           | api.github.com
            API.GitHub.COM.                                          | api.github.com
            hooks.slack.com                                          | hooks.slack.com
            127.0.0.1                                                | 127.0.0.1
            # Per-tenant and per-environment host names collapse to their service.
            contoso.webhook.office.com                               | webhook.office.com
            prod-27.westus.logic.azure.com                           | logic.azure.com
            default1a2b3c.0d.environment.api.powerplatform.com       | powerplatform.com
            # Odd but accepted: the services' own apex names stay as they are.
            webhook.office.com                                       | webhook.office.com
            notlogic.azure.com                                       | notlogic.azure.com
            # No host at all.
            ''                                                       | none
            """)
    void integrationHostDimensionStaysBounded(String host, String dimension) {
        assertThat(DispatchMetrics.integrationHost(host)).isEqualTo(dimension);
    }

    @Test
    void integrationHostOfNullIsNone() {
        assertThat(DispatchMetrics.integrationHost(null)).isEqualTo("none");
    }

    private DispatchMetrics metrics(boolean enabled) {
        return new DispatchMetrics(new MetricsConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String namespace() {
                return "WebhookRelay";
            }
        }, "relay-prod", CLOCK, lines::add);
    }
}
