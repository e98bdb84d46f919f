package dev.webhookrelay.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the status of async deliveries by delivery id. Every write is conditional, so that two processes racing on one
 * delivery never both win: {@link #create} only where no live record is, {@link #replace} only over the status and
 * attempt count the caller read. A record past its {@code expiresAt} counts as absent everywhere, even while the store
 * still holds it. Implementations must be safe for concurrent use; a store that cannot answer throws
 * {@link StateStoreException}.
 */
public interface DeliveryStateStore {

    /** Stores {@code record} unless a live record has its id; returns whether it was stored. */
    boolean create(DeliveryRecord record);

    /** Returns the live record of {@code deliveryId}, or empty when there is none or it has expired. */
    Optional<DeliveryRecord> find(String deliveryId);

    /**
     * Replaces the live record of {@code next.deliveryId()} with {@code next} if it is still in {@code expectedStatus}
     * with {@code expectedAttemptCount} attempts; returns whether it was replaced.
     */
    boolean replace(DeliveryRecord next, DeliveryStatus expectedStatus, int expectedAttemptCount);

    /** Removes the record of {@code deliveryId}, if any: a delivery whose first message could not be queued. */
    void delete(String deliveryId);

    /**
     * Returns up to {@code limit} live FAILED records that changed at or after {@code since}, only {@code entity}'s
     * when it is given (the limit then counts only its records), in no particular order.
     */
    List<DeliveryRecord> failedSince(Instant since, Optional<String> entity, int limit);
}
