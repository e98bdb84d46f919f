package dev.webhookrelay.api;

import static dev.webhookrelay.testing.Relay.dispatch;
import static dev.webhookrelay.testing.SeededSecrets.SIGNING_SECRET;
import static dev.webhookrelay.testing.SeededSecrets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.IndependentHmac;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** {@code POST /v1/dispatch} end to end: through the Lambda event path to a real receiver on loopback. */
@QuarkusTest
class DispatchResourceTest extends WithReceiver {

    @Test
    void deliversGithubDispatchSignedOverTheExactBytesSent() throws Exception {
        dispatch(Requests.githubDispatch(receiver.url("/repos/acme/ml/dispatches")))
                .statusCode(200)
                .body("deliveries", hasSize(1))
                .body("deliveries[0].automation", equalTo("deploy-on-prod"))
                .body("deliveries[0].integration", equalTo("github-dispatch"))
                .body("deliveries[0].outcome", equalTo("DELIVERED"))
                .body("deliveries[0].reason", nullValue())
                .body("deliveries[0].attempts[0].statusCode", equalTo(204));

        Receiver.Received request = receiver.takeRequest(Duration.ofSeconds(5));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/repos/acme/ml/dispatches");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.header("X-Wandb-Signature"))
                .isEqualTo(IndependentHmac.hmacSha256(SIGNING_SECRET, request.body()));
        assertThat(request.header("X-Relay-Delivery-Id")).startsWith("dlv_");
    }

    @Test
    void rendersTheDocumentedVariablesIntoTheTemplate() throws Exception {
        dispatch(Requests.githubDispatch(receiver.url("/hook"))).statusCode(200);

        JsonNode sent = Requests.JSON.readTree(receiver.takeRequest(Duration.ofSeconds(5)).body());
        assertThat(sent.get("event_type").asText()).isEqualTo("BUILD_AND_DEPLOY");
        JsonNode payload = sent.get("client_payload");
        assertThat(payload.get("event_author").asText()).isEqualTo("frds");
        assertThat(payload.get("artifact_version").asText()).isEqualTo("wandb-artifact://_id/QXJ0aWZhY3Q6NjI0OTY3Mzkw");
        assertThat(payload.get("artifact_version_string").asText()).isEqualTo("tiny-ml/model-registry/CIFAR_10:production");
        assertThat(payload.get("artifact_collection_name").asText()).isEqualTo("CIFAR_10");
        assertThat(payload.get("project_name").asText()).isEqualTo("model-registry");
        assertThat(payload.get("entity_name").asText()).isEqualTo("tiny-ml");
        assertThat(payload.get("alias").asText()).isEqualTo("production");
        assertThat(payload.get("event_type").asText()).isEqualTo("ADD_ARTIFACT_ALIAS");
    }

    @Test
    void keepsTemplateBytesOutsidePlaceholdersAsWritten() {
        String template = "{ \"text\" :\t\"alias=${alias}\" ,\n  \"n\": 1.50e1 }";
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                Requests.automation("a1", "i1", template))).statusCode(200);

        assertThat(receiver.takeRequest(Duration.ofSeconds(5)).bodyText())
                .isEqualTo("{ \"text\" :\t\"alias=production\" ,\n  \"n\": 1.50e1 }");
    }

    @Test
    void acceptsTheTemplateAsAJsonObjectToo() {
        ObjectNode automation = Requests.automation("a1", "i1", "{}");
        ((ObjectNode) automation.at("/triggeredActionConfig/genericWebhookActionInput"))
                .set("requestPayload", Requests.parse("{\"text\": \"${entity_name}\"}"));
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automation)).statusCode(200);

        assertThat(receiver.takeRequest(Duration.ofSeconds(5)).bodyText()).isEqualTo("{\"text\":\"tiny-ml\"}");
    }

    @Test
    void reportsTheRequestWithCredentialsRedacted() {
        String template = "{\"token\": \"${ACCESS_TOKEN}\", \"secret\": \"${SIGNING_SECRET}\"}";
        ExtractableResponse<Response> response = dispatch(Requests.dispatch(
                Requests.integration("i1", receiver.url("/hook")), Requests.automation("a1", "i1", template)))
                .statusCode(200)
                .body("deliveries[0].request.url", equalTo(receiver.url("/hook").toString()))
                .body("deliveries[0].request.headers.Authorization", equalTo("Bearer ***"))
                .body("deliveries[0].request.body", equalTo("{\"token\": \"***\", \"secret\": \"***\"}"))
                .extract();

        Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));
        assertThat(sent.bodyText()).isEqualTo("{\"token\": \"" + TOKEN + "\", \"secret\": \"" + SIGNING_SECRET + "\"}");
        assertThat(response.body().asString()).doesNotContain(TOKEN, SIGNING_SECRET)
                .contains(IndependentHmac.hmacSha256(SIGNING_SECRET, sent.body()));
    }

    @Test
    void redactsSecretsThatTheTargetEchoesBack() {
        receiver.enqueue(Receiver.Response.status(200).withBody("you sent Bearer " + TOKEN));
        dispatch(Requests.githubDispatch(receiver.url("/hook")))
                .statusCode(200)
                .body("deliveries[0].attempts[0].responseBody", equalTo("you sent Bearer ***"));
    }

    @Test
    void sendsNoAuthorizationOrSignatureWhenTheIntegrationHasNoSecrets() {
        ObjectNode integration = Requests.integration("i1", receiver.url("/hook"));
        integration.remove(List.of("accessTokenRef", "secretRef"));
        dispatch(Requests.dispatch(integration, Requests.automation("a1", "i1", "{}"))).statusCode(200);

        Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));
        assertThat(sent.header("Authorization")).isNull();
        assertThat(sent.header("X-Wandb-Signature")).isNull();
        assertThat(sent.bodyText()).isEqualTo("{}");
    }

    @Test
    void failedTargetMakesA502WithoutHidingTheOthers() {
        Receiver failing = Receiver.start().byDefault(Receiver.Response.status(500).withBody("boom"));
        try {
            ObjectNode request = Requests.dispatch(
                    Requests.JSON.createArrayNode()
                            .add(Requests.integration("good", receiver.url("/hook")))
                            .add(Requests.integration("bad", failing.url("/hook"))),
                    Requests.automation("to-good", "good", "{}"),
                    Requests.automation("to-bad", "bad", "{}"));
            dispatch(request)
                    .statusCode(502)
                    .body("deliveries[0].outcome", equalTo("DELIVERED"))
                    .body("deliveries[1].outcome", equalTo("FAILED"))
                    .body("deliveries[1].reason", equalTo("target answered 500; gave up after 3 attempts"))
                    .body("deliveries[1].attempts.statusCode", equalTo(List.of(500, 500, 500)))
                    .body("deliveries[1].attempts[0].responseBody", equalTo("boom"));
        } finally {
            failing.close();
        }
    }

    @Test
    void dryRunRendersAndSignsButSendsNothing() {
        Relay.dryRun(Requests.githubDispatch(receiver.url("/hook")))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DRY_RUN"))
                .body("deliveries[0].attempts", hasSize(0))
                .body("deliveries[0].request.headers.X-Wandb-Signature", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void skipsWithAReasonWhenTheEventTypeDiffers() {
        ObjectNode automation = Requests.automation("on-link", "i1", "{}");
        automation.put("triggeringEventType", "LINK_MODEL");
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automation))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("SKIPPED"))
                .body("deliveries[0].reason", equalTo("automation watches LINK_ARTIFACT, event is ADD_ARTIFACT_ALIAS"))
                .body("deliveries[0].request", nullValue());
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void firesLinkModelAutomationsOnLinkArtifactEventsAndRendersLinkArtifact() throws Exception {
        ObjectNode automation = Requests.automation("on-link", "i1", "{\"type\": \"${event_type}\"}");
        automation.put("triggeringEventType", "LINK_MODEL");
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automation);
        ((ObjectNode) request.get("event")).put("eventType", "LINK_ARTIFACT");
        dispatch(request).statusCode(200).body("deliveries[0].outcome", equalTo("DELIVERED"));

        assertThat(receiver.takeRequest(Duration.ofSeconds(5)).bodyText()).isEqualTo("{\"type\": \"LINK_ARTIFACT\"}");
    }

    @Test
    void skipsDisabledAutomations() {
        ObjectNode automation = Requests.automation("off", "i1", "{}");
        automation.put("enabled", false);
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automation))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("SKIPPED"))
                .body("deliveries[0].reason", equalTo("automation is disabled"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void skipsAutomationsScopedElsewhere() {
        ObjectNode automation = Requests.automation("other-project", "i1", "{}");
        automation.put("scopeID", "UHJvamVjdDo5OTk=");
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automation))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("SKIPPED"))
                .body("deliveries[0].reason",
                        equalTo("automation is scoped to PROJECT UHJvamVjdDo5OTk=, event's is UHJvamVjdDoxMjM="));
    }

    @Test
    void scopesByArtifactCollectionAndEntity() {
        ObjectNode byCollection = Requests.automation("registry", "i1", "{}");
        byCollection.put("scopeType", "ARTIFACT_COLLECTION").put("scopeID", "QXJ0aWZhY3RTZXF1ZW5jZToxMjM=");
        ObjectNode byEntity = Requests.automation("team", "i1", "{}");
        byEntity.put("scopeType", "ENTITY").put("scopeID", "RW50aXR5OjE=");
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), byCollection, byEntity))
                .statusCode(200)
                .body("deliveries.outcome", equalTo(List.of("DELIVERED", "DELIVERED")));
    }

    @Test
    void deliversSeveralAutomationsConcurrently() {
        Receiver slow = Receiver.start().byDefault(Receiver.Response.status(204).after(Duration.ofMillis(1500)));
        try {
            ObjectNode request = Requests.dispatch(Requests.integration("slow", slow.url("/hook")),
                    Requests.automation("a1", "slow", "{}"), Requests.automation("a2", "slow", "{}"),
                    Requests.automation("a3", "slow", "{}"), Requests.automation("a4", "slow", "{}"));
            long started = System.nanoTime();
            dispatch(request).statusCode(200).body("deliveries.outcome", hasSize(4));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(slow.received()).hasSize(4);
            assertThat(took).isLessThan(Duration.ofMillis(4 * 1500));
        } finally {
            slow.close();
        }
    }

    @Test
    void givesEachAutomationAStableDeliveryId() {
        String first = dispatch(Requests.githubDispatch(receiver.url("/hook"))).extract().path("deliveries[0].deliveryId");
        String second = dispatch(Requests.githubDispatch(receiver.url("/hook"))).extract().path("deliveries[0].deliveryId");

        assertThat(first).isEqualTo(second).matches("dlv_[0-9a-f]{32}");
        assertThat(receiver.received()).extracting(r -> r.header("X-Relay-Delivery-Id")).containsOnly(first);
    }

    @Test
    void warnsAboutUnknownVariablesAndRendersThemBlank() {
        dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                Requests.automation("a1", "i1", "{\"x\": \"[${no_such_thing}]\"}")))
                .statusCode(200)
                .body("deliveries[0].warnings", equalTo(List.of("unknown variable ${no_such_thing} rendered blank")));

        assertThat(receiver.takeRequest(Duration.ofSeconds(5)).bodyText()).isEqualTo("{\"x\": \"[]\"}");
    }
}
