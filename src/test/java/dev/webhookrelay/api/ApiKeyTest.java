package dev.webhookrelay.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** With {@code relay.inbound.api-keys} set, only calls carrying one of the keys are served. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithApiKeys.class)
class ApiKeyTest {

    /** Two keys, as during a rotation. */
    public static class WithApiKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relay.inbound.api-keys", "current-key-0123456789,previous-key-9876543210");
        }
    }

    @Test
    void aCallWithoutAKeyIsA401() {
        dryRun(given())
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("Send a valid API key in the X-Relay-Api-Key header"));
    }

    @Test
    void aCallWithAWrongKeyIsA401() {
        dryRun(given().header("X-Relay-Api-Key", "current-key-0123456788")).statusCode(401);
    }

    @Test
    void eitherKeyIsAccepted() {
        dryRun(given().header("X-Relay-Api-Key", "current-key-0123456789")).statusCode(200);
        dryRun(given().header("X-Relay-Api-Key", "previous-key-9876543210")).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse dryRun(RequestSpecification request) {
        return request
                .contentType(ContentType.JSON)
                .queryParam("dryRun", true)
                .body(Requests.githubDispatch(URI.create("http://127.0.0.1:9/hook")).toString())
                .when()
                .post("/v1/dispatch")
                .then();
    }
}
