package dev.webhookrelay.queue;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The waits between the attempts of one round, indexed from 0: {@code wait(0)} comes after the first attempt, and a
 * round makes {@code size() + 1} attempts. Immutable.
 */
final class RetrySchedule {

    static final String KEY = "relay.queue.retry-schedule";

    /** A number and one unit: ms, s, m, h or d. */
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private final List<Duration> waits;

    private RetrySchedule(List<Duration> waits) {
        this.waits = List.copyOf(waits);
    }

    /**
     * Returns the schedule that {@code text} spells: comma-separated durations, such as {@code 5s,5m,2h}.
     *
     * @throws IllegalArgumentException naming {@link #KEY} and the bad part, if it is not one
     */
    static RetrySchedule parse(String text) {
        List<Duration> waits = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(KEY + " must list at least one wait, such as 5s,5m,30m");
        }
        for (String part : text.split(",", -1)) {
            waits.add(duration(part.trim()));
        }
        return new RetrySchedule(waits);
    }

    /** Returns how many waits the schedule has, one fewer than its attempts. */
    int size() {
        return waits.size();
    }

    /** Returns the wait after the attempt at {@code index} of a round (0 is the first attempt). */
    Duration wait(int index) {
        return waits.get(index);
    }

    @Override
    public String toString() {
        return waits.toString();
    }

    private static Duration duration(String part) {
        Matcher matcher = SHORT.matcher(part.toLowerCase(Locale.ROOT));
        Duration wait;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            wait = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                wait = Duration.parse(part);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(KEY + " has a wait that is not a duration: '" + part
                        + "' (use 5s, 5m, 2h, 1d or ISO-8601 such as PT90S)", e);
            }
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException(KEY + " has a negative wait: '" + part + "'");
        }
        return wait;
    }
}
