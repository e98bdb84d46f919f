package dev.webhookrelay.trigger;

import java.util.List;
import java.util.Locale;

/** How a metric window is reduced to one number: W&B's {@code agg_op}. */
enum Aggregation {
    AVERAGE("average", "avg"),
    MIN("minimum", "min"),
    MAX("maximum", "max");

    private final String phrase;
    private final String shortName;

    Aggregation(String phrase, String shortName) {
        this.phrase = phrase;
        this.shortName = shortName;
    }

    /** Returns the aggregate named {@code name}, ignoring case and accepting the SDK's alias {@code AVG}, or null. */
    static Aggregation named(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "AVERAGE", "AVG" -> AVERAGE;
            case "MIN" -> MIN;
            case "MAX" -> MAX;
            default -> null;
        };
    }

    /** Returns this aggregate of {@code values[from, to)}, which must be non-empty and hold no null. */
    double of(List<Double> values, int from, int to) {
        return switch (this) {
            case AVERAGE -> MetricWindows.mean(values, from, to);
            case MIN -> {
                double min = Double.POSITIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    min = Math.min(min, values.get(i));
                }
                yield min;
            }
            case MAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    max = Math.max(max, values.get(i));
                }
                yield max;
            }
        };
    }

    /** Returns the SDK's short name of this aggregate, as in {@code RunEvent.metric("acc").avg(5)}: "avg". */
    String shortName() {
        return shortName;
    }

    /** Returns this aggregate in words, such as "average". */
    String phrase() {
        return phrase;
    }
}
