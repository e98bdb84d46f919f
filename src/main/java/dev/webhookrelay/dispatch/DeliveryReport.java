package dev.webhookrelay.dispatch;

import java.util.List;

import dev.webhookrelay.delivery.Attempt;

/**
 * What happened to one automation: its {@code outcome}, the {@code reason} when it was skipped or failed, the
 * {@code deliveryId} receivers can de-duplicate on, the {@code warnings} of rendering and of the target's documented
 * limits, the {@code request} as sent (redacted; null when skipped) and every attempt.
 */
public record DeliveryReport(
        String automation,
        String integration,
        Outcome outcome,
        String reason,
        String deliveryId,
        List<String> warnings,
        ReportedRequest request,
        List<Attempt> attempts) {

    public DeliveryReport {
        warnings = List.copyOf(warnings);
        attempts = List.copyOf(attempts);
    }

    /** Returns whether this report makes the whole response a 502. */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
