package dev.webhookrelay.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.tenancy.Caller;
import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Issue 12: inbound API keys bound to entities with {@code relay.tenancy.api-keys} (digests of the keys). */
@QuarkusTest
@TestProfile(TenancyApiKeyTest.KeysBoundToEntities.class)
class TenancyApiKeyTest {

    static final String TINY_KEY = "key-tiny-0123456789";
    static final String UNBOUND_KEY = "key-unbound-0123456789";

    /** Two inbound keys; only the first is bound, to tiny-ml. */
    public static class KeysBoundToEntities implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.inbound.api-keys", TINY_KEY + "," + UNBOUND_KEY,
                    "relay.tenancy.api-keys", "{\"" + Caller.digest(TINY_KEY) + "\": [\"tiny-ml\"]}");
        }
    }

    @Test
    void aBoundKeyActsForItsEntity() {
        dryRun(TINY_KEY, "tiny-ml")
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DRY_RUN"));
    }

    @Test
    void aBoundKeyMayNotActForAnotherEntity() {
        dryRun(TINY_KEY, "other-team")
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("The API key presented may not act for entity other-team"));
    }

    @Test
    void aValidKeyBoundToNoEntityMayActForNone() {
        dryRun(UNBOUND_KEY, "tiny-ml")
                .statusCode(403)
                .body("detail", equalTo("The API key presented may not act for entity tiny-ml"));
    }

    private static ValidatableResponse dryRun(String key, String entity) {
        ObjectNode request = Requests.githubDispatch(URI.create("http://127.0.0.1:9/hook"));
        ((ObjectNode) request.at("/event/entity")).put("name", entity);
        return given()
                .header("X-Relay-Api-Key", key)
                .contentType(ContentType.JSON)
                .queryParam("dryRun", true)
                .body(request.toString())
                .when()
                .post("/v1/dispatch")
                .then();
    }
}
