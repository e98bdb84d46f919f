package dev.webhookrelay.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.testing.ApiGatewayEvents;
import dev.webhookrelay.testing.LambdaRuntimeApi;
import dev.webhookrelay.testing.PackagedFunction;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.SqsEvents;

/**
 * The queue consumer as Lambda runs it: the same {@code target/function.zip} as the HTTP function, started by the AWS
 * Lambda runtime client with the handler {@code dev.webhookrelay.queue.DeliveryQueueHandler::handleRequest}, fed SQS
 * events (issue 11); and what a restart of the HTTP function with the memory stores loses, as docs/async.md says.
 */
class PackagedConsumerIT {

    static final Path TARGET = Path.of("target");

    static LambdaRuntimeApi runtime;
    static PackagedFunction consumer;

    @BeforeAll
    static void startConsumer() {
        runtime = LambdaRuntimeApi.start();
        consumer = PackagedFunction.start(TARGET.resolve("function.zip"), TARGET.resolve("packaged-consumer"), runtime,
                PackagedFunction.QUEUE_HANDLER, Map.of("RELAY_SECRETS_STORE", "memory",
                        "RELAY_QUEUE_STORE", "memory", "RELAY_STATE_STORE", "memory"),
                TARGET.resolve("packaged-consumer.log"));
        runtime.awaitFirstPoll(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopConsumer() {
        consumer.close();
        runtime.close();
    }

    @Test
    void answersAnSqsEventWithItsPartialBatchResponse() throws Exception {
        String unknownDelivery = """
                {"deliveryId":"dlv_unknown","attempt":1,"scheduleIndex":0,"trigger":"DISPATCH",\
                "notBefore":"2026-01-01T00:00:00Z","job":{"entity":"tiny-ml","automation":"a",\
                "integration":{"id":"i1","urlEndpoint":"https://example.com/"},"template":"{}","variables":{}}}""";
        String event = SqsEvents.of(List.of(new SqsEvents.Record("m-ok", "rh-1", unknownDelivery),
                new SqsEvents.Record("m-poison", "rh-2", "not a delivery message")));

        JsonNode response = Requests.JSON.readTree(runtime.invoke(event, Duration.ofSeconds(60)));

        assertThat(response.get("batchItemFailures")).as(consumer.output()).hasSize(1);
        assertThat(response.at("/batchItemFailures/0/itemIdentifier").asText()).isEqualTo("m-poison");
        assertThat(consumer.output()).contains("Delivery dlv_unknown has no status");
    }

    @Test
    void aRestartWithTheMemoryStoresLosesTheQueuedDeliveryAndItsStatus() throws Exception {
        Map<String, String> environment = Map.of("RELAY_SECRETS_STORE", "memory",
                "RELAY_SECRETS_SEED_FILE", SeededSecrets.FILE.toAbsolutePath().toString(),
                "RELAY_EGRESS_ALLOWED_CIDRS", "127.0.0.1/32", "RELAY_QUEUE_STORE", "memory",
                "RELAY_STATE_STORE", "memory", "RELAY_QUEUE_RETRY_SCHEDULE", "1h");
        try (Receiver receiver = Receiver.start().byDefault(Receiver.Response.status(503))) {
            String deliveryId;
            try (LambdaRuntimeApi api = LambdaRuntimeApi.start();
                    PackagedFunction http = startHttp(api, environment)) {
                JsonNode queued = invoke(api, ApiGatewayEvents.post("/v1/dispatch?async=true",
                        Requests.githubDispatch(receiver.url("/down")).toString()));
                assertThat(queued.get("statusCode").asInt()).as(http.output()).isEqualTo(202);
                deliveryId = Requests.parse(queued.get("body").asText()).at("/deliveries/0/deliveryId").asText();
                receiver.takeRequest(Duration.ofSeconds(30)); // The first attempt, answered 503: next one in an hour.
                assertThat(Requests.parse(invoke(api, ApiGatewayEvents.get("/v1/deliveries/" + deliveryId))
                        .get("body").asText()).get("status").asText()).isEqualTo("QUEUED");
            }
            try (LambdaRuntimeApi api = LambdaRuntimeApi.start();
                    PackagedFunction http = startHttp(api, environment)) {
                JsonNode after = invoke(api, ApiGatewayEvents.get("/v1/deliveries/" + deliveryId));

                assertThat(after.get("statusCode").asInt()).as(http.output()).isEqualTo(404);
            }
            assertThat(receiver.received()).hasSize(1);
        }
    }

    private static PackagedFunction startHttp(LambdaRuntimeApi api, Map<String, String> environment) {
        PackagedFunction http = PackagedFunction.start(TARGET.resolve("function.zip"),
                TARGET.resolve("packaged-restart"), api, environment, TARGET.resolve("packaged-restart.log"));
        api.awaitFirstPoll(Duration.ofSeconds(60));
        return http;
    }

    private static JsonNode invoke(LambdaRuntimeApi api, String event) throws Exception {
        return Requests.JSON.readTree(api.invoke(event, Duration.ofSeconds(60)));
    }
}
