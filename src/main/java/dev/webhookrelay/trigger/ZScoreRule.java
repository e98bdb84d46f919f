package dev.webhookrelay.trigger;

import java.util.List;

import dev.webhookrelay.model.Event;

/**
 * {@code zscore_filter}: the latest value of metric {@code name} lies at least {@code threshold} standard deviations
 * from the mean of the {@code window} values before it, in {@code direction} (inclusive). The standard deviation is the
 * population one. When those values are all equal it is 0, and the z-score is infinite, signed as the latest value's
 * difference from them, or 0 when the latest value equals them too. When it fires, its reading is "z-score of the latest
 * acc value against the 10 acc values before it is at least 2 or at most -2", "|zscore(acc, 10)| >= 2" and the z-score
 * with what it came from, "-21.3 (0.41 against mean 0.625, standard deviation 0.01)".
 */
record ZScoreRule(String name, int window, double threshold, Direction direction) implements RunRule {

    @Override
    public Verdict evaluate(Event event) {
        String missing = MetricWindows.missingMetric(event, name);
        if (missing != null) {
            return Verdict.skip(missing);
        }
        List<Double> values = event.metric().values();
        int size = values.size();
        if (size < window + 1) {
            return Verdict.skip("need " + MetricWindows.count(window + 1, name) + " for a z-score of the latest"
                    + " against the " + window + " before it, event has " + size);
        }
        String bad = MetricWindows.badValue(values, size - window - 1, size, name);
        if (bad != null) {
            return Verdict.skip(bad);
        }
        int from = size - window - 1;
        int to = size - 1;
        double latest = values.get(to);
        double mean;
        double deviation;
        if (MetricWindows.constant(values, from, to)) {
            mean = values.get(from);
            deviation = 0;
        } else {
            mean = MetricWindows.mean(values, from, to);
            deviation = MetricWindows.standardDeviation(values, from, to, mean);
        }
        if (!Double.isFinite(mean) || !Double.isFinite(deviation)) {
            return Verdict.skip("z-score of " + name + " is undefined: the " + window
                    + " values before the latest include an infinity");
        }
        double z = deviation == 0 ? zeroDeviationScore(latest, mean) : (latest - mean) / deviation;
        if (direction.reaches(z, threshold)) {
            return Verdict.fire(new MetricReading(
                    "z-score of the latest " + name + " value against the " + MetricWindows.count(window, name)
                            + " before it " + bounds(),
                    bound("zscore(" + name + ", " + window + ")"),
                    MetricWindows.format(z) + " (" + MetricWindows.format(latest) + " against mean "
                            + MetricWindows.format(mean) + ", standard deviation " + MetricWindows.format(deviation)
                            + ")",
                    values.subList(from, size)));
        }
        return Verdict.skip("latest " + name + " value " + MetricWindows.format(latest) + " has z-score "
                + MetricWindows.format(z) + " against the " + MetricWindows.count(window, name) + " before it (mean "
                + MetricWindows.format(mean) + ", standard deviation " + MetricWindows.format(deviation) + "); needs "
                + bound("z"));
    }

    private static double zeroDeviationScore(double latest, double mean) {
        int c = MetricWindows.compare(latest, mean);
        return c == 0 ? 0 : c > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** Returns the condition on {@code z}, such as "|z| >= 2". */
    private String bound(String z) {
        String t = MetricWindows.format(threshold);
        return switch (direction) {
            case INCREASE -> z + " >= " + t;
            case DECREASE -> z + " <= -" + t;
            case ANY -> "|" + z + "| >= " + t;
        };
    }

    /** Returns the condition in words, such as "is at least 2 or at most -2". */
    private String bounds() {
        String t = MetricWindows.format(threshold);
        return switch (direction) {
            case INCREASE -> "is at least " + t;
            case DECREASE -> "is at most -" + t;
            case ANY -> "is at least " + t + " or at most -" + t;
        };
    }
}
