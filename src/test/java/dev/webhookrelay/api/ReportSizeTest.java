package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.ApiGatewayEvents;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12 (3): a report never passes Lambda's 6 MB response limit, measured on the Lambda response itself (the report
 * is a JSON string inside it), and every delivery is still in it. The request: 100 automations whose bodies render to
 * about 40 KB each of escaped {@code <}, to a target that answers 500 with 8 KiB of control characters (6 bytes each
 * in JSON) three times each: about 14 MB of report if echoed whole.
 */
@QuarkusTest
class ReportSizeTest extends WithReceiver {

    /** Lambda's limit on a synchronous response payload: 6 MB. */
    private static final int LAMBDA_RESPONSE_BYTES = 6 * 1024 * 1024;

    @Test
    void reportOfHundredBigDeliveriesStaysUnderTheLambdaLimitAndSaysItWasCut() throws Exception {
        receiver.byDefault(Receiver.Response.status(500).withBody("\u0001".repeat(8192)));
        ObjectNode[] automations = new ObjectNode[100];
        for (int i = 0; i < automations.length; i++) {
            automations[i] = Requests.automation("big-" + i, "i1", "{\"a\": \"${alias}\"}");
        }
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automations);
        ((ObjectNode) request.get("event")).put("alias", "<".repeat(6_800));

        byte[] lambdaResponse = Relay.post(AmazonLambdaApi.API_BASE_PATH_TEST,
                        ApiGatewayEvents.post("/v1/dispatch", request.toString()))
                .statusCode(200)
                .extract().asByteArray();

        assertThat(lambdaResponse.length).isLessThan(LAMBDA_RESPONSE_BYTES);
        JsonNode response = Requests.JSON.readTree(lambdaResponse);
        assertThat(response.get("statusCode").asInt()).isEqualTo(502);
        JsonNode report = Relay.body(response);
        assertThat(report.get("truncated").asBoolean()).isTrue();
        assertThat(report.get("deliveries")).hasSize(100).allSatisfy(delivery -> {
            assertThat(delivery.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(delivery.at("/request/bodyBytes").asInt()).isEqualTo(40_809);
            assertThat(delivery.get("attempts")).hasSize(3);
        });
        JsonNode first = report.at("/deliveries/0/request");
        assertThat(first.get("bodyTruncated").asBoolean()).isFalse();
        assertThat(first.get("body").asText()).hasSize(40_809);
        JsonNode last = report.at("/deliveries/99/request");
        assertThat(last.get("bodyTruncated").asBoolean()).isTrue();
        assertThat(last.get("body").asText()).isEmpty();
        assertThat(receiver.received()).hasSize(300);
    }
}
