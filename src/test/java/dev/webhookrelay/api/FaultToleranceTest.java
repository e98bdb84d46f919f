package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.testing.RawTarget;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Misbehaving targets, through the Lambda event path, with short timeouts: each ends with the right outcome inside the
 * deadline, every retry resends the identical request, and the function keeps serving.
 */
@QuarkusTest
@TestProfile(FaultToleranceTest.ShortDeadlines.class)
class FaultToleranceTest extends WithReceiver {

    /** One-second timeouts, a four-second dispatch deadline, short backoffs. */
    public static class ShortDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "relay.delivery.connect-timeout", "1s",
                    "relay.delivery.read-timeout", "1s",
                    "relay.delivery.deadline", "4s",
                    "relay.delivery.retry.max-attempts", "3",
                    "relay.delivery.retry.initial-backoff", "100ms",
                    "relay.delivery.retry.max-backoff", "400ms");
        }
    }

    static final Duration DEADLINE_WITH_SLACK = Duration.ofMillis(4000 + 1500);


    @Test
    void retriesA503AndResendsTheIdenticalRequest() {
        receiver.enqueue(Receiver.Response.status(503), Receiver.Response.status(200));
        dispatch(receiver.url("/hook"))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"))
                .body("deliveries[0].attempts.statusCode", equalTo(List.of(503, 200)));

        List<Receiver.Received> sent = receiver.received();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(sent.get(1).headers()).isEqualTo(sent.get(0).headers());
    }

    @Test
    void honoursRetryAfterThatFitsTheDeadline() {
        receiver.enqueue(Receiver.Response.status(429).withHeader("Retry-After", "1"), Receiver.Response.status(204));
        long started = System.nanoTime();
        dispatch(receiver.url("/hook"))
                .statusCode(200)
                .body("deliveries[0].attempts.statusCode", equalTo(List.of(429, 204)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void stopsWhenRetryAfterWouldPassTheDeadline() {
        receiver.enqueue(Receiver.Response.status(429).withHeader("Retry-After", "120"));
        dispatch(receiver.url("/hook"))
                .statusCode(502)
                .body("deliveries[0].attempts", hasSize(1))
                .body("deliveries[0].reason", startsWith(
                        "target answered 429; the target asked to wait 120.0 s (Retry-After), past the dispatch deadline"));
    }

    @Test
    void givesUpOnATargetThatAlwaysFails() {
        receiver.byDefault(Receiver.Response.status(500).withBody("still broken"));
        dispatch(receiver.url("/hook"))
                .statusCode(502)
                .body("deliveries[0].outcome", equalTo("FAILED"))
                .body("deliveries[0].reason", equalTo("target answered 500; gave up after 3 attempts"))
                .body("deliveries[0].attempts.statusCode", equalTo(List.of(500, 500, 500)))
                .body("deliveries[0].attempts[2].responseBody", equalTo("still broken"));
    }

    @Test
    void doesNotRetryOtherClientErrors() {
        receiver.byDefault(Receiver.Response.status(404));
        dispatch(receiver.url("/hook"))
                .statusCode(502)
                .body("deliveries[0].reason", equalTo("target answered 404"))
                .body("deliveries[0].attempts", hasSize(1));
    }

    @Test
    void neverFollowsRedirects() {
        try (Receiver elsewhere = Receiver.start()) {
            receiver.byDefault(Receiver.Response.status(302).withHeader("Location", elsewhere.url("/x").toString()));
            dispatch(receiver.url("/hook"))
                    .statusCode(502)
                    .body("deliveries[0].reason", equalTo("target answered 302"))
                    .body("deliveries[0].attempts", hasSize(1));
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    @Test
    void aTargetThatNeverAnswersFailsInsideTheDeadline() throws Exception {
        try (RawTarget hanging = RawTarget.hanging()) {
            long started = System.nanoTime();
            dispatch(hanging.url("/hook"))
                    .statusCode(502)
                    .body("deliveries[0].outcome", equalTo("FAILED"))
                    .body("deliveries[0].attempts[0].statusCode", nullValue())
                    .body("deliveries[0].attempts[0].error", startsWith("timeout: "));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE_WITH_SLACK);
            assertThat(hanging.accepted()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aTargetThatResetsTheConnectionIsRetriedThenFails() throws Exception {
        try (RawTarget resetting = RawTarget.resetting()) {
            dispatch(resetting.url("/hook"))
                    .statusCode(502)
                    .body("deliveries[0].attempts", hasSize(3))
                    .body("deliveries[0].reason", org.hamcrest.Matchers.endsWith("; gave up after 3 attempts"));
            assertThat(resetting.accepted()).isEqualTo(3);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenFails() throws Exception {
        URI closed;
        try (RawTarget gone = RawTarget.hanging()) {
            closed = gone.url("/hook");
        }
        dispatch(closed)
                .statusCode(502)
                .body("deliveries[0].attempts", hasSize(3))
                .body("deliveries[0].attempts[0].error", startsWith("refused: "));
    }

    @Test
    void aHugeResponseIsCapturedUpTo4KiB() {
        receiver.enqueue(Receiver.Response.status(200).withBody("x".repeat(1024 * 1024)));
        dispatch(receiver.url("/hook"))
                .statusCode(200)
                .body("deliveries[0].attempts[0].responseBody.length()", equalTo(4096));
    }

    @Test
    void oneSlowTargetDoesNotDelayTheOthersBeyondTheDeadline() throws Exception {
        try (RawTarget hanging = RawTarget.hanging()) {
            long started = System.nanoTime();
            Relay.dispatch(Requests.dispatch(Requests.JSON.createArrayNode()
                            .add(Requests.integration("slow", hanging.url("/hook")))
                            .add(Requests.integration("fast", receiver.url("/hook"))),
                            Requests.automation("to-slow", "slow", "{}"),
                            Requests.automation("to-fast", "fast", "{}")))
                    .statusCode(502)
                    .body("deliveries.outcome", equalTo(List.of("FAILED", "DELIVERED")));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE_WITH_SLACK);
        }
        // And the function keeps serving.
        dispatch(receiver.url("/after")).statusCode(200);
    }

    private static ValidatableResponse dispatch(URI target) {
        return Relay.dispatch(Requests.githubDispatch(target));
    }
}
