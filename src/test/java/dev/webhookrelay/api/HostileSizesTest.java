package dev.webhookrelay.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.trigger.TriggerEvaluator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 12: requests sized to exhaust the function get a 422 naming the field, and nothing is sent.
 */
@QuarkusTest
class HostileSizesTest extends WithReceiver {

    @Test
    void filterOverTheCapIsA422NamingTheFilterAndTheLimit() {
        ObjectNode automation = Requests.automation("huge-filter", "i1", "{}");
        String padding = "y".repeat(TriggerEvaluator.MAX_FILTER_CHARS);
        automation.put("eventFilter", "{\"$or\":[{\"alias\":\"" + padding + "\"}]}");

        post(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automation))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("automations[0].eventFilter"))
                .body("detail", equalTo("Event filter is 65558 characters; the limit is 65536 characters"));
        assertThat(receiver.received()).isEmpty();
    }

    private static ValidatableResponse post(ObjectNode request) {
        return given()
                .contentType(ContentType.JSON)
                .body(request.toString())
                .when()
                .post("/v1/dispatch")
                .then();
    }
}
