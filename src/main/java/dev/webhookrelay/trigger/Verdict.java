package dev.webhookrelay.trigger;

import java.util.Objects;

/** Whether an automation fires for an event and, when it does not, the reason a person can read. */
public record Verdict(boolean fires, String reason) {

    private static final Verdict FIRES = new Verdict(true, null);

    public Verdict {
        if (!fires) {
            Objects.requireNonNull(reason, "reason == null");
        }
    }

    /** Returns the verdict of an automation that fires. */
    public static Verdict fire() {
        return FIRES;
    }

    /** Returns the verdict of an automation skipped for {@code reason}. */
    public static Verdict skip(String reason) {
        return new Verdict(false, reason);
    }
}
