package dev.webhookrelay.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * One queued attempt of an async delivery: a reference ({@code deliveryId}, the {@code attempt} number counted over the
 * delivery's life from 1, its {@code scheduleIndex} within the current round of the retry schedule from 0, what
 * {@code trigger}ed it, and the time it is due, {@code notBefore}) plus the {@code job} it sends. Never a secret value.
 * Immutable.
 */
public record DeliveryMessage(String deliveryId, int attempt, int scheduleIndex, Trigger trigger, Instant notBefore,
        QueuedJob job) {

    public DeliveryMessage {
        Objects.requireNonNull(deliveryId, "deliveryId == null");
        Objects.requireNonNull(trigger, "trigger == null");
        Objects.requireNonNull(notBefore, "notBefore == null");
        Objects.requireNonNull(job, "job == null");
        if (attempt < 1 || scheduleIndex < 0) {
            throw new IllegalArgumentException("attempt must be >= 1 and scheduleIndex >= 0: " + attempt + ", "
                    + scheduleIndex);
        }
    }

    /** Returns the message of the first attempt of a new round at {@code at}, after {@code attemptsMade} attempts. */
    static DeliveryMessage firstOfRound(String deliveryId, int attemptsMade, Trigger trigger, Instant at,
            QueuedJob job) {
        return new DeliveryMessage(deliveryId, attemptsMade + 1, 0, trigger, at, job);
    }

    /** Returns this message again, due at {@code at}. */
    DeliveryMessage dueAt(Instant at) {
        return new DeliveryMessage(deliveryId, attempt, scheduleIndex, trigger, at, job);
    }

    /** Returns the message of the attempt after this one, due at {@code at}. */
    DeliveryMessage next(Instant at) {
        return new DeliveryMessage(deliveryId, attempt + 1, scheduleIndex + 1, Trigger.SCHEDULE, at, job);
    }
}
