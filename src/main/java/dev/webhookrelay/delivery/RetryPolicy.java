package dev.webhookrelay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Decides whether a failed attempt is tried again, and after how long. Retryable: no response at all (connection error,
 * timeout, reset, DNS), 408, 425, 429 and 5xx. Never: other 4xx, and 3xx, since redirects are not followed. The wait is
 * exponential backoff with "equal jitter" (half fixed, half random), or the target's {@code Retry-After} when it sent
 * one; a wait that would not end inside the deadline stops the delivery instead. Immutable.
 */
final class RetryPolicy {

    /** Whether to try again: after {@code delay}, or not at all, for {@code stopReason}. */
    record Decision(Duration delay, String stopReason) {

        static Decision retryAfter(Duration delay) {
            return new Decision(delay, null);
        }

        static Decision stop(String reason) {
            return new Decision(null, reason);
        }

        boolean retry() {
            return stopReason == null;
        }
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier random;

    RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("relay.delivery.retry.max-attempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    /**
     * Returns what to do after the failed attempt number {@code attemptsMade} (1-based), given the target's
     * {@code Retry-After} header (null when absent), the time {@code left} before the deadline, and {@code now}.
     */
    Decision afterFailure(Attempt attempt, int attemptsMade, String retryAfter, Duration left, Instant now) {
        String failure = attempt.failure();
        if (!isRetryable(attempt)) {
            return Decision.stop(failure);
        }
        if (attemptsMade >= maxAttempts) {
            return Decision.stop(failure + "; gave up after " + attemptsMade + " attempts");
        }
        Optional<Duration> requested = parseRetryAfter(retryAfter, now);
        Duration delay = requested.orElseGet(() -> backoff(attemptsMade));
        if (delay.compareTo(left) >= 0) {
            String wait = requested.isPresent() ? "the target asked to wait " + seconds(delay) + " (Retry-After)"
                    : "the next retry is due in " + seconds(delay);
            return Decision.stop(failure + "; " + wait + ", past the dispatch deadline (" + seconds(left) + " left)");
        }
        return Decision.retryAfter(delay);
    }

    static boolean isRetryable(Attempt attempt) {
        Integer status = attempt.statusCode();
        if (status == null) {
            return true;
        }
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    /** Returns the backoff after attempt {@code attemptsMade}: between half and all of the capped exponential. */
    Duration backoff(int attemptsMade) {
        long full = initialBackoff.toMillis() << Math.min(attemptsMade - 1, 20);
        long capped = Math.min(full, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }

    /** Returns the wait a {@code Retry-After} value asks for: delay-seconds or an HTTP date (RFC 9110, 10.2.3). */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            } catch (NumberFormatException e) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L)); // Absurdly far: never fits.
            }
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty(); // A value we cannot read is ignored, as RFC 9110 permits.
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
