package dev.webhookrelay.api;

import static dev.webhookrelay.api.WandbParityTest.runMetricRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.IndependentHmac;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * {@code POST /v1/dispatch?async=true} end to end through the Lambda event path, with the memory queue and its
 * in-process consumer, a one-second schedule and real receivers on loopback (issue 11).
 */
@QuarkusTest
@TestProfile(AsyncDispatchTest.ShortSchedule.class)
class AsyncDispatchTest extends WithReceiver {

    /** Two waits of one second: three attempts a round; whole seconds, so that webhook-timestamp changes. */
    public static class ShortSchedule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.queue.retry-schedule", "1s,1s", "relay.queue.jitter", "0");
        }
    }

    static final Duration SETTLED = Duration.ofSeconds(30);

    /** Returns the sample request to {@code path} on the receiver, for an event id of its own. */
    static ObjectNode request(String path) {
        ObjectNode request = Requests.githubDispatch(receiver.url(path));
        ((ObjectNode) request.get("event")).put("id", "evt-" + UUID.randomUUID());
        return request;
    }

    /** Returns the status of {@code deliveryId} once it is {@code expected}, polling; fails after {@link #SETTLED}. */
    static JsonNode awaitStatus(String deliveryId, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLED);
        JsonNode status;
        do {
            Thread.sleep(100);
            status = Requests.parse(Relay.deliveryStatus(deliveryId).statusCode(200).extract().asString());
        } while (!status.get("status").asText().equals(expected) && Instant.now().isBefore(deadline));
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo(expected);
        return status;
    }

    static String queuedId(ValidatableResponse response) {
        return response.statusCode(202)
                .body("deliveries", hasSize(1))
                .body("deliveries[0].outcome", equalTo("QUEUED"))
                .body("deliveries[0].deliveryId", startsWith("dlv_"))
                .extract().path("deliveries[0].deliveryId");
    }

    @Test
    void retriesThroughTwo503sAndDeliversTheSameSignedBytes() throws Exception {
        receiver.enqueue(Receiver.Response.status(503), Receiver.Response.status(503), Receiver.Response.status(200));

        String deliveryId = queuedId(Relay.dispatchAsync(request("/flaky")));

        JsonNode status = awaitStatus(deliveryId, "DELIVERED");
        assertThat(status.get("attemptCount").asInt()).isEqualTo(3);
        assertThat(status.get("attempts")).extracting(attempt -> attempt.get("statusCode").asInt())
                .containsExactly(503, 503, 200);
        assertThat(status.get("nextAttemptAt").isNull()).isTrue();
        List<Receiver.Received> sent = receiver.received();
        assertThat(sent).hasSize(3);
        for (Receiver.Received request : sent) {
            assertThat(request.body()).isEqualTo(sent.get(0).body());
            assertThat(request.header("X-Wandb-Signature"))
                    .isEqualTo(IndependentHmac.hmacSha256(SeededSecrets.SIGNING_SECRET, request.body()));
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + SeededSecrets.TOKEN);
            assertThat(request.header("X-Relay-Delivery-Id")).isEqualTo(deliveryId);
        }
    }

    @Test
    void failsOnceTheScheduleIsExhaustedAndARetryStartsANewRound() throws Exception {
        receiver.byDefault(Receiver.Response.status(500));

        String deliveryId = queuedId(Relay.dispatchAsync(request("/down")));

        JsonNode failed = awaitStatus(deliveryId, "FAILED");
        assertThat(failed.get("attemptCount").asInt()).isEqualTo(3);
        assertThat(receiver.received()).hasSize(3);

        receiver.byDefault(Receiver.Response.status(204));
        Relay.retryDelivery(deliveryId)
                .statusCode(202)
                .body("status", equalTo("QUEUED"));
        JsonNode delivered = awaitStatus(deliveryId, "DELIVERED");
        assertThat(delivered.get("attemptCount").asInt()).isEqualTo(4);
        assertThat(receiver.received()).hasSize(4);

        Relay.retryDelivery(deliveryId)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Delivery " + deliveryId
                        + " is DELIVERED; only a FAILED delivery can be retried"));
    }

    @Test
    void aPermanentFailureFailsAtOnce() throws Exception {
        receiver.byDefault(Receiver.Response.status(404));

        String deliveryId = queuedId(Relay.dispatchAsync(request("/gone")));

        JsonNode failed = awaitStatus(deliveryId, "FAILED");
        assertThat(failed.get("attemptCount").asInt()).isEqualTo(1);
    }

    @Test
    void theSameEventAgainQueuesNothingNewAndShowsTheDeliveryAsItStands() throws Exception {
        ObjectNode request = request("/once");

        String deliveryId = queuedId(Relay.dispatchAsync(request));
        awaitStatus(deliveryId, "DELIVERED");
        Relay.dispatchAsync(request)
                .statusCode(202)
                .body("deliveries[0].deliveryId", equalTo(deliveryId))
                .body("deliveries[0].outcome", equalTo("DELIVERED"));

        Thread.sleep(1500); // Room for a second delivery that must not come.
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void concurrentIdenticalDispatchesQueueOneDelivery() throws Exception {
        ObjectNode request = request("/concurrent");

        List<CompletableFuture<String>> dispatches = List.of(
                CompletableFuture.supplyAsync(() -> Relay.dispatchAsync(request).statusCode(202).extract()
                        .<String> path("deliveries[0].deliveryId")),
                CompletableFuture.supplyAsync(() -> Relay.dispatchAsync(request).statusCode(202).extract()
                        .<String> path("deliveries[0].deliveryId")));
        String deliveryId = dispatches.get(0).join();

        assertThat(dispatches.get(1).join()).isEqualTo(deliveryId);
        awaitStatus(deliveryId, "DELIVERED");
        Thread.sleep(1500);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void badInputIsRejectedAndNothingIsQueued() {
        ObjectNode request = request("/never");
        ((ObjectNode) request.at("/integrations/0")).put("secretRef", "NO_SUCH_SECRET");

        Relay.dispatchAsync(request)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("integrations[0].secretRef"));

        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void standardWebhooksSignsEachAttemptWithItsOwnTimestampAndTheSameId() throws Exception {
        receiver.enqueue(Receiver.Response.status(503));
        ObjectNode request = request("/standard");
        ObjectNode integration = (ObjectNode) request.at("/integrations/0");
        integration.put("secretRef", "WHSEC_SIGNING_SECRET");
        integration.putObject("signature").put("scheme", "standard-webhooks");

        String deliveryId = queuedId(Relay.dispatchAsync(request));

        awaitStatus(deliveryId, "DELIVERED");
        List<Receiver.Received> sent = receiver.received();
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(r -> r.header("webhook-id")).containsOnly(deliveryId);
        assertThat(sent.get(1).header("webhook-timestamp")).isNotEqualTo(sent.get(0).header("webhook-timestamp"));
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        for (Receiver.Received attempt : sent) {
            assertThat(attempt.header("webhook-signature")).isEqualTo("v1," + IndependentHmac.standardWebhooks(
                    SeededSecrets.WHSEC_SIGNING_SECRET, deliveryId, attempt.header("webhook-timestamp"),
                    attempt.body()));
        }
    }

    @Test
    void aDryRunCannotBeAsync() {
        Relay.post("/v1/dispatch?async=true&dryRun=true", request("/never").toString())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("async and dryRun cannot be combined: a dry run queues nothing"));

        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anUnknownDeliveryIsA404NamingIt() {
        String unknown = "dlv_0123456789abcdef0123456789abcdef";
        Relay.deliveryStatus(unknown)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No delivery " + unknown + " (never queued, or its status expired after"
                        + " relay.state.ttl)"));
        Relay.retryDelivery(unknown).statusCode(404);
    }

    /** Returns a run event that fires automation acc-above once per run, for a run and an event id of its own. */
    static ObjectNode runEvent() {
        ObjectNode request = runMetricRequest("run-" + UUID.randomUUID(), "RUNNING", "acc-above",
                OncePerRunTest.ACC_ABOVE, 0.9);
        ((ObjectNode) request.get("event")).put("id", "evt-" + UUID.randomUUID());
        return request;
    }

    @Test
    void aRunEventTooLargeToQueueIsA422ThatClaimsNoWindow() throws Exception {
        ObjectNode request = runEvent();
        ObjectNode oversize = request.deepCopy();
        ((ObjectNode) oversize.get("event")).put("author", "x".repeat(300 * 1024)); // The event variables are queued.

        Relay.dispatchAsync(oversize)
                .statusCode(422)
                .body("errors[0].field",
                        equalTo("automations[0].triggeredActionConfig.genericWebhookActionInput.requestPayload"))
                .body("detail", containsString("more than the 262144 a queue takes"));

        awaitStatus(queuedId(Relay.dispatchAsync(request)), "DELIVERED");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void userInfoInTheTargetUrlIsA422WithoutItThatClaimsAndQueuesNothing() throws Exception {
        ObjectNode request = runEvent();
        ObjectNode withUserInfo = request.deepCopy();
        String url = receiver.url("/hook").toString();
        ((ObjectNode) withUserInfo.at("/integrations/0"))
                .put("urlEndpoint", url.replace("http://", "http://alice:hunter2-async@"));

        String problem = Relay.dispatchAsync(withUserInfo)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("integrations[0].urlEndpoint"))
                .body("detail", equalTo("Target URL must not contain user info in an async dispatch, which writes"
                        + " the integration to the queue and the status store: "
                        + url.replace("http://", "http://***@")))
                .extract().asString();
        assertThat(problem).doesNotContain("hunter2-async").doesNotContain("alice");

        awaitStatus(queuedId(Relay.dispatchAsync(request)), "DELIVERED");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void theSynchronousPathIsUnchangedBesideIt() {
        Relay.dispatch(request("/sync"))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));
    }
}
