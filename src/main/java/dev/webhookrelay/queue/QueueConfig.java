package dev.webhookrelay.queue;

import java.time.Duration;
import java.util.Optional;

import dev.webhookrelay.aws.AwsEndpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where async deliveries wait between attempts, and how long: {@code relay.queue.*}. */
@ConfigMapping(prefix = "relay.queue")
public interface QueueConfig {

    /** The queue that holds async deliveries. Default {@code sqs}; {@code memory} in dev and test. */
    @WithDefault("sqs")
    StoreKind store();

    /**
     * The waits between attempts, comma-separated durations ({@code 5s}, {@code 5m}, {@code 2h}, or ISO-8601 such as
     * {@code PT90S}): one more attempt than waits. Checked at start-up. Default {@code 5s,5m,30m,2h,5h,10h,10h}, that
     * is 8 attempts over about 27 hours.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    String retrySchedule();

    /** How much each wait may vary at random, as a fraction of it, both ways. Default 0.1 (±10%). */
    @WithDefault("0.1")
    double jitter();

    /** The longest wait a target's {@code Retry-After} may ask for; a longer one is cut to it. Default 12 hours. */
    @WithDefault("12h")
    Duration maxRetryAfter();

    /** How long one attempt may take, retries excluded. Default 25 seconds. */
    @WithDefault("25s")
    Duration attemptDeadline();

    /** The {@code sqs} queue: {@code relay.queue.sqs.*}. */
    Sqs sqs();

    /** The queues {@code relay.queue.store} can name. */
    enum StoreKind {
        MEMORY,
        SQS
    }

    /** Amazon SQS: the queue's URL, and its endpoint, region and call timeout. */
    interface Sqs extends AwsEndpoint {

        /** The delivery queue's URL; its dead-letter queue is set on the queue itself. No default. */
        Optional<String> queueUrl();
    }
}
