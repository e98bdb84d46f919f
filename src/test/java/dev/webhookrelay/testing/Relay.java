package dev.webhookrelay.testing;

import static io.restassured.RestAssured.given;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaApi;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The relay's endpoints, called as a client calls them, through RestAssured, which in a {@code @QuarkusTest} goes
 * through the Lambda event path.
 */
public final class Relay {

    private Relay() {
    }

    /** Returns the response to {@code POST /v1/dispatch} of {@code request}. */
    public static ValidatableResponse dispatch(JsonNode request) {
        return dispatch(request.toString());
    }

    /** Returns the response to {@code POST /v1/dispatch} of {@code body}, which need not be valid JSON. */
    public static ValidatableResponse dispatch(String body) {
        return post("/v1/dispatch", body);
    }

    /** Returns the response to {@code POST /v1/dispatch?dryRun=true} of {@code request}: nothing is sent. */
    public static ValidatableResponse dryRun(JsonNode request) {
        return post("/v1/dispatch?dryRun=true", request.toString());
    }

    /** Returns the response to {@code POST /v1/webhooks/test} of {@code request}. */
    public static ValidatableResponse testWebhook(JsonNode request) {
        return post("/v1/webhooks/test", request.toString());
    }

    /**
     * Returns the API Gateway response to {@code event} ({@link ApiGatewayEvents}), handed to the function through the
     * mock Lambda event server as AWS hands it over.
     */
    public static JsonNode invoke(String event) {
        return Requests.parse(post(AmazonLambdaApi.API_BASE_PATH_TEST, event).statusCode(200).extract().asString());
    }

    /** Returns the body of the API Gateway {@code response}, parsed as JSON. */
    public static JsonNode body(JsonNode response) {
        return Requests.parse(response.get("body").asText());
    }

    /** Returns the response to {@code POST /v1/dispatch?async=true} of {@code request}: queued, answered 202. */
    public static ValidatableResponse dispatchAsync(JsonNode request) {
        return post("/v1/dispatch?async=true", request.toString());
    }

    /** Returns the response to {@code GET /v1/deliveries/{deliveryId}}. */
    public static ValidatableResponse deliveryStatus(String deliveryId) {
        return answered(() -> given()
                .when()
                .get("/v1/deliveries/" + deliveryId)
                .then());
    }

    /** Returns the response to {@code POST /v1/deliveries/{deliveryId}/retry}. */
    public static ValidatableResponse retryDelivery(String deliveryId) {
        return answered(() -> given()
                .when()
                .post("/v1/deliveries/" + deliveryId + "/retry")
                .then());
    }

    /** Returns the response to a JSON {@code POST} of {@code body} to {@code path}, which may hold a query. */
    public static ValidatableResponse post(String path, String body) {
        return answered(() -> given()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then());
    }

    /** Returns {@code response}'s answer; one that never comes fails with what the function's threads were doing. */
    private static ValidatableResponse answered(Supplier<ValidatableResponse> response) {
        try {
            return response.get();
        } catch (Exception e) { // RestAssured throws the socket's checked exceptions unchecked.
            if (Stall.isTimeout(e)) {
                throw new AssertionError("No answer from the function: " + Stall.describe(), e);
            }
            throw e;
        }
    }
}
