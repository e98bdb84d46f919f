package dev.webhookrelay.queue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Unremovable;

/**
 * Handles one Lambda SQS event, a batch of up to 10 messages, concurrently, and answers with the partial batch response
 * that {@code ReportBatchItemFailures} reads: the ids of the messages to receive again. Each record is caught on its
 * own, since an exception out of the handler would fail the whole batch: a message that is not a delivery message, or
 * whose handling failed for lack of the status store, the queue or the secret store, is a batch item failure; SQS
 * delivers it again and, after the queue's {@code maxReceiveCount}, moves it to the dead-letter queue. A target's
 * failure is not one: it was recorded and the next attempt queued. Unremovable: only {@link DeliveryQueueHandler}
 * looks it up, outside injection. Safe for concurrent use.
 */
@ApplicationScoped
@Unremovable
public class SqsBatchHandler {

    private static final Logger LOG = Logger.getLogger(SqsBatchHandler.class);

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "relay-sqs-record-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    DeliveryConsumer consumer;

    @Inject
    MessageCodec codec;

    @Inject
    ObjectMapper mapper;

    /** Returns the partial batch response, {@code {"batchItemFailures":[{"itemIdentifier":…}]}}, for {@code event}. */
    public ObjectNode handle(InputStream event) throws IOException {
        JsonNode records = mapper.readTree(event).path("Records");
        List<CompletableFuture<String>> handled = new ArrayList<>();
        for (JsonNode record : records) {
            handled.add(CompletableFuture.supplyAsync(() -> failedId(record), executor));
        }
        ObjectNode response = mapper.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (CompletableFuture<String> result : handled) {
            String failed = result.join();
            if (failed != null) {
                failures.addObject().put("itemIdentifier", failed);
            }
        }
        return response;
    }

    /** Returns the id of {@code record} if it must be received again, else null. */
    private String failedId(JsonNode record) {
        String messageId = record.path("messageId").asText();
        try {
            consumer.handle(codec.read(record.path("body").asText()));
            return null;
        } catch (RuntimeException e) {
            LOG.warnf("SQS message %s (receive %s) will be received again: %s: %s", messageId,
                    record.path("attributes").path("ApproximateReceiveCount").asText("?"),
                    e.getClass().getSimpleName(), e.getMessage());
            return messageId;
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
