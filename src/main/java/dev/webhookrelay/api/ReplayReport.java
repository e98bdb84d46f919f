package dev.webhookrelay.api;

import java.util.List;

/** What {@code POST /v1/deliveries/retry} queued again: the delivery ids, at most the replay cap per call. */
public record ReplayReport(List<String> queued) {

    public ReplayReport {
        queued = List.copyOf(queued);
    }
}
