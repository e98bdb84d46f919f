package dev.webhookrelay.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every sample request under events/ works: each dispatch body is POSTed to /v1/dispatch, and each {@code sam-*.json}
 * API Gateway event (for {@code sam local invoke}) goes to the Lambda handler as it is, both through the Lambda event
 * path. The samples aim at the dev receiver or at real services; here every integration URL is pointed at a test
 * receiver instead, path and query kept, so nothing leaves the machine. New samples are picked up by their file name.
 */
@QuarkusTest
class SampleRequestsTest extends WithReceiver {

    static final Path EVENTS = Path.of("events");

    /** The outcomes a sample may end with: nothing in a sample may fail. */
    static final Set<String> FINE = Set.of("DELIVERED", "SKIPPED", "DRY_RUN");

    /**
     * What the run samples deliver: W&B's template variables of run events, rendered into {@code client_payload}
     * (issue 14). A sample listed here must deliver exactly one request.
     */
    static final Map<String, Map<String, String>> RENDERED = Map.of(
            "run-metric-threshold.json", Map.of(
                    "automation_name", "acc-above-0.6",
                    "run_name", "exp-7",
                    "metric_name", "acc",
                    "metric_values", "[0.58,0.61,0.64,0.66,0.69]",
                    "metric_filter", "average of last 5 acc values is above 0.6",
                    "metric_filter_short", "avg(acc, 5) > 0.6",
                    "metric_current_status", "0.636"),
            "run-metric-latest.json", Map.of(
                    "automation_name", "loss-below-1",
                    "metric_values", "[0.97]",
                    "metric_filter", "latest loss value is below or equal to 1",
                    "metric_filter_short", "loss <= 1",
                    "metric_current_status", "0.97"),
            "run-metric-change.json", Map.of(
                    "automation_name", "loss-drops-25pct",
                    "metric_values", "[1.0,0.98,1.02,0.74,0.72,0.7]",
                    "metric_filter", "average of last 3 loss values decreases by at least 25% from the average of the"
                            + " 3 before",
                    "metric_filter_short", "avg(loss, 3) decreases 25%",
                    "metric_current_status", "-28% (0.72 from 1)"),
            "run-metric-zscore.json", Map.of(
                    "automation_name", "acc-anomaly",
                    "metric_values", "[0.61,0.63,0.62,0.64,0.62,0.63,0.61,0.64,0.62,0.63,0.41]",
                    "metric_filter", "z-score of the latest acc value against the 10 acc values before it is at"
                            + " least 2 or at most -2",
                    "metric_filter_short", "|zscore(acc, 10)| >= 2",
                    "metric_current_status", "-20.9819 (0.41 against mean 0.625, standard deviation 0.010247)"),
            "run-state.json", Map.of(
                    "automation_name", "page-on-failure",
                    "run_id", "3xk1q",
                    "run_name", "exp-7",
                    "run_status", "CRASHED"));

    /** After {@link WithReceiver}'s reset: the receiver answers as a real one does. */
    @BeforeEach
    void answerAsAReceiverDoes() {
        receiver.byDefault(Receiver.Response.status(200).withBody("{\"received\":true}"));
    }

    static Stream<String> dispatchSamples() throws IOException {
        return samples().filter(name -> !name.startsWith("sam-"));
    }

    static Stream<String> samLocalEvents() throws IOException {
        return samples().filter(name -> name.startsWith("sam-"));
    }

    @Test
    void thereAreSamplesOfEachKind() throws IOException {
        assertThat(dispatchSamples()).contains("github-dispatch.json", "preset-github-dispatch.json",
                "preset-teams-workflow.json", "preset-slack-incoming-webhook.json", "run-state-killed.json");
        assertThat(dispatchSamples()).containsAll(RENDERED.keySet());
        assertThat(samLocalEvents()).contains("sam-dispatch.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dispatchSamples")
    void dispatchSampleSucceeds(String sample) throws IOException {
        ObjectNode request = (ObjectNode) Requests.JSON.readTree(EVENTS.resolve(sample).toFile());
        aimAtReceiver(request);

        String report = Relay.dispatch(request)
                .statusCode(200)
                .extract().asString();

        assertFine(sample, Requests.JSON.readTree(report));
        if (RENDERED.containsKey(sample)) {
            assertThat(receiver.received()).as("%s delivers one request", sample).hasSize(1);
            JsonNode payload = Requests.JSON.readTree(receiver.received().get(0).body()).get("client_payload");
            RENDERED.get(sample).forEach((name, value) -> assertThat(payload.path(name).asText())
                    .as("%s: ${%s}", sample, name).isEqualTo(value));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samLocalEvents")
    void samLocalEventSucceedsThroughTheLambdaHandler(String sample) throws IOException {
        ObjectNode event = (ObjectNode) Requests.JSON.readTree(EVENTS.resolve(sample).toFile());
        assertThat(event.path("version").asText()).as("%s is an API Gateway HTTP API (2.0) event", sample)
                .isEqualTo("2.0");
        ObjectNode body = (ObjectNode) Requests.JSON.readTree(event.get("body").asText());
        aimAtReceiver(body);
        event.put("body", body.toString());

        JsonNode response = Requests.JSON.readTree(given()
                .contentType(ContentType.JSON)
                .body(event.toString())
                .when()
                .post(AmazonLambdaApi.API_BASE_PATH_TEST)
                .then()
                .statusCode(200)
                .extract().asString());

        assertThat(response.get("statusCode").asInt()).as("%s: %s", sample, response).isEqualTo(200);
        assertFine(sample, Requests.JSON.readTree(response.get("body").asText()));
    }

    private static void assertFine(String sample, JsonNode report) {
        List<JsonNode> deliveries = Requests.JSON.convertValue(report.get("deliveries"),
                Requests.JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
        assertThat(deliveries).as("%s reports each automation", sample).isNotEmpty();
        assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.get("outcome").asText())
                .as("%s: %s", sample, delivery).isIn(FINE));
    }

    /** Points every integration of {@code request} at the test receiver, keeping the URL's path and query. */
    private static void aimAtReceiver(ObjectNode request) {
        URI target = receiver.url("/");
        request.withArray("integrations").forEach(integration -> {
            URI url = URI.create(integration.get("urlEndpoint").asText());
            String rest = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            ((ObjectNode) integration).put("urlEndpoint",
                    target.getScheme() + "://" + target.getRawAuthority() + (rest.isEmpty() ? "/" : rest));
        });
    }

    /** Returns the names of the sample requests under events/: every JSON file there. */
    private static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }
}
