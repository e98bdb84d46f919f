package dev.webhookrelay.api;

import static dev.webhookrelay.api.WandbParityTest.runMetricRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An async dispatch whose queue fails is a 503 that keeps no once-per-run window: the same run event, dispatched again
 * once the queue is back (here: synchronously), fires instead of being skipped as already fired for the run.
 */
@QuarkusTest
@TestProfile(AsyncQueueDownTest.QueueWithoutUrl.class)
class AsyncQueueDownTest extends WithReceiver {

    /** The SQS queue without a queue URL: every message is refused, the memory status store answers. */
    public static class QueueWithoutUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.queue.store", "sqs");
        }
    }

    @Test
    void aRunEventTheQueueRefusesIsA503AndGivesItsWindowsBack() {
        ObjectNode request = runMetricRequest("queue-down-1", "RUNNING", "acc-above", OncePerRunTest.ACC_ABOVE, 0.9);
        ObjectNode second = ((ObjectNode) request.withArray("automations").get(0)).deepCopy().put("name", "acc-too");
        request.withArray("automations").add(second);

        for (int i = 0; i < 2; i++) {
            Relay.dispatchAsync(request)
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", endsWith(":queue-unavailable"));
        }

        Relay.dispatch(request)
                .statusCode(200)
                .body("deliveries.outcome", contains("DELIVERED", "DELIVERED"));
        assertThat(receiver.received()).hasSize(2);
    }
}
