package dev.webhookrelay.state;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link DeliveryStateStore} in this process's memory, for dev and tests: everything is lost when the process ends.
 * Expired records are dropped when next touched. It holds at most about {@link #MAX_RECORDS} records: past that, a new
 * record first drops the expired ones and then the oldest finished (DELIVERED or FAILED) ones; a QUEUED record is
 * never dropped. Safe for concurrent use: each write is one atomic map operation.
 */
public final class InMemoryDeliveryStateStore implements DeliveryStateStore {

    /** How many records the store keeps before it drops finished ones. */
    public static final int MAX_RECORDS = 10_000;

    private final ConcurrentMap<String, DeliveryRecord> records = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public InMemoryDeliveryStateStore(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public boolean create(DeliveryRecord record) {
        Instant now = clock.instant();
        if (records.size() >= MAX_RECORDS) {
            dropOldFinished(now);
        }
        boolean[] created = new boolean[1];
        records.compute(record.deliveryId(), (id, current) -> {
            if (current != null && !current.expiredAt(now)) {
                return current;
            }
            created[0] = true;
            return record;
        });
        return created[0];
    }

    @Override
    public Optional<DeliveryRecord> find(String deliveryId) {
        Instant now = clock.instant();
        DeliveryRecord record = records.get(deliveryId);
        if (record != null && record.expiredAt(now)) {
            records.remove(deliveryId, record);
            return Optional.empty();
        }
        return Optional.ofNullable(record);
    }

    @Override
    public boolean replace(DeliveryRecord next, DeliveryStatus expectedStatus, int expectedAttemptCount) {
        Instant now = clock.instant();
        boolean[] replaced = new boolean[1];
        records.computeIfPresent(next.deliveryId(), (id, current) -> {
            if (current.expiredAt(now) || current.status() != expectedStatus
                    || current.attemptCount() != expectedAttemptCount) {
                return current;
            }
            replaced[0] = true;
            return next;
        });
        return replaced[0];
    }

    @Override
    public void delete(String deliveryId) {
        records.remove(deliveryId);
    }

    @Override
    public List<DeliveryRecord> failedSince(Instant since, Optional<String> entity, int limit) {
        Instant now = clock.instant();
        return records.values().stream()
                .filter(record -> record.status() == DeliveryStatus.FAILED && !record.expiredAt(now)
                        && !record.updatedAt().isBefore(since)
                        && entity.map(name -> name.equals(record.entity())).orElse(true))
                .limit(limit)
                .toList();
    }

    /** Drops the expired records, then the oldest finished ones, down to nine tenths of {@link #MAX_RECORDS}. */
    private synchronized void dropOldFinished(Instant now) {
        records.values().removeIf(record -> record.expiredAt(now));
        int excess = records.size() - MAX_RECORDS * 9 / 10;
        if (excess > 0) {
            records.values().stream()
                    .filter(record -> record.status() != DeliveryStatus.QUEUED)
                    .sorted(Comparator.comparing(DeliveryRecord::updatedAt))
                    .limit(excess)
                    .toList()
                    .forEach(record -> records.remove(record.deliveryId(), record));
        }
    }
}
