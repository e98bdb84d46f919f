package dev.webhookrelay.trigger;

import java.util.Objects;

/**
 * Whether an automation fires for an event and, when it does not, the reason a person can read. A reason is cut to
 * {@value #MAX_REASON_LENGTH} characters: a filter of thousands of alternatives explains each one, and a report holds a
 * reason per automation. An automation that fired on a run metric filter has the {@code metric} reading the filter
 * made; otherwise {@code metric} is null.
 */
public record Verdict(boolean fires, String reason, MetricReading metric) {

    /** The longest reason kept, in characters; a longer one is cut and says how long it was. */
    public static final int MAX_REASON_LENGTH = 2_000;

    private static final Verdict FIRES = new Verdict(true, null, null);

    public Verdict {
        if (fires ? reason != null : metric != null) {
            throw new IllegalArgumentException("A verdict has a reason or a metric reading, not both");
        }
        if (!fires) {
            Objects.requireNonNull(reason, "reason == null");
            if (reason.length() > MAX_REASON_LENGTH) {
                int cut = Character.isHighSurrogate(reason.charAt(MAX_REASON_LENGTH - 1)) ? MAX_REASON_LENGTH - 1
                        : MAX_REASON_LENGTH;
                reason = reason.substring(0, cut) + "… (" + reason.length() + " characters)";
            }
        }
    }

    /** Returns the verdict of an automation that fires. */
    public static Verdict fire() {
        return FIRES;
    }

    /** Returns the verdict of an automation that fires on a metric filter, which read {@code metric}. */
    static Verdict fire(MetricReading metric) {
        return new Verdict(true, null, Objects.requireNonNull(metric, "metric == null"));
    }

    /** Returns the verdict of an automation skipped for {@code reason}. */
    public static Verdict skip(String reason) {
        return new Verdict(false, reason, null);
    }
}
