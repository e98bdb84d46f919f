package dev.webhookrelay.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The status of one async delivery: who sends it ({@code entity}, {@code automation}, {@code integration}), where it
 * stands, how many attempts were made ({@code attemptCount}) and the latest of them ({@code attempts}, oldest first, at
 * most {@link #ATTEMPTS_KEPT}), when the next one is due ({@code nextAttemptAt}, null unless queued), when it last
 * changed, when it expires, and the {@code job}: what the queue needs to send it again, a document the store keeps as
 * it is. Nothing in it is a secret value. Immutable; the {@code with…} methods return changed copies.
 */
public record DeliveryRecord(
        String deliveryId,
        String entity,
        String automation,
        String integration,
        DeliveryStatus status,
        int attemptCount,
        List<AttemptRecord> attempts,
        Instant nextAttemptAt,
        Instant updatedAt,
        Instant expiresAt,
        String job) {

    /** How many attempts a record keeps; older ones are dropped, {@code attemptCount} still counts them. */
    public static final int ATTEMPTS_KEPT = 20;

    public DeliveryRecord {
        Objects.requireNonNull(deliveryId, "deliveryId == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        attempts = List.copyOf(attempts);
        if (attemptCount < attempts.size()) {
            throw new IllegalArgumentException("attemptCount " + attemptCount + " < attempts kept " + attempts.size());
        }
    }

    /** Returns a new delivery, queued for its first attempt at {@code now}, kept until {@code expiresAt}. */
    public static DeliveryRecord queued(String deliveryId, String entity, String automation, String integration,
            String job, Instant now, Instant expiresAt) {
        return new DeliveryRecord(deliveryId, entity, automation, integration, DeliveryStatus.QUEUED, 0, List.of(),
                now, now, expiresAt, job);
    }

    /**
     * Returns this record with {@code attempt} added and moved to {@code next}, due again at {@code nextAttemptAt}
     * (null unless {@code next} is QUEUED), changed at {@code now} and kept until {@code expiresAt}.
     *
     * @throws IllegalStateException if this status may not become {@code next}
     */
    public DeliveryRecord withAttempt(AttemptRecord attempt, DeliveryStatus next, Instant nextAttemptAt, Instant now,
            Instant expiresAt) {
        checkTransition(next);
        List<AttemptRecord> kept = new ArrayList<>(attempts);
        kept.add(attempt);
        if (kept.size() > ATTEMPTS_KEPT) {
            kept.remove(0);
        }
        return new DeliveryRecord(deliveryId, entity, automation, integration, next, attemptCount + 1, kept,
                nextAttemptAt, now, expiresAt, job);
    }

    /**
     * Returns this record queued again for an attempt at {@code now}, as a manual retry does, kept until
     * {@code expiresAt}.
     *
     * @throws IllegalStateException if this status may not become QUEUED
     */
    public DeliveryRecord requeued(Instant now, Instant expiresAt) {
        checkTransition(DeliveryStatus.QUEUED);
        return new DeliveryRecord(deliveryId, entity, automation, integration, DeliveryStatus.QUEUED, attemptCount,
                attempts, now, now, expiresAt, job);
    }

    /** Returns whether this record is past its expiry at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    private void checkTransition(DeliveryStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("Delivery " + deliveryId + " cannot go from " + status + " to " + next);
        }
    }
}
