package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.ApiGatewayEvents;
import dev.webhookrelay.testing.IndependentHmac;
import dev.webhookrelay.testing.LambdaRuntimeApi;
import dev.webhookrelay.testing.PackagedFunction;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;

/**
 * The production build, {@code target/function.zip}, driven as the {@code java21} Lambda runtime drives it, configured
 * only through its environment as on Lambda: memory secret store, seed file, 127.0.0.1 allowed.
 */
class PackagedFunctionIT {

    static final Path TARGET = Path.of("target");

    static LambdaRuntimeApi runtime;
    static Receiver receiver;
    static PackagedFunction function;

    @BeforeAll
    static void startFunction() throws Exception {
        runtime = LambdaRuntimeApi.start();
        receiver = Receiver.start();
        function = PackagedFunction.start(TARGET.resolve("function.zip"), TARGET.resolve("packaged-function"), runtime,
                Map.of("RELAY_SECRETS_STORE", "memory",
                        "RELAY_SECRETS_SEED_FILE", SeededSecrets.FILE.toAbsolutePath().toString(),
                        "RELAY_EGRESS_ALLOWED_CIDRS", "127.0.0.1/32"),
                TARGET.resolve("packaged-function.log"));
    }

    @AfterAll
    static void stopFunction() {
        function.close();
        receiver.close();
        runtime.close();
    }

    @Test
    void deliversASignedDispatchConfiguredOnlyByItsEnvironment() throws Exception {
        JsonNode response = invoke("/v1/dispatch", Requests.githubDispatch(receiver.url("/hook")).toString());

        assertThat(response.get("statusCode").asInt()).as(function.output()).isEqualTo(200);
        JsonNode report = Requests.JSON.readTree(response.get("body").asText());
        assertThat(report.at("/deliveries/0/outcome").asText()).isEqualTo("DELIVERED");
        Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));
        assertThat(sent.header("X-Wandb-Signature"))
                .isEqualTo(IndependentHmac.hmacSha256(SeededSecrets.SIGNING_SECRET, sent.body()));
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + SeededSecrets.TOKEN);
    }

    @Test
    void answersAFanOutWhoseReportIsLargerThanOneChunk() throws Exception {
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/fan-out")));
        ArrayNode automations = (ArrayNode) request.get("automations");
        for (int i = 0; i < 40; i++) {
            automations.add(Requests.automation("a" + i, "i1", Requests.GITHUB_TEMPLATE));
        }
        JsonNode response = invoke("/v1/dispatch", request.toString());

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("body").asText().length()).isGreaterThan(32 * 1024);
        assertThat(Requests.JSON.readTree(response.get("body").asText()).get("deliveries")).hasSize(40);
    }

    @Test
    void refusesOtherLoopbackAddressesInProduction() throws Exception {
        try (Receiver canary = Receiver.start("127.0.0.2")) {
            JsonNode response = invoke("/v1/dispatch", Requests.githubDispatch(canary.url("/hook")).toString());

            assertThat(response.get("statusCode").asInt()).isEqualTo(502);
            assertThat(canary.received()).isEmpty();
        }
    }

    @Test
    void hasNoDevReceiverAndLogsNoSecret() throws Exception {
        invoke("/v1/dispatch", Requests.githubDispatch(receiver.url("/hook")).toString());

        String output = function.output();
        assertThat(output).contains("Profile prod activated").doesNotContain("Dev receiver");
        assertThat(output).doesNotContain(SeededSecrets.TOKEN, SeededSecrets.SIGNING_SECRET);
        assertThat(Files.exists(TARGET.resolve("packaged-function/dev/webhookrelay/devreceiver/DevReceiver.class")))
                .as("the class may ship, but its bean is removed at build time").isTrue();
    }

    @Test
    void logsEachDeliveryAsAJsonLineAndWritesItsMetrics() throws Exception {
        JsonNode response = invoke("/v1/dispatch", Requests.githubDispatch(receiver.url("/metrics")).toString());
        String deliveryId = Requests.JSON.readTree(response.get("body").asText()).at("/deliveries/0/deliveryId").asText();

        List<JsonNode> lines = function.output().lines().filter(line -> line.startsWith("{"))
                .map(Requests::parse).toList();
        assertThat(lines).as(function.output()).anySatisfy(line -> {
            assertThat(line.at("/mdc/deliveryId").asText()).isEqualTo(deliveryId);
            assertThat(line.at("/mdc/outcome").asText()).isEqualTo("DELIVERED");
            assertThat(line.at("/mdc/targetHost").asText()).isEqualTo("127.0.0.1");
            assertThat(line.at("/mdc/status").asText()).isEqualTo("204");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("WebhookRelay");
            assertThat(line.get("FunctionName").asText()).isEqualTo("webhook-relay");
            assertThat(line.get("Deliveries").asInt()).isEqualTo(1);
        });
    }

    @Test
    void servesNoOpenApiDocument() throws Exception {
        JsonNode response = Requests.JSON.readTree(runtime.invoke(ApiGatewayEvents.get("/q/openapi"),
                Duration.ofSeconds(60)));

        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
    }

    private static JsonNode invoke(String path, String body) throws Exception {
        return Requests.JSON.readTree(runtime.invoke(ApiGatewayEvents.post(path, body), Duration.ofSeconds(60)));
    }
}
