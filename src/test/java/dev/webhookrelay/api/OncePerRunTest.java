package dev.webhookrelay.api;

import static dev.webhookrelay.api.WandbParityTest.runMetricRequest;
import static dev.webhookrelay.api.WandbParityTest.threshold;
import static dev.webhookrelay.testing.Relay.dispatch;
import static dev.webhookrelay.testing.Relay.dryRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, end to end through the Lambda event path: an automation on run events fires at most once per run in 24
 * hours, with the window kept in the state store (memory in tests). Each test has runs of its own.
 */
@QuarkusTest
class OncePerRunTest extends WithReceiver {

    static final String HELD = "fired for run %s at (\\S+); an automation fires at most once per run in 24h: it may"
            + " fire for this run again after (\\S+)";

    static final String ACC_ABOVE = threshold(null, 1, "$gt", 0.5);

    @Test
    void anAutomationFiresOncePerRunAndSaysWhenItMayFireAgain() {
        dispatch(runMetricRequest("once-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));
        String reason = dispatch(runMetricRequest("once-1", "RUNNING", "acc-above", ACC_ABOVE, 0.95))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("SKIPPED"))
                .body("deliveries[0].reason", matchesPattern(HELD.formatted("once-1")))
                .extract().path("deliveries[0].reason");

        Matcher times = Pattern.compile(HELD.formatted("once-1")).matcher(reason);
        assertThat(times.matches()).isTrue();
        assertThat(Duration.between(Instant.parse(times.group(1)), Instant.parse(times.group(2))))
                .isEqualTo(Duration.ofHours(24));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void otherRunsAndOtherAutomationsHaveTheirOwnWindows() {
        dispatch(runMetricRequest("own-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9)).statusCode(200);

        dispatch(runMetricRequest("own-2", "RUNNING", "acc-above", ACC_ABOVE, 0.9))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));
        dispatch(runMetricRequest("own-1", "RUNNING", "acc-above-too", ACC_ABOVE, 0.9))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void theWindowBelongsToTheAutomationsIdWhenTheRequestGivesOne() {
        ObjectNode first = runMetricRequest("id-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9);
        ((ObjectNode) first.withArray("automations").get(0)).put("id", "QXV0b21hdGlvbjox");
        ObjectNode renamed = runMetricRequest("id-1", "RUNNING", "acc-above-renamed", ACC_ABOVE, 0.9);
        ((ObjectNode) renamed.withArray("automations").get(0)).put("id", "QXV0b21hdGlvbjox");

        dispatch(first).statusCode(200).body("deliveries[0].outcome", equalTo("DELIVERED"));
        dispatch(renamed)
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("SKIPPED"))
                .body("deliveries[0].reason", matchesPattern(HELD.formatted("id-1")));
    }

    @Test
    void aDryRunClaimsNothingAndShowsAHeldWindow() {
        dryRun(runMetricRequest("dry-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DRY_RUN"));
        dispatch(runMetricRequest("dry-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));
        dryRun(runMetricRequest("dry-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("SKIPPED"))
                .body("deliveries[0].reason", matchesPattern(HELD.formatted("dry-1")));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aFailedDeliveryKeepsItsClaim() {
        receiver.enqueue(Receiver.Response.status(400).withBody("bad payload"));

        dispatch(runMetricRequest("failed-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9))
                .statusCode(502)
                .body("deliveries[0].outcome", equalTo("FAILED"));
        dispatch(runMetricRequest("failed-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("SKIPPED"))
                .body("deliveries[0].reason", matchesPattern(HELD.formatted("failed-1")));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void twoConcurrentDispatchesOfOneRunFireOnce() throws Exception {
        ObjectNode request = runMetricRequest("race-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return dispatch(request).statusCode(200).extract().<String> path("deliveries[0].outcome");
                }));
            }
            start.countDown();
            List<String> seen = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                seen.add(outcome.get());
            }
            assertThat(seen).containsExactlyInAnyOrder("DELIVERED", "SKIPPED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aRejectedRequestClaimsNoWindow() {
        ObjectNode rejected = runMetricRequest("rejected-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9);
        ObjectNode broken = ((ObjectNode) rejected.withArray("automations").get(0)).deepCopy();
        broken.put("name", "broken-template");
        ((ObjectNode) broken.at("/triggeredActionConfig/genericWebhookActionInput")).put("requestPayload", "[1]");
        rejected.withArray("automations").add(broken);

        dispatch(rejected).statusCode(422);
        dispatch(runMetricRequest("rejected-1", "RUNNING", "acc-above", ACC_ABOVE, 0.9))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));
    }

    @Test
    void aRunEventWithoutARunIdIsA422WhenAnAutomationFires() {
        ObjectNode request = runMetricRequest("no-id", "RUNNING", "acc-above", ACC_ABOVE, 0.9);
        ((ObjectNode) request.at("/event/run")).remove("id");

        dispatch(request)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("event.run.id"));
        assertThat(receiver.received()).isEmpty();
    }
}
