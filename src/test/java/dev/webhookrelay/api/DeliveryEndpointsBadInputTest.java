package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.testing.ApiGatewayEvents;
import dev.webhookrelay.testing.Relay;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile input to the delivery endpoints gets a problem naming what is wrong, never a 500 nor a 503: ids no delivery
 * can have are not looked up (a DynamoDB key longer than 2,048 bytes is refused as a store failure), and the replay's
 * parameters are checked before the store is asked.
 */
@QuarkusTest
class DeliveryEndpointsBadInputTest {

    private static final String FORMAT = "No delivery has that id: a delivery id is dlv_ and 32 lowercase hex digits";

    @ParameterizedTest
    @ValueSource(strings = { "dlv_0123", "run-window:tiny-ml:run-1", "DLV_0123456789ABCDEF0123456789ABCDEF", "x" })
    void anIdNoDeliveryCanHaveIsA404(String id) {
        Relay.deliveryStatus(id)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo(FORMAT));
        Relay.retryDelivery(id)
                .statusCode(404)
                .body("detail", equalTo(FORMAT));
    }

    @Test
    void anIdOfThousandsOfCharactersIsA404() {
        Relay.deliveryStatus("dlv_" + "a".repeat(3_000)).statusCode(404).body("detail", equalTo(FORMAT));
    }

    /** Through a raw event, so that the query reaches the function as written ({@code %2B} is a plus sign). */
    @ParameterizedTest
    @ValueSource(strings = { "%2B300000000-01-01T00:00:00Z", "2999-01-01T00:00:00Z" })
    void aReplaySinceTheFutureIsA400(String failedSince) {
        JsonNode response = Relay.invoke(ApiGatewayEvents.post("/v1/deliveries/retry?failedSince=" + failedSince, ""));

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(Relay.body(response).get("detail").asText()).isEqualTo("failedSince must not be in the future");
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "99999999999", "1.5" })
    void aReplayLimitThatIsNoWholeNumberIsA400(String limit) {
        String since = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        Relay.post("/v1/deliveries/retry?failedSince=" + since + "&limit=" + limit, "")
                .statusCode(400)
                .body("detail", equalTo("limit must be a whole number from 1 to 200"));
    }

    @Test
    void aReplaySinceNoInstantIsA400() {
        Relay.post("/v1/deliveries/retry?failedSince=yesterday", "")
                .statusCode(400)
                .body("detail", equalTo("failedSince must be an ISO-8601 instant such as 2026-12-01T10:00:00Z"));
    }
}
