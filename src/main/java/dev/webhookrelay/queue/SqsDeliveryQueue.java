package dev.webhookrelay.queue;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

import dev.webhookrelay.aws.AwsClient;

/**
 * A {@link DeliveryQueue} on an Amazon SQS standard queue, consumed by the second Lambda function
 * ({@link DeliveryQueueHandler}). Each attempt is a new message whose {@code DelaySeconds} is its wait, up to SQS's
 * 15 minutes; a longer wait arrives early and the consumer sends it on again for what is left (a "hop"), so that no
 * message is hidden for hours and SQS's receive count, which drives the dead-letter queue, counts only failures to
 * handle it. The client (SDK v2, URL-connection HTTP client) is built on first use. Safe for concurrent use.
 */
final class SqsDeliveryQueue implements DeliveryQueue, AutoCloseable {

    /** The longest message timer SQS allows. */
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    /** The queue's URL, or null when none is configured: every call then fails, naming the key. */
    private final String queueUrl;
    private final AwsClient<SqsClient> client;
    private final MessageCodec codec;
    private final InstantSource clock;

    SqsDeliveryQueue(String queueUrl, Supplier<SqsClient> clientFactory, MessageCodec codec, InstantSource clock) {
        this.queueUrl = queueUrl;
        this.client = new AwsClient<>(clientFactory);
        this.codec = Objects.requireNonNull(codec, "codec == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Returns a queue configured by {@code config}. Without a queue URL, the function still starts (the synchronous
     * path needs none) and every call fails with a {@link QueueException} that names the key to set.
     */
    static SqsDeliveryQueue create(QueueConfig.Sqs config, MessageCodec codec, InstantSource clock) {
        return new SqsDeliveryQueue(config.queueUrl().orElse(null), () -> AwsClient.configure(SqsClient.builder(), config).build(), codec, clock);
    }

    @Override
    public void enqueue(DeliveryMessage message) {
        if (queueUrl == null) {
            throw new QueueException("relay.queue.sqs.queue-url must name the delivery queue when relay.queue.store=sqs"
                    + " (RELAY_QUEUE_SQS_QUEUE_URL)", null);
        }
        String body = codec.write(message);
        long waitSeconds = Math.max(0, (message.notBefore().toEpochMilli() - clock.millis() + 999) / 1000);
        int delaySeconds = (int) Math.min(waitSeconds, MAX_DELAY.toSeconds());
        try {
            client.get().sendMessage(request -> request.queueUrl(queueUrl).messageBody(body)
                    .delaySeconds(delaySeconds));
        } catch (SdkException e) {
            throw new QueueException("SQS queue " + queueUrl + " did not take attempt " + message.attempt()
                    + " of delivery " + message.deliveryId() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
