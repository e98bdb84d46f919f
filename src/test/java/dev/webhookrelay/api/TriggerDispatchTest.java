package dev.webhookrelay.api;

import static dev.webhookrelay.testing.Relay.dispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;

/** Event filters and the fan-out, end to end through the Lambda event path. */
@QuarkusTest
class TriggerDispatchTest extends WithReceiver {

    static final String ALIAS_REGEX = "{\"$or\":[{\"$and\":[{\"alias\":{\"$regex\":\"%s\"}}]}]}";

    @Test
    void anAliasFilterFiresOrSkipsWithAReadableReason() {
        ObjectNode prod = Requests.automation("prod", "i1", "{}");
        prod.put("eventFilter", ALIAS_REGEX.formatted("^prod.*"));
        ObjectNode staging = Requests.automation("staging", "i1", "{}");
        staging.put("eventFilter", ALIAS_REGEX.formatted("^staging"));
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), prod, staging))
                .statusCode(200)
                .body("deliveries.outcome", equalTo(List.of("DELIVERED", "SKIPPED")))
                .body("deliveries[1].reason", equalTo("alias 'production' does not match ^staging"));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aFilterWithAnUnknownOperatorIsA422AndNothingIsSent() {
        ObjectNode ok = Requests.automation("ok", "i1", "{}");
        ObjectNode typo = Requests.automation("typo", "i1", "{}");
        typo.put("eventFilter", "{\"$or\":[{\"$and\":[{\"alias\":{\"$like\":\"prod%\"}}]}]}");
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), ok, typo))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("automations[1].eventFilter"))
                .body("detail", startsWith("Unknown operator $like"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aRunMetricThresholdFiresOnTheAverageOfTheWindow() {
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                runMetricAutomation("acc-above", 3, "$gt", 0.6), runMetricAutomation("acc-above-high", 3, "$gt", 0.9));
        runEvent(request, "0.61", "0.64", "0.70");
        dispatch(request)
                .statusCode(200)
                .body("deliveries.outcome", equalTo(List.of("DELIVERED", "SKIPPED")))
                .body("deliveries[1].reason", startsWith("average of last 3 acc values 0.65"));
    }

    @Test
    void nanAndInfinityInMetricValuesBindAndAreJudged() {
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                runMetricAutomation("latest-nan", 1, "$gt", 0.5));
        runEvent(request, "0.7", "Infinity", "NaN");
        dispatch(request)
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("SKIPPED"))
                .body("deliveries[0].reason", org.hamcrest.Matchers.containsString("NaN"));
    }

    @Test
    void manySlowTargetsAreDeliveredConcurrently() {
        Duration delay = Duration.ofMillis(1000);
        int automations = 20;
        try (Receiver slow = Receiver.start().byDefault(Receiver.Response.status(204).after(delay))) {
            ObjectNode request = Requests.dispatch(Requests.integration("slow", slow.url("/hook")));
            ArrayNode list = (ArrayNode) request.get("automations");
            for (int i = 0; i < automations; i++) {
                list.add(Requests.automation("a" + i, "slow", "{\"n\": \"" + i + "\"}"));
            }
            long started = System.nanoTime();
            dispatch(request)
                    .statusCode(200)
                    .body("deliveries", hasSize(automations))
                    .body("deliveries.outcome", everyItem(equalTo("DELIVERED")));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(slow.received()).hasSize(automations);
            // Sequential delivery would take 20 s; concurrent, about one delay.
            assertThat(took).isLessThan(delay.multipliedBy(3));
        }
    }

    private static ObjectNode runMetricAutomation(String name, int window, String op, double threshold) {
        ObjectNode automation = Requests.automation(name, "i1", "{\"v\": \"${metric_value}\"}");
        automation.put("triggeringEventType", "RUN_METRIC");
        automation.put("eventFilter", ("{\"run_filter\":\"{\\\"$and\\\":[]}\",\"run_metric_filter\":{\"threshold_filter\":"
                + "{\"name\":\"acc\",\"agg_op\":\"AVERAGE\",\"window_size\":%d,\"cmp_op\":\"%s\",\"threshold\":%s}},"
                + "\"metric_filter\":null}").formatted(window, op, threshold));
        return automation;
    }

    private static void runEvent(ObjectNode request, String... values) {
        ObjectNode event = (ObjectNode) request.get("event");
        event.put("eventType", "RUN_METRIC");
        ArrayNode array = ((ObjectNode) event.get("metric")).putArray("values");
        for (String value : values) {
            array.add(Requests.parse(value.matches("[-0-9.]+") ? value : "\"" + value + "\""));
        }
    }
}
