package dev.webhookrelay.trigger;

import java.util.List;

import dev.webhookrelay.model.Event;

/**
 * {@code change_filter}: metric {@code name} moved by at least {@code amount} in {@code direction} between the prior
 * window (the {@code priorWindow} values before the current one) and the current window (the last
 * {@code currentWindow} values), each reduced by {@code aggregation}. Without an aggregation, the windows are the latest
 * value and the one before it, whatever their sizes. The change is {@code current - prior}, or, when
 * {@code relative}, {@code (current - prior) / |prior|} as a fraction (0.25 is 25%); the comparison is inclusive. A
 * relative change from a prior of 0 is undefined, and skips. When it fires, its reading is "average of last 3 loss values
 * decreases by at least 25% from the average of the 3 before", "avg(loss, 3) decreases 25%" and the change with the
 * two aggregates, "-28% (0.72 from 1)".
 */
record ChangeRule(String name, Aggregation aggregation, int currentWindow, int priorWindow, boolean relative,
        Direction direction, double amount) implements RunRule {

    @Override
    public Verdict evaluate(Event event) {
        String missing = MetricWindows.missingMetric(event, name);
        if (missing != null) {
            return Verdict.skip(missing);
        }
        List<Double> values = event.metric().values();
        int size = values.size();
        int current = aggregation == null ? 1 : currentWindow;
        int prior = aggregation == null ? 1 : priorWindow;
        if (size < current + prior) {
            return Verdict.skip("need " + MetricWindows.count(current + prior, name) + " to compare the "
                    + currentSubject() + " with the " + priorSubject() + ", event has " + size);
        }
        String bad = MetricWindows.badValue(values, size - current - prior, size, name);
        if (bad != null) {
            return Verdict.skip(bad);
        }
        double now = aggregate(values, size - current, size);
        double before = aggregate(values, size - current - prior, size - current);
        double change = now - before;
        if (relative) {
            if (before == 0) {
                return Verdict.skip("relative change of " + name + " is undefined: the " + priorSubject()
                        + " is 0");
            }
            change = change / Math.abs(before);
        }
        if (Double.isNaN(change)) {
            return Verdict.skip("change of " + name + " is undefined: the " + currentSubject() + " is "
                    + MetricWindows.format(now) + " and the " + priorSubject() + " is " + MetricWindows.format(before));
        }
        if (direction.reaches(change, amount)) {
            return Verdict.fire(new MetricReading(
                    currentSubject() + " " + direction.phrase() + " by at least " + size(amount) + " from the "
                            + priorSubject(),
                    MetricWindows.shortSubject(aggregation, name, currentWindow) + " " + direction.verb() + " "
                            + size(amount),
                    size(change) + " (" + MetricWindows.format(now) + " from " + MetricWindows.format(before) + ")",
                    values.subList(size - current - prior, size)));
        }
        return Verdict.skip(currentSubject() + " " + MetricWindows.format(now) + " vs "
                + MetricWindows.format(before) + " for the " + priorSubject() + ": " + movement(change) + ", not "
                + required());
    }

    private double aggregate(List<Double> values, int from, int to) {
        return aggregation == null ? values.get(to - 1) : aggregation.of(values, from, to);
    }

    private String currentSubject() {
        return aggregation == null ? "latest " + name + " value"
                : aggregation.phrase() + " of last " + MetricWindows.count(currentWindow, name);
    }

    private String priorSubject() {
        return aggregation == null ? "value before it"
                : aggregation.phrase() + " of the " + priorWindow + " before";
    }

    private String movement(double change) {
        if (MetricWindows.compare(change, 0) == 0) {
            return "no change";
        }
        return (change > 0 ? "an increase of " : "a decrease of ") + size(Math.abs(change));
    }

    private String required() {
        String kind = switch (direction) {
            case INCREASE -> "an increase";
            case DECREASE -> "a decrease";
            case ANY -> "a change";
        };
        return kind + " of at least " + size(amount);
    }

    private String size(double change) {
        return relative ? MetricWindows.format(change * 100) + "%" : MetricWindows.format(change);
    }
}
