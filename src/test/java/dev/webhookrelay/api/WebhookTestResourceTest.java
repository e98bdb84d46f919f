package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.IndependentHmac;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** {@code POST /v1/webhooks/test}, W&B's "Test webhook", end to end. */
@QuarkusTest
class WebhookTestResourceTest extends WithReceiver {

    @Test
    void sendsAnEmptyObjectWithCredentialsWhenNoPayloadIsGiven() {
        test(request(null))
                .statusCode(200)
                .body("automation", equalTo("webhook-test"))
                .body("outcome", equalTo("DELIVERED"))
                .body("deliveryId", startsWith("dlv_"))
                .body("attempts[0].statusCode", equalTo(204));

        Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));
        assertThat(sent.bodyText()).isEqualTo("{}");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + SeededSecrets.TOKEN);
        assertThat(sent.header("X-Wandb-Signature"))
                .isEqualTo(IndependentHmac.hmacSha256(SeededSecrets.SIGNING_SECRET, sent.body()));
    }

    @Test
    void rendersSecretsIntoAPayloadGivenAsAString() {
        ObjectNode request = request("{\"key1\": \"value1\", \"auth\": \"${SIGNING_SECRET}\", \"team\": \"${entity_name}\", \"alias\": \"${alias}\"}");
        test(request)
                .statusCode(200)
                .body("request.body", equalTo("{\"key1\": \"value1\", \"auth\": \"***\", \"team\": \"tiny-ml\", \"alias\": \"\"}"))
                .body("warnings", equalTo(List.of()));

        assertThat(receiver.takeRequest(Duration.ofSeconds(5)).bodyText()).isEqualTo("{\"key1\": \"value1\", \"auth\": \""
                + SeededSecrets.SIGNING_SECRET + "\", \"team\": \"tiny-ml\", \"alias\": \"\"}");
    }

    @Test
    void reportsATargetThatRefusesAsA502() {
        receiver.enqueue(Receiver.Response.status(401).withBody("bad credentials"));
        test(request(null))
                .statusCode(502)
                .body("outcome", equalTo("FAILED"))
                .body("reason", equalTo("target answered 401"))
                .body("attempts[0].responseBody", equalTo("bad credentials"));
    }

    @Test
    void refusesAPayloadThatIsNotAnObject() {
        ObjectNode request = request(null);
        request.put("payload", "[1, 2]");
        test(request)
                .statusCode(422)
                .body("errors[0].field", equalTo("payload"));
        assertThat(receiver.received()).isEmpty();
    }

    private static ObjectNode request(String payload) {
        ObjectNode request = Requests.JSON.createObjectNode();
        request.putObject("entity").put("name", "tiny-ml");
        request.set("integration", Requests.integration("i1", receiver.url("/hook")));
        if (payload != null) {
            request.put("payload", payload);
        }
        return request;
    }

    private static ValidatableResponse test(ObjectNode request) {
        return Relay.testWebhook(request);
    }
}
