package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.ApiGatewayEvents;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12, caller identity bound to entities: with {@code relay.tenancy.principals} set, raw API Gateway events carry
 * the IAM authorizer's principal, and only a principal mapped to the event's entity is served, on every endpoint,
 * before any secret is resolved.
 */
@QuarkusTest
@TestProfile(TenancyTest.TeamTinyOnly.class)
class TenancyTest extends WithReceiver {

    static final String TEAM_TINY_SESSION = "arn:aws:sts::123456789012:assumed-role/team-tiny/ci-run-42";
    static final String TEAM_OTHER_SESSION = "arn:aws:sts::123456789012:assumed-role/team-other/ci-run-42";

    /** team-tiny's role may act for tiny-ml; team-other's for other-team. */
    public static class TeamTinyOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.tenancy.principals", """
                    {"arn:aws:iam::123456789012:role/team-tiny": ["tiny-ml"],
                     "arn:aws:iam::123456789012:role/teams/team-other": ["other-team"]}""");
        }
    }

    @Test
    void anAssumedRoleSessionActsForTheEntityOfItsRole() {
        JsonNode response = Relay.invoke(ApiGatewayEvents.signedBy(dispatchEvent(), TEAM_TINY_SESSION));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Relay.body(response).at("/deliveries/0/outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receiver.takeRequest(Duration.ofSeconds(5)).header("Authorization"))
                .isEqualTo("Bearer " + SeededSecrets.TOKEN);
    }

    @Test
    void anotherRoleIsA403NamingTheEntityAndNothingIsSent() {
        JsonNode response = Relay.invoke(ApiGatewayEvents.signedBy(dispatchEvent(), TEAM_OTHER_SESSION));

        assertForbidden(response, "Principal arn:aws:iam::123456789012:role/team-other may not act for entity tiny-ml");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aRequestWithoutIdentityIsA403() {
        JsonNode response = Relay.invoke(dispatchEvent());

        assertForbidden(response, "The request carries no caller identity (IAM principal or API key), so it may not "
                + "act for entity tiny-ml");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aDryRunForAnotherEntityIsA403() {
        String event = ApiGatewayEvents.withQuery(ApiGatewayEvents.signedBy(dispatchEvent(), TEAM_OTHER_SESSION),
                "dryRun=true");

        assertForbidden(Relay.invoke(event),
                "Principal arn:aws:iam::123456789012:role/team-other may not act for entity tiny-ml");
    }

    @Test
    void aWebhookTestForAnotherEntityIsA403() {
        ObjectNode test = Requests.JSON.createObjectNode();
        test.putObject("entity").put("name", "tiny-ml");
        test.set("integration", Requests.integration("SW50ZWdyYXRpb246MQ==", receiver.url("/hook")));

        JsonNode response = Relay.invoke(ApiGatewayEvents.signedBy(
                ApiGatewayEvents.post("/v1/webhooks/test", test.toString()), TEAM_OTHER_SESSION));

        assertForbidden(response, "Principal arn:aws:iam::123456789012:role/team-other may not act for entity tiny-ml");
        assertThat(receiver.received()).isEmpty();
    }

    /** other-team has no SIGNING_SECRET: were its secrets resolved first, this would be a 422. */
    @Test
    void theCallerIsCheckedBeforeAnySecretIsResolved() {
        JsonNode response = Relay.invoke(ApiGatewayEvents.signedBy(otherTeamEvent(), TEAM_TINY_SESSION));

        assertForbidden(response, "Principal arn:aws:iam::123456789012:role/team-tiny may not act for entity other-team");
    }

    /** The mapping names team-other's role with its path, which its session ARN does not carry. */
    @Test
    void aRoleMappedWithItsPathActsForItsEntity() {
        JsonNode response = Relay.invoke(ApiGatewayEvents.signedBy(otherTeamEvent(), TEAM_OTHER_SESSION));

        assertThat(response.get("statusCode").asInt()).isEqualTo(422);
        assertThat(Relay.body(response).get("detail").asText())
                .isEqualTo("Secret SIGNING_SECRET is not defined for entity other-team");
    }

    @Test
    void anIdentityHeaderIsNotAnIdentity() {
        ObjectNode event = (ObjectNode) Requests.parse(dispatchEvent());
        ((ObjectNode) event.get("headers")).put("x-amzn-iam-userarn", TEAM_TINY_SESSION)
                .put("userarn", TEAM_TINY_SESSION);

        assertThat(Relay.invoke(event.toString()).get("statusCode").asInt()).isEqualTo(403);
    }

    @Test
    void anAsyncDeliveryIsReadAndRetriedOnlyByACallerOfItsEntity() {
        String queue = ApiGatewayEvents.post("/v1/dispatch?async=true",
                Requests.githubDispatch(receiver.url("/hook")).toString());
        JsonNode queued = Relay.invoke(ApiGatewayEvents.signedBy(queue, TEAM_TINY_SESSION));
        assertThat(queued.get("statusCode").asInt()).isEqualTo(202);
        String status = "/v1/deliveries/" + Relay.body(queued).at("/deliveries/0/deliveryId").asText();

        assertThat(Relay.invoke(ApiGatewayEvents.signedBy(ApiGatewayEvents.get(status), TEAM_TINY_SESSION))
                .get("statusCode").asInt()).isEqualTo(200);
        assertForbidden(Relay.invoke(ApiGatewayEvents.signedBy(ApiGatewayEvents.get(status), TEAM_OTHER_SESSION)),
                "Principal arn:aws:iam::123456789012:role/team-other may not act for entity tiny-ml");
        assertForbidden(Relay.invoke(ApiGatewayEvents.get(status)),
                "The request carries no caller identity (IAM principal or API key)");
        assertForbidden(Relay.invoke(ApiGatewayEvents.get("/v1/deliveries/dlv_0123456789abcdef0123456789abcdef")),
                "The request carries no caller identity (IAM principal or API key)");
        assertForbidden(Relay.invoke(ApiGatewayEvents.post("/v1/deliveries/dlv_0123456789abcdef0123456789abcdef/retry",
                "")), "The request carries no caller identity (IAM principal or API key)");
        assertForbidden(Relay.invoke(ApiGatewayEvents.signedBy(ApiGatewayEvents.post(status + "/retry", ""),
                TEAM_OTHER_SESSION)),
                "Principal arn:aws:iam::123456789012:role/team-other may not act for entity tiny-ml");
    }

    @Test
    void aReplayMustNameAnEntityOfTheCaller() {
        String since = "failedSince=" + Instant.now().minusSeconds(60);

        assertForbidden(Relay.invoke(ApiGatewayEvents.signedBy(
                ApiGatewayEvents.post("/v1/deliveries/retry?" + since, ""), TEAM_TINY_SESSION)),
                "With relay.tenancy.* set, a request that spans entities must name the entity it acts for");
        assertForbidden(Relay.invoke(ApiGatewayEvents.signedBy(
                ApiGatewayEvents.post("/v1/deliveries/retry?entity=tiny-ml&" + since, ""), TEAM_OTHER_SESSION)),
                "Principal arn:aws:iam::123456789012:role/team-other may not act for entity tiny-ml");
        assertThat(Relay.invoke(ApiGatewayEvents.signedBy(
                ApiGatewayEvents.post("/v1/deliveries/retry?entity=tiny-ml&" + since, ""), TEAM_TINY_SESSION))
                .get("statusCode").asInt()).isEqualTo(202);
    }

    /** Returns the dispatch event of the sample request, for entity other-team. */
    private static String otherTeamEvent() {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.at("/event/entity")).put("name", "other-team");
        return ApiGatewayEvents.post("/v1/dispatch", request.toString());
    }

    private static String dispatchEvent() {
        return ApiGatewayEvents.post("/v1/dispatch", Requests.githubDispatch(receiver.url("/hook")).toString());
    }

    private static void assertForbidden(JsonNode response, String detail) {
        assertThat(response.get("statusCode").asInt()).isEqualTo(403);
        assertThat(response.at("/headers/Content-Type").asText()).startsWith("application/problem+json");
        JsonNode problem = Relay.body(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:webhook-relay:problem:forbidden");
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
    }
}
