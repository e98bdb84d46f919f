package dev.webhookrelay.queue;

import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * The CDI wiring of the queue: the one {@link DeliveryQueue} that {@code relay.queue.store} selects, the retry decision
 * and the message codec. Built at start-up, so that a bad {@code relay.queue.retry-schedule} stops the function there;
 * the SQS client is built on first use.
 */
@ApplicationScoped
class QueueBeans {

    /** Threads of the in-process consumer of the memory queue: attempts made at once. */
    private static final int MEMORY_CONSUMER_THREADS = 8;

    private volatile AutoCloseable built;

    @Produces
    @ApplicationScoped
    @Startup
    DeliveryQueue deliveryQueue(QueueConfig config, MessageCodec codec, Instance<DeliveryConsumer> consumer) {
        return switch (config.store()) {
            case MEMORY -> remember(new InMemoryDeliveryQueue(message -> consumer.get().handle(message),
                    InstantSource.system(), MEMORY_CONSUMER_THREADS));
            case SQS -> remember(SqsDeliveryQueue.create(config.sqs(), codec, InstantSource.system()));
        };
    }

    @Produces
    @Singleton
    @Startup
    RetryDecider retryDecider(QueueConfig config) {
        return new RetryDecider(RetrySchedule.parse(config.retrySchedule()), config.jitter(), config.maxRetryAfter(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Produces
    @Singleton
    MessageCodec messageCodec(ObjectMapper mapper) {
        return new MessageCodec(mapper);
    }

    private <T extends AutoCloseable> T remember(T queue) {
        built = queue;
        return queue;
    }

    @PreDestroy
    void close() throws Exception {
        AutoCloseable queue = built;
        if (queue != null) {
            queue.close();
        }
    }
}
