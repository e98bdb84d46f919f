package dev.webhookrelay.secrets;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A wall clock that tests move by hand. Safe for concurrent use. */
final class TestClock implements InstantSource {

    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock by {@code duration}, which may be negative. */
    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
