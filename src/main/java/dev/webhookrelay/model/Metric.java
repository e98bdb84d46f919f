package dev.webhookrelay.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The recent values of one run metric, oldest first, as the caller observed them. Values may include NaN and the
 * infinities (given as the JSON strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}); nulls are kept as
 * given so that the trigger box can reject them with a clear reason.
 */
public record Metric(String name, List<Double> values) {

    public Metric {
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
