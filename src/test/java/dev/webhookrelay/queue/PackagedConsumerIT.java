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

import dev.webhookrelay.testing.LambdaRuntimeApi;
import dev.webhookrelay.testing.PackagedFunction;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SqsEvents;

/**
 * The queue consumer as Lambda runs it: the same {@code target/function.zip} as the HTTP function, started by the AWS
 * Lambda runtime client with the handler {@code dev.webhookrelay.queue.DeliveryQueueHandler::handleRequest}, fed SQS
 * events (issue 11). That the HTTP function runs from the same zip is PackagedFunctionIT's part.
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
}
