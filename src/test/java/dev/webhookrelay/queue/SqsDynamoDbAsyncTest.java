package dev.webhookrelay.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import dev.webhookrelay.secrets.MotoServer;
import dev.webhookrelay.state.StatusTables;
import dev.webhookrelay.testing.IndependentHmac;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.SqsEvents;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The async mode on SQS and DynamoDB (moto, a real local AWS API): what is queued and stored, and the consumer fed SQS
 * events built from the messages really received (issue 11).
 */
@QuarkusTest
@WithTestResource(DurableMotoResource.class)
class SqsDynamoDbAsyncTest extends WithReceiver {

    @Inject
    SqsBatchHandler batchHandler;

    MotoServer moto;


    String dispatchAsync(String path) {
        ObjectNode request = Requests.githubDispatch(receiver.url(path));
        ((ObjectNode) request.get("event")).put("id", "evt-" + UUID.randomUUID());
        return Relay.dispatchAsync(request)
                .statusCode(202)
                .body("deliveries[0].outcome", equalTo("QUEUED"))
                .extract().path("deliveries[0].deliveryId");
    }

    /** Returns the first messages that become visible within {@code timeout}, at least one unless none does. */
    List<SqsEvents.Record> receive(Duration timeout) {
        return receive(timeout, true);
    }

    /** Returns every message that becomes visible within {@code window}. */
    List<SqsEvents.Record> receiveAll(Duration window) {
        return receive(window, false);
    }

    private List<SqsEvents.Record> receive(Duration timeout, boolean firstOnly) {
        try (SqsClient sqs = DeliveryQueues.client(moto)) {
            String url = sqs.getQueueUrl(request -> request.queueName(DurableMotoResource.QUEUE)).queueUrl();
            Instant deadline = Instant.now().plus(timeout);
            List<Message> messages = new ArrayList<>();
            do {
                List<Message> received = sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                for (Message message : received) {
                    sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
                messages.addAll(received);
            } while ((messages.isEmpty() || !firstOnly) && Instant.now().isBefore(deadline));
            return messages.stream()
                    .map(m -> new SqsEvents.Record(m.messageId(), m.receiptHandle(), m.body()))
                    .toList();
        }
    }

    JsonNode handle(List<SqsEvents.Record> records) throws Exception {
        return batchHandler.handle(new ByteArrayInputStream(SqsEvents.of(records).getBytes(StandardCharsets.UTF_8)));
    }

    JsonNode status(String deliveryId) {
        return Requests.parse(Relay.deliveryStatus(deliveryId).statusCode(200).extract().asString());
    }

    @Test
    void theQueuedMessageAndTheStatusItemHoldNoSecretValue() throws Exception {
        String deliveryId = dispatchAsync("/scan");

        List<SqsEvents.Record> queued = receive(Duration.ofSeconds(5));
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).body()).contains(deliveryId, "\"accessTokenRef\":\"GITHUB_TOKEN\"");
        assertThat(queued.get(0).body()).doesNotContain(SeededSecrets.values());
        try (DynamoDbClient dynamodb = StatusTables.client(moto)) {
            Map<String, AttributeValue> item = dynamodb.getItem(request -> request.tableName(StatusTables.NAME)
                    .key(Map.of("deliveryId", AttributeValue.fromS(deliveryId)))).item();
            assertThat(item.get("status").s()).isEqualTo("QUEUED");
            assertThat(item.toString()).doesNotContain(SeededSecrets.values());
        }
    }

    @Test
    void theConsumerDeliversAndAFailedAttemptComesBackAfterItsDelay() throws Exception {
        receiver.enqueue(Receiver.Response.status(503));
        String deliveryId = dispatchAsync("/retry");

        JsonNode first = handle(receive(Duration.ofSeconds(5)));

        assertThat(first.get("batchItemFailures")).isEmpty();
        assertThat(receiver.takeRequest(Duration.ofSeconds(5)).path()).isEqualTo("/retry");
        JsonNode queued = status(deliveryId);
        assertThat(queued.get("status").asText()).isEqualTo("QUEUED");
        assertThat(queued.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(503);
        assertThat(queued.get("nextAttemptAt").isNull()).isFalse();

        List<SqsEvents.Record> again = receive(Duration.ofSeconds(10));
        assertThat(again).hasSize(1);
        assertThat(Requests.parse(again.get(0).body()).get("attempt").asInt()).isEqualTo(2);
        assertThat(handle(again).get("batchItemFailures")).isEmpty();

        Receiver.Received delivered = receiver.takeRequest(Duration.ofSeconds(5));
        assertThat(delivered.header("X-Wandb-Signature")).isEqualTo(IndependentHmac.hmacSha256(
                SeededSecrets.SIGNING_SECRET, delivered.body()));
        assertThat(status(deliveryId).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(status(deliveryId).get("attemptCount").asInt()).isEqualTo(2);
    }

    @Test
    void onePoisonMessageFailsAloneInItsBatch() throws Exception {
        String deliveryId = dispatchAsync("/batch");
        List<SqsEvents.Record> records = new ArrayList<>(receive(Duration.ofSeconds(5)));
        records.add(new SqsEvents.Record("poison-1", "rh-poison", "{\"not\": \"a delivery message\"}"));

        JsonNode response = handle(records);

        assertThat(response.get("batchItemFailures")).hasSize(1);
        assertThat(response.at("/batchItemFailures/0/itemIdentifier").asText()).isEqualTo("poison-1");
        assertThat(status(deliveryId).get("status").asText()).isEqualTo("DELIVERED");
    }

    /**
     * SQS may hand a message over twice. A second copy of a handled attempt that failed finds it recorded and must not
     * queue the next attempt again: two copies of it would be sent twice when handled at once.
     */
    @Test
    void aDuplicateOfAFailedAttemptQueuesTheNextAttemptOnce() throws Exception {
        receiver.enqueue(Receiver.Response.status(503));
        String deliveryId = dispatchAsync("/twice");
        List<SqsEvents.Record> first = receive(Duration.ofSeconds(5));

        handle(first);
        handle(first);

        List<SqsEvents.Record> next = receiveAll(Duration.ofSeconds(4));
        assertThat(next).extracting(record -> Requests.parse(record.body()).get("attempt").asInt()).containsExactly(2);
        assertThat(handle(next).get("batchItemFailures")).isEmpty();
        assertThat(status(deliveryId).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(receiver.received()).hasSize(2);
    }

    /**
     * The other reason a handled attempt's message comes back: the next attempt's enqueue failed after the write. Once
     * that attempt is overdue, the message queues it, at once.
     */
    @Test
    void aRecordedAttemptWhoseNextIsOverdueQueuesItAtOnce() throws Exception {
        receiver.enqueue(Receiver.Response.status(503));
        String deliveryId = dispatchAsync("/lost");
        List<SqsEvents.Record> first = receive(Duration.ofSeconds(5));
        handle(first);
        assertThat(receive(Duration.ofSeconds(5))).hasSize(1); // The next attempt's message, lost here.
        try (DynamoDbClient dynamodb = StatusTables.client(moto)) {
            long overdue = Instant.now().minus(DeliveryConsumer.OVERDUE).minusSeconds(60).toEpochMilli();
            dynamodb.updateItem(request -> request.tableName(StatusTables.NAME)
                    .key(Map.of("deliveryId", AttributeValue.fromS(deliveryId)))
                    .updateExpression("SET nextAttemptAt = :at")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(Long.toString(overdue)))));
        }

        handle(first);

        List<SqsEvents.Record> next = receive(Duration.ofSeconds(5));
        assertThat(next).extracting(record -> Requests.parse(record.body()).get("attempt").asInt()).containsExactly(2);
        handle(next);
        assertThat(status(deliveryId).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aDuplicateMessageIsANoOp() throws Exception {
        String deliveryId = dispatchAsync("/duplicate");
        List<SqsEvents.Record> records = receive(Duration.ofSeconds(5));

        handle(records);
        handle(records);

        assertThat(receiver.received()).hasSize(1);
        assertThat(status(deliveryId).get("attemptCount").asInt()).isEqualTo(1);
    }

    @Test
    void aLoneSurrogateInTheTemplateAndAnEventVariableIsQueuedAndDeliveredAsTheSyncPathSendsIt() throws Exception {
        ObjectNode request = Requests.githubDispatch(receiver.url("/surrogate"));
        ((ObjectNode) request.get("event")).put("id", "evt-" + UUID.randomUUID());
        ((ObjectNode) request.at("/automations/0/triggeredActionConfig/genericWebhookActionInput"))
                .put("requestPayload", "{\"text\": \"LONE\", \"collection\": \"${artifact_collection_name}\"}");
        ((ObjectNode) request.at("/event/artifact/collection")).put("name", "LONE");
        String body = request.toString().replace("LONE", "\\ud800"); // JSON's escape of a lone surrogate.

        String deliveryId = Relay.post("/v1/dispatch?async=true", body)
                .statusCode(202)
                .body("deliveries[0].outcome", equalTo("QUEUED"))
                .extract().path("deliveries[0].deliveryId");
        assertThat(handle(receive(Duration.ofSeconds(5))).get("batchItemFailures")).isEmpty();
        Receiver.Received queued = receiver.takeRequest(Duration.ofSeconds(5));
        Relay.post("/v1/dispatch", body).statusCode(200);
        Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));

        assertThat(status(deliveryId).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(queued.body()).isEqualTo(sent.body());
    }
}
