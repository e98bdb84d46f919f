package dev.webhookrelay.queue;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * A {@link DeliveryQueue} in this process's memory, with its own consumer, for dev, tests and the packaged function on
 * its own: each message is handed to {@code handler} on a pool thread when it is due. A handler that throws (the status
 * store or secrets were unavailable) gets the message again after {@link #REDELIVERY_DELAY}, at most
 * {@link #MAX_RECEIVES} times in all, as SQS would before its dead-letter queue; then the message is dropped and logged.
 * Everything still waiting is lost when the process ends. Safe for concurrent use.
 */
final class InMemoryDeliveryQueue implements DeliveryQueue, AutoCloseable {

    static final Duration REDELIVERY_DELAY = Duration.ofSeconds(5);
    static final int MAX_RECEIVES = 5;

    private static final Logger LOG = Logger.getLogger(InMemoryDeliveryQueue.class);

    private final Consumer<DeliveryMessage> handler;
    private final InstantSource clock;
    private final ScheduledExecutorService executor;

    InMemoryDeliveryQueue(Consumer<DeliveryMessage> handler, InstantSource clock, int threads) {
        this.handler = Objects.requireNonNull(handler, "handler == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "relay-memory-queue-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void enqueue(DeliveryMessage message) {
        long delayMs = Math.max(0, message.notBefore().toEpochMilli() - clock.millis());
        schedule(message, delayMs, 1);
    }

    private void schedule(DeliveryMessage message, long delayMs, int receive) {
        executor.schedule(() -> receive(message, receive), delayMs, TimeUnit.MILLISECONDS);
    }

    private void receive(DeliveryMessage message, int receive) {
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            if (receive >= MAX_RECEIVES) {
                LOG.errorf(e, "Dropped attempt %d of delivery %s after %d receives", message.attempt(),
                        message.deliveryId(), receive);
                return;
            }
            LOG.warnf("Attempt %d of delivery %s failed to run (%s); receiving it again in %s", message.attempt(),
                    message.deliveryId(), e.getClass().getSimpleName(), REDELIVERY_DELAY);
            schedule(message, REDELIVERY_DELAY.toMillis(), receive + 1);
        }
    }

    /** Stops the consumer; messages still waiting are lost. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
