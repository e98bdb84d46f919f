package dev.webhookrelay.api;

import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Issue 12: with {@code relay.secrets.require-destinations=true}, only secrets bound to destinations are used. */
@QuarkusTest
@TestProfile(RequireDestinationsTest.RequireDestinations.class)
class RequireDestinationsTest {

    public static class RequireDestinations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.secrets.require-destinations", "true");
        }
    }

    @Test
    void aSecretWithoutDestinationsIsA422() {
        Relay.dryRun(Requests.githubDispatch(URI.create("http://127.0.0.1:9/allowed/hook")))
                .statusCode(422)
                .body("errors[0].field", equalTo("integrations[0].accessTokenRef"))
                .body("detail", equalTo("Secret GITHUB_TOKEN names no destinations, and "
                        + "relay.secrets.require-destinations is on: bind it to the URLs it may be sent to"));
    }

    @Test
    void boundSecretsAreStillUsed() {
        ObjectNode request = Requests.githubDispatch(URI.create("http://127.0.0.1:9/allowed/hook"));
        ObjectNode integration = (ObjectNode) request.get("integrations").get(0);
        integration.put("accessTokenRef", "BOUND_TOKEN");
        integration.put("secretRef", "BOUND_SIGNING_SECRET");

        Relay.dryRun(request)
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DRY_RUN"));
    }
}
