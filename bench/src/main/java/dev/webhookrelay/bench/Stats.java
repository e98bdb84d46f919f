package dev.webhookrelay.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a sample, by the nearest-rank method. */
final class Stats {

    private final double[] sorted;

    Stats(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** Returns the {@code q} quantile, {@code 0 < q <= 1}: the smallest value with at least q of the sample at or below it. */
    double quantile(double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() {
        return quantile(0.5);
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    double mean() {
        return Arrays.stream(sorted).average().orElseThrow();
    }

    int count() {
        return sorted.length;
    }

    /** Returns {@code n=…, min, p50, p90, p99, max} with {@code unit}, to three significant decimals. */
    String summary(String unit) {
        return String.format(Locale.ROOT, "n=%d min %.3f p50 %.3f p90 %.3f p99 %.3f max %.3f %s", count(), min(),
                median(), quantile(0.9), quantile(0.99), max(), unit);
    }
}
