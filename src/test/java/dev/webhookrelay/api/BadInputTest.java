package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Bad input gets an RFC 9457 problem naming what is wrong, and nothing is sent: each test checks the receiver got
 * nothing.
 */
@QuarkusTest
class BadInputTest extends WithReceiver {

    @Test
    void malformedJsonIsA400() {
        post("{\"event\": {").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:webhook-relay:problem:invalid-json"))
                .body("status", equalTo(400))
                .body("detail", startsWith("event: Unexpected end-of-input"));
        assertNothingSent();
    }

    @Test
    void missingBodyIsA400() {
        post("").statusCode(400).contentType("application/problem+json");
        assertNothingSent();
    }

    @Test
    void missingFieldsAreA400NamingEachField() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.get("event")).remove("eventType");
        ((ObjectNode) request.at("/integrations/0")).remove("urlEndpoint");
        post(request.toString()).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("event.eventType", "integrations[0].urlEndpoint")))
                .body("errors.message", equalTo(List.of("is required", "is required")))
                .body("detail", equalTo("event.eventType is required; integrations[0].urlEndpoint is required"));
        assertNothingSent();
    }

    @Test
    void unknownEventTypeIsA400NamingTheField() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.get("event")).put("eventType", "ADD_ARTIFACT_ALIASES");
        post(request.toString()).statusCode(400)
                .body("errors[0].field", equalTo("event.eventType"))
                .body("detail", startsWith("event.eventType: "));
        assertNothingSent();
    }

    @Test
    void wrongTypeIsA400NamingTheField() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.at("/event/artifact")).put("versionIndex", "first");
        post(request.toString()).statusCode(400)
                .body("errors[0].field", equalTo("event.artifact.versionIndex"));
        assertNothingSent();
    }

    @Test
    void unknownIntegrationIdIsA422() {
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                Requests.automation("ok", "i1", "{}"), Requests.automation("typo", "i2", "{}"));
        post(request.toString()).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("automations[1].triggeredActionConfig.genericWebhookActionInput.integrationID"))
                .body("detail", equalTo("No integration with id i2 in integrations"));
        assertNothingSent();
    }

    @Test
    void templateThatIsNotAJsonObjectIsA422() {
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                Requests.automation("ok", "i1", "{}"), Requests.automation("list", "i1", "[\"${alias}\"]"));
        post(request.toString()).statusCode(422)
                .body("errors[0].field", equalTo("automations[1].triggeredActionConfig.genericWebhookActionInput.requestPayload"))
                .body("detail", equalTo("Payload template must be a JSON object"));
        assertNothingSent();
    }

    @Test
    void invalidJsonTemplateIsA422EvenWhenTheAutomationIsSkipped() {
        ObjectNode skipped = Requests.automation("off", "i1", "{\"text\": \"${alias}\"");
        skipped.put("enabled", false);
        post(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), Requests.automation("ok", "i1", "{}"),
                skipped).toString())
                .statusCode(422)
                .body("detail", startsWith("Payload template is not valid JSON: "));
        assertNothingSent();
    }

    @Test
    void missingSecretIsA422NamingTheSecretAndSendsNothing() {
        ObjectNode integration = Requests.integration("i1", receiver.url("/hook"));
        integration.put("secretRef", "NO_SUCH_SECRET");
        post(Requests.dispatch(Requests.JSON.createArrayNode()
                .add(Requests.integration("i0", receiver.url("/hook"))).add(integration),
                Requests.automation("first", "i0", "{}"), Requests.automation("second", "i1", "{}")).toString())
                .statusCode(422)
                .body("errors[0].field", equalTo("integrations[1].secretRef"))
                .body("detail", equalTo("Secret NO_SUCH_SECRET is not defined for entity tiny-ml"));
        assertNothingSent();
    }

    @Test
    void anotherEntitysSecretIsNotVisible() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.at("/event/entity")).put("name", "other-team");
        post(request.toString()).statusCode(422)
                .body("detail", equalTo("Secret SIGNING_SECRET is not defined for entity other-team"));
        assertNothingSent();
    }

    @Test
    void secretNamesThatCouldEscapeTheirEntityAreA400() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.at("/integrations/0")).put("secretRef", "../other-team/GITHUB_TOKEN");
        ((ObjectNode) request.at("/event/entity")).put("name", "tiny-ml/../other-team");
        post(request.toString()).statusCode(400)
                .body("errors.field", equalTo(List.of("event.entity.name", "integrations[0].secretRef")));
        assertNothingSent();
    }

    @Test
    void unsupportedUrlIsA422() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.at("/integrations/0")).put("urlEndpoint", "ftp://example.com/hook");
        post(request.toString()).statusCode(422)
                .body("errors[0].field", equalTo("integrations[0].urlEndpoint"));
        assertNothingSent();
    }

    @Test
    void aPortNoDeliveryCouldReachIsA422EvenOnADryRun() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.at("/integrations/0")).put("urlEndpoint", "http://127.0.0.1:65536/hook");
        Relay.dryRun(request).statusCode(422)
                .body("errors[0].field", equalTo("integrations[0].urlEndpoint"))
                .body("detail", equalTo("Invalid webhook URL: port must be 1 to 65535: http://127.0.0.1:65536/hook"));
    }

    @Test
    void duplicateIntegrationIdsAreA422() {
        ObjectNode request = Requests.dispatch(Requests.JSON.createArrayNode()
                .add(Requests.integration("i1", receiver.url("/a"))).add(Requests.integration("i1", receiver.url("/b"))),
                Requests.automation("a", "i1", "{}"));
        post(request.toString()).statusCode(422).body("errors[0].field", equalTo("integrations[1].id"));
        assertNothingSent();
    }

    @Test
    void bodyOverOneMebibyteIsA413() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.at("/event/artifact/metadata")).put("padding", "x".repeat(1024 * 1024));
        post(request.toString()).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:webhook-relay:problem:request-too-large"));
        assertNothingSent();
    }

    @Test
    void moreThanAHundredAutomationsIsA400() {
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")));
        for (int i = 0; i <= DispatchRequest.MAX_AUTOMATIONS; i++) {
            ((ArrayNode) request.get("automations"))
                    .add(Requests.automation("a" + i, "i1", "{}"));
        }
        post(request.toString()).statusCode(400)
                .body("errors[0].field", equalTo("automations"))
                .body("errors[0].message", equalTo("must have at most 100 entries"));
        assertNothingSent();
    }

    @Test
    void templateOver64KiBIsA422() {
        String template = "{\"text\": \"" + "x".repeat(64 * 1024) + "\"}";
        post(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                Requests.automation("big", "i1", template)).toString())
                .statusCode(422)
                .body("detail", startsWith("Payload template is 65548 bytes; the limit is 65536 bytes"));
        assertNothingSent();
    }

    @Test
    void renderedPayloadOver512KiBIsA422() {
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                Requests.automation("amplified", "i1",
                        "{\"a\": \"" + "${artifact_metadata.blob}".repeat(6) + "\"}"));
        ((ObjectNode) request.at("/event/artifact/metadata")).put("blob", "y".repeat(100 * 1024));
        post(request.toString()).statusCode(422)
                .body("detail", startsWith("Rendered payload is "));
        assertNothingSent();
    }

    private static ValidatableResponse post(String body) {
        return Relay.dispatch(body);
    }

    private static void assertNothingSent() {
        assertThat(receiver.received()).isEmpty();
    }
}
