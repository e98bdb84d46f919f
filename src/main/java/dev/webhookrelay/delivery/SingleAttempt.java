package dev.webhookrelay.delivery;

import java.time.Duration;

/**
 * One attempt made without retrying ({@link Deliverer#attemptOnce}): the {@code attempt}, whether the synchronous path
 * would have {@code retryable} it (no response, 408, 425, 429, 5xx), and the wait the target asked for in its
 * {@code Retry-After} header, or null. Immutable.
 */
public record SingleAttempt(Attempt attempt, boolean retryable, Duration retryAfter) {
}
