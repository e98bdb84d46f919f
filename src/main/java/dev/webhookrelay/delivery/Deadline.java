package dev.webhookrelay.delivery;

import java.time.Duration;

/** A point in monotonic time by which a dispatch must be finished. Immutable. */
public record Deadline(long expiresAtNanos) {

    /** Returns the deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** Returns the time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, expiresAtNanos - System.nanoTime()));
    }

    /** Returns whether no time is left. */
    public boolean expired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }
}
