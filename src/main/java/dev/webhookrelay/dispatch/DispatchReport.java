package dev.webhookrelay.dispatch;

import java.util.List;

/**
 * The response of {@code POST /v1/dispatch}: one report per automation, in request order, and whether the report cut
 * what it echoes (a {@code request.body} or a {@code responseBody}) to stay under Lambda's 6 MB response limit
 * ({@code truncated}); what was sent is never cut.
 */
public record DispatchReport(List<DeliveryReport> deliveries, boolean truncated) {

    public DispatchReport {
        deliveries = List.copyOf(deliveries);
    }

    /** Returns the report of {@code deliveries}, cut where it echoes to stay under Lambda's response limit. */
    public static DispatchReport fitted(List<DeliveryReport> deliveries) {
        return ReportLimits.fit(deliveries);
    }

    /** Returns whether any delivery failed, which makes the response a 502. */
    public boolean anyFailed() {
        return deliveries.stream().anyMatch(DeliveryReport::failed);
    }
}
