package dev.webhookrelay.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.testing.ApiGatewayEvents;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.testing.Requests;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A raw API Gateway HTTP API (payload format 2.0) event, as AWS hands it to the function, through the Lambda handler.
 */
@QuarkusTest
class LambdaEventTest extends WithReceiver {

    @Test
    void apiGatewayEventIsDispatchedAndAnsweredAsAnApiGatewayResponse() throws Exception {
        JsonNode response = Requests.JSON.readTree(given()
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(ApiGatewayEvents.post("/v1/dispatch", Requests.githubDispatch(receiver.url("/hook")).toString()))
                .when()
                .post(AmazonLambdaApi.API_BASE_PATH_TEST)
                .then()
                .statusCode(200)
                .body("statusCode", equalTo(200))
                .extract().asString());

        JsonNode report = Requests.JSON.readTree(response.get("body").asText());
        assertThat(report.at("/deliveries/0/outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receiver.takeRequest(Duration.ofSeconds(5)).header("X-Wandb-Signature")).hasSize(64);
    }

    @Test
    void badInputIsAProblemInsideTheApiGatewayResponse() throws Exception {
        JsonNode response = Requests.JSON.readTree(given()
                .contentType(ContentType.JSON)
                .body(ApiGatewayEvents.post("/v1/dispatch", "{\"event\": null}"))
                .when()
                .post(AmazonLambdaApi.API_BASE_PATH_TEST)
                .then()
                .statusCode(200)
                .extract().asString());

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.at("/headers/Content-Type").asText()).startsWith("application/problem+json");
    }
}
