package dev.webhookrelay.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of an async delivery as its status shows it: when it started ({@code at}), the target's
 * {@code statusCode} (null when no response came), how long it took, the {@code error} that ended it, and the first
 * 4 KiB of the response body, redacted. Immutable.
 */
public record AttemptRecord(Instant at, Integer statusCode, double durationMs, String error, String responseBody) {

    public AttemptRecord {
        Objects.requireNonNull(at, "at == null");
    }
}
