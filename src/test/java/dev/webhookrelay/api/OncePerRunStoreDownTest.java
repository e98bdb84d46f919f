package dev.webhookrelay.api;

import static dev.webhookrelay.api.WandbParityTest.runMetricRequest;
import static dev.webhookrelay.api.WandbParityTest.threshold;
import static dev.webhookrelay.testing.Relay.dispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 14: when the state store that keeps the once-per-run windows cannot be reached, a run event that would fire is
 * a 503 with Retry-After and nothing is sent; artifact events, which need no window, are delivered as usual.
 */
@QuarkusTest
@TestProfile(OncePerRunStoreDownTest.UnreachableStore.class)
class OncePerRunStoreDownTest extends WithReceiver {

    /** DynamoDB on a loopback port nothing listens on. */
    public static class UnreachableStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.state.store", "dynamodb",
                    "relay.state.dynamodb.table", "webhook-relay-deliveries",
                    "relay.state.dynamodb.endpoint-override", "http://127.0.0.1:9",
                    "relay.state.dynamodb.region", "us-east-1",
                    "relay.state.dynamodb.timeout", "2s");
        }
    }

    @Test
    void aRunEventThatWouldFireIsA503AndNothingIsSent() {
        dispatch(runMetricRequest("down-1", "RUNNING", "acc-above", threshold(null, 1, "$gt", 0.5), 0.9))
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", endsWith(":state-store-unavailable"))
                .body("detail", startsWith("DynamoDB table webhook-relay-deliveries could not write delivery"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anArtifactEventNeedsNoWindowAndIsDelivered() {
        dispatch(Requests.githubDispatch(receiver.url("/hook")))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));
        assertThat(receiver.received()).hasSize(1);
    }
}
