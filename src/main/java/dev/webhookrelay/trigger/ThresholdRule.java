package dev.webhookrelay.trigger;

import java.util.List;

import dev.webhookrelay.model.Event;

/**
 * {@code threshold_filter}: the {@code aggregation} of the last {@code window} values of metric {@code name} (or its
 * latest value, when {@code aggregation} is null, whatever the window) compared with {@code threshold}. When it fires,
 * its reading is "average of last 5 acc values is above 0.6", "avg(acc, 5) > 0.6" and the average, "0.636".
 */
record ThresholdRule(String name, Aggregation aggregation, int window, Comparison comparison, double threshold)
        implements RunRule {

    @Override
    public Verdict evaluate(Event event) {
        String missing = MetricWindows.missingMetric(event, name);
        if (missing != null) {
            return Verdict.skip(missing);
        }
        List<Double> values = event.metric().values();
        int size = values.size();
        int needed = aggregation == null ? 1 : window;
        if (size < needed) {
            return Verdict.skip("the " + subject() + " needs " + MetricWindows.count(needed, name) + ", event has "
                    + size);
        }
        String bad = MetricWindows.badValue(values, size - needed, size, name);
        if (bad != null) {
            return Verdict.skip(bad);
        }
        double value = aggregation == null ? values.get(size - 1) : aggregation.of(values, size - needed, size);
        if (Double.isNaN(value)) {
            return Verdict.skip("the " + subject() + " is undefined: the window holds both infinities");
        }
        if (comparison.test(value, threshold)) {
            String limit = MetricWindows.format(threshold);
            return Verdict.fire(new MetricReading(subject() + " " + comparison.phrase() + " " + limit,
                    MetricWindows.shortSubject(aggregation, name, window) + " " + comparison.operator() + " " + limit,
                    MetricWindows.format(value), values.subList(size - needed, size)));
        }
        return Verdict.skip(subject() + " " + MetricWindows.format(value) + " " + comparison.failsPhrase() + " "
                + MetricWindows.format(threshold));
    }

    /** Returns what is compared, such as "average of last 5 acc values" or "latest acc value". */
    private String subject() {
        return aggregation == null ? "latest " + name + " value"
                : aggregation.phrase() + " of last " + MetricWindows.count(window, name);
    }
}
