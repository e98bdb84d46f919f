package dev.webhookrelay.trigger;

import java.util.Locale;

/** Which way a metric must move for a change or z-score filter to fire: W&B's {@code change_dir}. */
enum Direction {
    INCREASE("increases", "increases"),
    DECREASE("decreases", "decreases"),
    ANY("increases or decreases", "changes");

    private final String phrase;
    private final String verb;

    Direction(String phrase, String verb) {
        this.phrase = phrase;
        this.verb = verb;
    }

    /** Returns the W&B App's words for a change in this direction, such as "increases or decreases". */
    String phrase() {
        return phrase;
    }

    /** Returns the verb of the SDK's text form of a change filter ({@code MetricChangeFilter.__repr__}): "changes". */
    String verb() {
        return verb;
    }

    /**
     * Returns the direction named {@code name}, ignoring case and accepting the SDK's aliases {@code INC} and
     * {@code DEC}, or null.
     */
    static Direction named(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "INCREASE", "INC" -> INCREASE;
            case "DECREASE", "DEC" -> DECREASE;
            case "ANY" -> ANY;
            default -> null;
        };
    }

    /** Returns whether a signed movement {@code amount} reaches {@code required} (positive) in this direction. */
    boolean reaches(double amount, double required) {
        return switch (this) {
            case INCREASE -> MetricWindows.atLeast(amount, required);
            case DECREASE -> MetricWindows.atLeast(-amount, required);
            case ANY -> MetricWindows.atLeast(Math.abs(amount), required);
        };
    }
}
