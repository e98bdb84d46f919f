package dev.webhookrelay.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import dev.webhookrelay.model.Integration;
import dev.webhookrelay.secrets.MotoServer;

/** The SQS queue against moto's SQS, a real local AWS API (issue 11). */
class SqsDeliveryQueueTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final MessageCodec CODEC = new MessageCodec(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    static final QueuedJob JOB = new QueuedJob("tiny-ml", "deploy-on-prod", new Integration("i1", "github-dispatch",
            "https://api.github.com/repos/acme/ml/dispatches", "GITHUB_TOKEN", "SIGNING_SECRET", null),
            "{\"token\": \"${ACCESS_TOKEN}\"}", Map.of("alias", "production"));

    String url;
    SqsDeliveryQueue queue;
    SqsClient sqs;

    @BeforeEach
    void createQueue() {
        MOTO.reset();
        url = DeliveryQueues.create(MOTO, "deliveries");
        queue = new SqsDeliveryQueue(url, () -> DeliveryQueues.client(MOTO), CODEC, InstantSource.system());
        sqs = DeliveryQueues.client(MOTO);
    }

    @AfterEach
    void close() {
        queue.close();
        sqs.close();
    }

    List<Message> receive() {
        return sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages();
    }

    @Test
    void aQueuedMessageHoldsTheJobAsSecretNamesOnly() {
        DeliveryMessage message = new DeliveryMessage("dlv_1", 1, 0, Trigger.DISPATCH, Instant.now(), JOB);

        queue.enqueue(message);

        List<Message> received = receive();
        assertThat(received).hasSize(1);
        assertThat(CODEC.read(received.get(0).body())).isEqualTo(message);
        assertThat(received.get(0).body()).contains("\"accessTokenRef\":\"GITHUB_TOKEN\"", "${ACCESS_TOKEN}");
    }

    @Test
    void aMessageDueLaterStaysHiddenUntilThen() throws InterruptedException {
        queue.enqueue(new DeliveryMessage("dlv_1", 2, 1, Trigger.SCHEDULE, Instant.now().plusSeconds(2), JOB));

        assertThat(receive()).isEmpty();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Message> received = List.of();
        while (received.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            received = receive();
        }
        assertThat(received).hasSize(1);
        assertThat(CODEC.read(received.get(0).body()).attempt()).isEqualTo(2);
    }
}
