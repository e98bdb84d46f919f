package dev.webhookrelay.api;

import static dev.webhookrelay.api.WandbParityTest.runMetricRequest;
import static dev.webhookrelay.api.WandbParityTest.threshold;
import static dev.webhookrelay.testing.Relay.dispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Issue 14: {@code relay.run-window.enabled=false} lets every matching run event fire. */
@QuarkusTest
@TestProfile(OncePerRunDisabledTest.WithoutWindows.class)
class OncePerRunDisabledTest extends WithReceiver {

    public static class WithoutWindows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.run-window.enabled", "false");
        }
    }

    @Test
    void everyMatchingRunEventFires() {
        for (int i = 0; i < 2; i++) {
            dispatch(runMetricRequest("off-1", "RUNNING", "acc-above", threshold(null, 1, "$gt", 0.5), 0.9))
                    .statusCode(200)
                    .body("deliveries[0].outcome", equalTo("DELIVERED"));
        }
        assertThat(receiver.received()).hasSize(2);
    }
}
