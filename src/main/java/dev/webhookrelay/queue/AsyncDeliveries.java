package dev.webhookrelay.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.webhookrelay.state.DeliveryRecord;
import dev.webhookrelay.state.DeliveryStateStore;
import dev.webhookrelay.state.DeliveryStatus;
import dev.webhookrelay.state.StateConfig;

/**
 * The entry point of the async mode for the HTTP edge: queues a delivery's first attempt once per delivery id, reads
 * its status, and queues a failed delivery again. Every write goes through the status store first and the queue
 * second; a queue that fails undoes the write, so that no delivery is left queued without a message. Safe for
 * concurrent use: the store's conditional writes let one of two racing callers win.
 */
@ApplicationScoped
public class AsyncDeliveries {

    /** How far back a replay of failed deliveries may reach. */
    public static final Duration MAX_REPLAY_WINDOW = Duration.ofDays(14);

    /** How many failed deliveries one replay queues again at most; call again for more. */
    public static final int MAX_REPLAY_COUNT = 200;

    private final InstantSource clock = InstantSource.system();

    @Inject
    DeliveryStateStore state;

    @Inject
    DeliveryQueue queue;

    @Inject
    MessageCodec codec;

    @Inject
    StateConfig stateConfig;

    /**
     * Checks that {@code job} fits in a queue message, before anything is queued.
     *
     * @throws IllegalArgumentException if it does not
     */
    public void checkQueueable(String deliveryId, QueuedJob job) {
        codec.write(DeliveryMessage.firstOfRound(deliveryId, 0, Trigger.DISPATCH, clock.instant(), job));
    }

    /**
     * Queues the first attempt of {@code deliveryId} at once, unless a live delivery has that id; returns the delivery's
     * status as it stands.
     *
     * @throws QueueException if the queue did not take the message (nothing is recorded then)
     */
    public DeliveryRecord enqueue(String deliveryId, QueuedJob job) {
        Instant now = clock.instant();
        DeliveryRecord record = DeliveryRecord.queued(deliveryId, job.entity(), job.automation(),
                job.integration().displayName(), codec.writeJob(job), now, now.plus(stateConfig.ttl()));
        while (!state.create(record)) {
            Optional<DeliveryRecord> existing = state.find(deliveryId);
            if (existing.isPresent()) {
                return existing.get();
            } // Else it expired in between: create it again.
        }
        try {
            queue.enqueue(DeliveryMessage.firstOfRound(deliveryId, 0, Trigger.DISPATCH, now, job));
        } catch (RuntimeException e) {
            state.delete(deliveryId);
            throw e;
        }
        return record;
    }

    /** Returns the status of {@code deliveryId}, or empty when no live delivery has it. */
    public Optional<DeliveryRecord> status(String deliveryId) {
        return state.find(deliveryId);
    }

    /**
     * Queues the delivery {@code found} again, as just read, when it is FAILED: a new round of the retry schedule, its
     * first attempt at once, triggered {@link Trigger#MANUAL}. Returns the record as queued, or empty when it is not
     * FAILED (any more: the write is conditioned on the status and attempt count read, so a concurrent retry wins once).
     */
    public Optional<DeliveryRecord> retry(DeliveryRecord found) {
        if (found.status() != DeliveryStatus.FAILED) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        DeliveryRecord queued = found.requeued(now, now.plus(stateConfig.ttl()));
        if (!state.replace(queued, DeliveryStatus.FAILED, found.attemptCount())) {
            return Optional.empty(); // Another retry won.
        }
        try {
            queue.enqueue(DeliveryMessage.firstOfRound(found.deliveryId(), found.attemptCount(), Trigger.MANUAL, now,
                    codec.readJob(found.job())));
        } catch (RuntimeException e) {
            state.replace(found, DeliveryStatus.QUEUED, found.attemptCount());
            throw e;
        }
        return Optional.of(queued);
    }

    /**
     * Queues again up to {@code limit} deliveries that FAILED at or after {@code since}, as {@link #retry} does, only
     * {@code entity}'s when it is given; returns the ids queued.
     *
     * @throws IllegalArgumentException if {@code since} is in the future or more than {@link #MAX_REPLAY_WINDOW} ago,
     *         or {@code limit} is not 1 to {@link #MAX_REPLAY_COUNT}
     */
    public List<String> replayFailedSince(Instant since, int limit, Optional<String> entity) {
        Instant now = clock.instant();
        if (since.isAfter(now)) {
            throw new IllegalArgumentException("failedSince must not be in the future");
        }
        if (since.isBefore(now.minus(MAX_REPLAY_WINDOW))) {
            throw new IllegalArgumentException("failedSince may reach back at most " + MAX_REPLAY_WINDOW.toDays()
                    + " days: " + since);
        }
        if (limit < 1 || limit > MAX_REPLAY_COUNT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_REPLAY_COUNT + ": " + limit);
        }
        return state.failedSince(since, entity, limit).stream()
                .filter(failed -> retry(failed).isPresent())
                .map(DeliveryRecord::deliveryId)
                .toList();
    }
}
