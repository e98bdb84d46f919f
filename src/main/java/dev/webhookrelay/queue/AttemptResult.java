package dev.webhookrelay.queue;

import java.time.Duration;
import java.util.Objects;

import dev.webhookrelay.delivery.Attempt;

/**
 * How one attempt of an async delivery ended, with its {@code attempt} as reported (redacted). Only the
 * {@link DeliveryAttempter} does HTTP; every other step reads one of these. Immutable.
 */
sealed interface AttemptResult {

    Attempt attempt();

    /** The target answered 2xx. */
    record Delivered(Attempt attempt) implements AttemptResult {
        public Delivered {
            Objects.requireNonNull(attempt, "attempt == null");
        }
    }

    /** A failure the synchronous path would retry; {@code retryAfter} is the target's wish, or null. */
    record Retryable(Attempt attempt, Duration retryAfter) implements AttemptResult {
        public Retryable {
            Objects.requireNonNull(attempt, "attempt == null");
        }
    }

    /** A failure that no retry mends: another 4xx, a 3xx, a refused target, a template or secret gone bad. */
    record Permanent(Attempt attempt) implements AttemptResult {
        public Permanent {
            Objects.requireNonNull(attempt, "attempt == null");
            Objects.requireNonNull(attempt.failure(), "attempt has neither a status nor an error");
        }

        /** Returns why the delivery ended: {@link Attempt#failure()}. */
        String reason() {
            return attempt.failure();
        }
    }
}
