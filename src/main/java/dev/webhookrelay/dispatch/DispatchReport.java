package dev.webhookrelay.dispatch;

import java.util.List;

/** The response of {@code POST /v1/dispatch}: one report per automation, in request order. */
public record DispatchReport(List<DeliveryReport> deliveries) {

    public DispatchReport {
        deliveries = List.copyOf(deliveries);
    }

    /** Returns whether any delivery failed, which makes the response a 502. */
    public boolean anyFailed() {
        return deliveries.stream().anyMatch(DeliveryReport::failed);
    }
}
