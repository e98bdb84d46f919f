package dev.webhookrelay.api;

import static dev.webhookrelay.testing.Relay.dispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, end to end through the Lambda event path: W&B's template variables by W&B's names, killed runs, and the
 * "equal to" and "not equal to" thresholds of the W&B App. Each test has its own run, so that no run's once-a-day window
 * is shared between tests.
 */
@QuarkusTest
class WandbParityTest extends WithReceiver {

    /** Every W&B variable of a run metric event, and the relay's own names beside them. */
    static final String RUN_TEMPLATE = """
            {"automation_name": "${automation_name}", "run_name": "${run_name}", "run_status": "${run_status}", \
            "metric_name": "${metric_name}", "metric_values": "${metric_values}", "metric_filter": "${metric_filter}", \
            "metric_filter_short": "${metric_filter_short}", "metric_current_status": "${metric_current_status}", \
            "run_state": "${run_state}", "metric_value": "${metric_value}", "alias": "${alias}"}""";

    @Test
    void aRunMetricAutomationRendersW_BsVariablesJsonEscaped() throws Exception {
        ObjectNode request = runMetricRequest("run-vars", "RUNNING", "acc \"above\" 0.6",
                threshold("AVERAGE", 3, "$gt", 0.6), 0.52, 0.61, 0.64, 0.70);

        dispatch(request)
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));

        JsonNode body = Requests.JSON.readTree(receiver.takeRequest(Duration.ofSeconds(5)).body());
        assertThat(body.get("automation_name").asText()).isEqualTo("acc \"above\" 0.6");
        assertThat(body.get("run_name").asText()).isEqualTo("exp-7");
        assertThat(body.get("run_status").asText()).isEqualTo("RUNNING");
        assertThat(body.get("metric_name").asText()).isEqualTo("acc");
        assertThat(body.get("metric_values").asText()).isEqualTo("[0.61,0.64,0.7]");
        assertThat(body.get("metric_filter").asText()).isEqualTo("average of last 3 acc values is above 0.6");
        assertThat(body.get("metric_filter_short").asText()).isEqualTo("avg(acc, 3) > 0.6");
        assertThat(body.get("metric_current_status").asText()).isEqualTo("0.65");
        assertThat(body.get("run_state").asText()).isEqualTo("RUNNING");
        assertThat(body.get("metric_value").asText()).isEqualTo("0.7");
        assertThat(body.get("alias").asText()).isEmpty();
    }

    @Test
    void aRunStateAutomationHasNoMetricFilterVariables() throws Exception {
        ObjectNode request = runMetricRequest("run-state-vars", "FINISHED", "on-finish",
                "{\"run_state_filter\":{\"states\":[\"FINISHED\"]}}", 0.7);
        ((ObjectNode) request.get("event")).put("eventType", "RUN_STATE");
        ((ObjectNode) request.withArray("automations").get(0)).put("triggeringEventType", "RUN_STATE");

        dispatch(request)
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));

        JsonNode body = Requests.JSON.readTree(receiver.takeRequest(Duration.ofSeconds(5)).body());
        assertThat(body.get("automation_name").asText()).isEqualTo("on-finish");
        assertThat(body.get("run_status").asText()).isEqualTo("FINISHED");
        assertThat(body.get("metric_filter").asText()).isEmpty();
        assertThat(body.get("metric_filter_short").asText()).isEmpty();
        assertThat(body.get("metric_current_status").asText()).isEmpty();
    }

    @ParameterizedTest(name = "{1} {2} over {3}")
    @CsvSource(delimiter = '|', textBlock = """
            run-eq-fires | $eq | 0.2 | 0.1 0.2 0.3 | DELIVERED |
            run-eq-skips | $eq | 0.3 | 0.1 0.2 0.3 | SKIPPED   | average of last 3 acc values 0.2 is not equal to 0.3
            run-ne-fires | $ne | 0.3 | 0.1 0.2 0.3 | DELIVERED |
            run-ne-skips | $ne | 0.2 | 0.1 0.2 0.3 | SKIPPED   | average of last 3 acc values 0.2 is equal to 0.2
            """)
    void equalToAndNotEqualToThresholdsAreAccepted(String run, String op, double threshold, String values,
            String outcome, String reason) {
        Double[] numbers = Arrays.stream(values.split(" ")).map(Double::valueOf).toArray(Double[]::new);
        ObjectNode request = runMetricRequest(run, "RUNNING", "acc-" + op, threshold("AVERAGE", 3, op, threshold),
                numbers);

        dispatch(request)
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo(outcome))
                .body("deliveries[0].reason", equalTo(reason));
        assertThat(receiver.received()).hasSize(outcome.equals("DELIVERED") ? 1 : 0);
    }

    @Test
    void aKilledRunNeverTriggersWhateverTheFilter() {
        ObjectNode request = runMetricRequest("run-killed", "KILLED", "acc-any", threshold(null, 1, "$gt", 0), 0.9);
        ObjectNode unfiltered = ((ObjectNode) request.withArray("automations").get(0)).deepCopy();
        unfiltered.put("name", "every-metric-event");
        unfiltered.remove("eventFilter");
        request.withArray("automations").add(unfiltered);

        dispatch(request)
                .statusCode(200)
                .body("deliveries.outcome", equalTo(List.of("SKIPPED", "SKIPPED")))
                .body("deliveries[0].reason", equalTo("run run-killed is KILLED; a killed run never triggers an automation"))
                .body("deliveries[1].reason", equalTo("run run-killed is KILLED; a killed run never triggers an automation"));
        assertThat(receiver.received()).isEmpty();
    }

    /** Returns the SDK's threshold filter on {@code acc}, with an empty run filter. */
    static String threshold(String agg, int window, String op, double threshold) {
        return ("{\"run_filter\":\"{\\\"$and\\\":[]}\",\"run_metric_filter\":{\"threshold_filter\":{\"name\":\"acc\","
                + "\"agg_op\":%s,\"window_size\":%d,\"cmp_op\":\"%s\",\"threshold\":%s}},\"metric_filter\":null}")
                .formatted(agg == null ? "null" : "\"" + agg + "\"", window, op, threshold);
    }

    /**
     * Returns a {@code RUN_METRIC} request for run {@code runId} (exp-7, in {@code state}) with metric acc's
     * {@code values}, and one automation named {@code automation} with {@code filter} and {@link #RUN_TEMPLATE}.
     */
    static ObjectNode runMetricRequest(String runId, String state, String automation, String filter,
            Double... values) {
        ObjectNode run = Requests.automation("run", "i1", RUN_TEMPLATE);
        run.put("name", automation);
        run.put("triggeringEventType", "RUN_METRIC");
        run.put("eventFilter", filter);
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), run);
        ObjectNode event = (ObjectNode) request.get("event");
        event.put("eventType", "RUN_METRIC");
        event.put("alias", (String) null);
        event.put("artifact", (String) null);
        ((ObjectNode) event.get("run")).put("id", runId).put("state", state);
        ArrayNode array = ((ObjectNode) event.get("metric")).putArray("values");
        for (Double value : values) {
            array.add(value);
        }
        return request;
    }
}
