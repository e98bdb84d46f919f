package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.IndependentHmac;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The examples of the OpenAPI document ({@link OpenApiExamples}) show what the relay really does (issue 10). The
 * dispatch example is the sample request events/github-dispatch.json aimed at GitHub, with a template of two of its
 * variables. Each report example is what the relay reports when it sends the example's request, through the Lambda
 * event path, to a receiver on loopback that answers as the example's target did; only what varies from run to run
 * may differ: the target's address and the timings. The examples' signatures are those the dev store's secret
 * (dev/secrets.json) makes over their bodies, as in the README's walkthrough; the real ones are checked against the
 * test store's secret.
 */
@QuarkusTest
class OpenApiExamplesTest extends WithReceiver {

    static final Path SAMPLE = Path.of("events/github-dispatch.json");
    static final Path DEV_SECRETS = Path.of("dev/secrets.json");

    /** The header of the examples' signature scheme, wandb. */
    static final String SIGNATURE = "X-Wandb-Signature";

    @Test
    void dispatchExampleIsTheSampleRequestAimedAtGithubWithAShorterTemplate() throws IOException {
        JsonNode example = Requests.parse(OpenApiExamples.DISPATCH_REQUEST);
        ObjectNode sample = (ObjectNode) Requests.JSON.readTree(SAMPLE.toFile());
        ((ObjectNode) sample.at("/integrations/0")).set("urlEndpoint", example.at("/integrations/0/urlEndpoint"));
        String template = "/automations/0/triggeredActionConfig/genericWebhookActionInput";
        ((ObjectNode) sample.at(template)).set("requestPayload", example.at(template + "/requestPayload"));

        assertThat(example).isEqualTo(sample);
    }

    @Test
    void deliveredExampleIsTheReportOfItsRequest() throws IOException {
        assertDispatchReports(200, OpenApiExamples.DISPATCH_DELIVERED);
    }

    @Test
    void failedExampleIsTheReportOfItsRequestToATargetThatKeepsFailing() throws IOException {
        receiver.byDefault(Receiver.Response.status(503).withBody("unavailable"));

        assertDispatchReports(502, OpenApiExamples.DISPATCH_FAILED);
    }

    @Test
    void webhookTestExampleIsTheReportOfItsRequest() throws IOException {
        ObjectNode report = (ObjectNode) Requests.parse(
                Relay.testWebhook(aimedAtReceiver(OpenApiExamples.WEBHOOK_TEST_REQUEST))
                        .statusCode(200)
                        .extract().asString());

        JsonNode example = Requests.parse(OpenApiExamples.WEBHOOK_TEST_DELIVERED);
        // A test delivery has no event to derive its id from: the id is random, and the only value that may differ.
        String deliveryId = report.get("deliveryId").asText();
        assertThat(deliveryId).matches("dlv_[0-9a-f]{32}");
        assertThat(report.at("/request/headers/X-Relay-Delivery-Id").asText()).isEqualTo(deliveryId);
        JsonNode withExampleId = report.deepCopy();
        ((ObjectNode) withExampleId).set("deliveryId", example.get("deliveryId"));
        ((ObjectNode) withExampleId.at("/request/headers")).set("X-Relay-Delivery-Id", example.get("deliveryId"));
        assertThat(comparable(withExampleId)).isEqualTo(comparable(example));
        assertSentAsReported(receiver.takeRequest(Duration.ofSeconds(5)), report);
        assertSignedWithTheDevSecret(example);
    }

    /** Asserts that dispatching the example request answers {@code status} with the report {@code example}. */
    private static void assertDispatchReports(int status, String example) throws IOException {
        JsonNode report = Requests.parse(Relay.dispatch(aimedAtReceiver(OpenApiExamples.DISPATCH_REQUEST))
                .statusCode(status)
                .extract().asString());

        JsonNode expected = Requests.parse(example);
        assertThat(comparable(report)).isEqualTo(comparable(expected));
        assertSentAsReported(receiver.takeRequest(Duration.ofSeconds(5)), report.at("/deliveries/0"));
        assertSignedWithTheDevSecret(expected.at("/deliveries/0"));
    }

    /** Returns the request of {@code example} with its integration's URL moved to the same path on the receiver. */
    private static ObjectNode aimedAtReceiver(String example) {
        ObjectNode request = (ObjectNode) Requests.parse(example);
        for (JsonNode integration : request.findParents("urlEndpoint")) {
            URI url = URI.create(integration.get("urlEndpoint").asText());
            ((ObjectNode) integration).put("urlEndpoint", receiver.url(url.getRawPath()).toString());
        }
        return request;
    }

    /**
     * Returns {@code report} without what varies between runs and stores: the scheme and authority of the target, the
     * timings, and the signature (checked on its own).
     */
    private static JsonNode comparable(JsonNode report) {
        JsonNode copy = report.deepCopy();
        for (JsonNode request : copy.findParents("url")) {
            ObjectNode reported = (ObjectNode) request;
            reported.put("url", URI.create(reported.get("url").asText()).getRawPath());
            ((ObjectNode) reported.get("headers")).remove(SIGNATURE);
        }
        for (JsonNode attempt : copy.findParents("durationMs")) {
            ((ObjectNode) attempt).remove("durationMs");
        }
        return copy;
    }

    /** Asserts that the target got the body and headers {@code delivery} reports, with the real token and signature. */
    private static void assertSentAsReported(Receiver.Received sent, JsonNode delivery) {
        assertThat(sent.bodyText()).isEqualTo(delivery.at("/request/body").asText());
        delivery.at("/request/headers").fields().forEachRemaining(header -> assertThat(sent.header(header.getKey()))
                .as(header.getKey())
                .isEqualTo(header.getKey().equals("Authorization") ? "Bearer " + SeededSecrets.TOKEN
                        : header.getValue().asText()));
        assertThat(sent.header(SIGNATURE))
                .isEqualTo(IndependentHmac.hmacSha256(SeededSecrets.SIGNING_SECRET, sent.body()));
    }

    /** Asserts that the example {@code delivery}'s signature is the dev store's {@code SIGNING_SECRET} over its body. */
    private static void assertSignedWithTheDevSecret(JsonNode delivery) throws IOException {
        String devSecret = Requests.JSON.readTree(DEV_SECRETS.toFile()).at("/tiny-ml/SIGNING_SECRET").asText();
        byte[] body = delivery.at("/request/body").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(delivery.at("/request/headers/" + SIGNATURE).asText())
                .isEqualTo(IndependentHmac.hmacSha256(devSecret, body));
    }
}
