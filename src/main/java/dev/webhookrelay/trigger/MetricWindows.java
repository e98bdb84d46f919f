package dev.webhookrelay.trigger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import dev.webhookrelay.model.Event;

/**
 * The arithmetic of metric windows, over {@code event.metric.values} (oldest first), and the words for its results.
 * A window is a range {@code [from, to)} of that list. Windows must hold numbers: {@link #badValue} finds a null or NaN
 * in one, which makes the filter skip. Infinities are numbers: an infinite latest value is above any threshold.
 */
final class MetricWindows {

    /** Relative difference under which two numbers count as equal: it absorbs binary rounding, such as 0.1 + 0.2. */
    static final double TOLERANCE = 1e-9;

    private static final MathContext SHOWN = new MathContext(6);

    private MetricWindows() {
    }

    /** Returns why {@code event} has no values of metric {@code name}, or null when it has that metric. */
    static String missingMetric(Event event, String name) {
        if (event.metric() == null || event.metric().name() == null) {
            return "event has no metric; the filter watches " + name;
        }
        if (!event.metric().name().equals(name)) {
            return "filter watches metric " + name + ", event's metric is " + event.metric().name();
        }
        return null;
    }

    /** Returns why {@code values[from, to)} cannot be computed with (a null or NaN), or null when it can. */
    static String badValue(List<Double> values, int from, int to, String name) {
        for (int i = from; i < to; i++) {
            Double value = values.get(i);
            if (value == null || value.isNaN()) {
                return name + " value at index " + i + " of " + values.size() + " is " + value
                        + "; a window must hold numbers";
            }
        }
        return null;
    }

    /** Returns the mean of {@code values[from, to)}. */
    static double mean(List<Double> values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.get(i);
        }
        return sum / (to - from);
    }

    /** Returns whether every value of {@code values[from, to)} is the same number. */
    static boolean constant(List<Double> values, int from, int to) {
        double first = values.get(from);
        for (int i = from + 1; i < to; i++) {
            if (values.get(i) != first) {
                return false;
            }
        }
        return true;
    }

    /** Returns the population standard deviation (divided by n, as numpy's) of {@code values[from, to)}. */
    static double standardDeviation(List<Double> values, int from, int to, double mean) {
        double squares = 0;
        for (int i = from; i < to; i++) {
            double deviation = values.get(i) - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (to - from));
    }

    /** Compares {@code a} and {@code b}, neither NaN, taking numbers within {@link #TOLERANCE} as equal. */
    static int compare(double a, double b) {
        if (a == b) {
            return 0;
        }
        if (Double.isFinite(a) && Double.isFinite(b)
                && Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
            return 0;
        }
        return Double.compare(a, b);
    }

    /** Returns whether {@code a >= b}, taking numbers within {@link #TOLERANCE} as equal. */
    static boolean atLeast(double a, double b) {
        return compare(a, b) >= 0;
    }

    /** Returns {@code value} for a person: at most 6 significant digits, no trailing zeros, no exponent if short. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal shown = new BigDecimal(value).round(SHOWN).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-6 && magnitude < 1e15 ? shown.toPlainString() : shown.toString();
    }

    /**
     * Returns what a filter reduces to one number, in the SDK's short form: "avg(acc, 5)" (as
     * {@code RunEvent.metric("acc").avg(5)} builds it), or "acc" for the latest value.
     */
    static String shortSubject(Aggregation aggregation, String name, int window) {
        return aggregation == null ? name : aggregation.shortName() + "(" + name + ", " + window + ")";
    }

    /** Returns "1 acc value" or "5 acc values". */
    static String count(int n, String name) {
        return n + " " + name + (n == 1 ? " value" : " values");
    }
}
