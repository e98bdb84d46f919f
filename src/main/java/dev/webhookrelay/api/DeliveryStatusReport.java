package dev.webhookrelay.api;

import java.time.Instant;
import java.util.List;

import dev.webhookrelay.state.AttemptRecord;
import dev.webhookrelay.state.DeliveryRecord;
import dev.webhookrelay.state.DeliveryStatus;

/**
 * The status of one async delivery, as {@code GET /v1/deliveries/{deliveryId}} answers it: every attempt kept (oldest
 * first, redacted) and when the next one is due (null unless QUEUED).
 */
public record DeliveryStatusReport(String deliveryId, String automation, String integration, DeliveryStatus status,
        int attemptCount, List<AttemptRecord> attempts, Instant nextAttemptAt) {

    static DeliveryStatusReport of(DeliveryRecord record) {
        return new DeliveryStatusReport(record.deliveryId(), record.automation(), record.integration(),
                record.status(), record.attemptCount(), record.attempts(), record.nextAttemptAt());
    }
}
