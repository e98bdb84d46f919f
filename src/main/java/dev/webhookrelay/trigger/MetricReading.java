package dev.webhookrelay.trigger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a run metric filter saw when it fired, in the words of W&B's template variables: {@code filter}, a description of
 * the filter ("average of the last 5 acc values is above 0.6"); {@code filterShort}, the same in the SDK's operators
 * ("avg(acc, 5) > 0.6"); {@code currentStatus}, the value the filter computed, with what it came from for a change or a
 * z-score ("0.636", "-28.125% (0.72 from 1)"); and {@code values}, the metric values the filter read, oldest first.
 * Immutable.
 */
public record MetricReading(String filter, String filterShort, String currentStatus, List<Double> values) {

    public MetricReading {
        Objects.requireNonNull(filter, "filter == null");
        Objects.requireNonNull(filterShort, "filterShort == null");
        Objects.requireNonNull(currentStatus, "currentStatus == null");
        values = Collections.unmodifiableList(new ArrayList<>(values)); // Values may be infinite, never null here.
    }
}
