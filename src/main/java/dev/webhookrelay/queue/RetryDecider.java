package dev.webhookrelay.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Decides what follows one attempt of an async delivery, as a pure function of the message, the result and the time:
 * a delivered attempt is done; a permanent failure gives up; a retryable one waits the schedule's wait at the
 * message's index, varied by the jitter, or the target's {@code Retry-After} when that is longer (cut to the cap),
 * until the round's schedule is exhausted. Immutable; safe for concurrent use if {@code random} is.
 */
final class RetryDecider {

    private final RetrySchedule schedule;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    /** {@code random} returns values in [0, 1); {@code jitter} is the fraction a wait may vary both ways. */
    RetryDecider(RetrySchedule schedule, double jitter, Duration maxRetryAfter, DoubleSupplier random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("relay.queue.jitter must be at least 0 and below 1: " + jitter);
        }
        this.schedule = Objects.requireNonNull(schedule, "schedule == null");
        this.jitter = jitter;
        this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter == null");
        this.random = Objects.requireNonNull(random, "random == null");
    }

    /** Returns what follows {@code result}, the outcome of the attempt {@code message} asked for, at {@code now}. */
    Decision decide(DeliveryMessage message, AttemptResult result, Instant now) {
        if (result instanceof AttemptResult.Retryable retryable) {
            return afterRetryable(message, retryable, now);
        }
        if (result instanceof AttemptResult.Permanent permanent) {
            return new Decision.GiveUp(permanent.reason());
        }
        return new Decision.Done();
    }

    private Decision afterRetryable(DeliveryMessage message, AttemptResult.Retryable result, Instant now) {
        String failure = result.attempt().failure();
        int index = message.scheduleIndex();
        if (index >= schedule.size()) {
            return new Decision.GiveUp(failure + "; gave up after " + (index + 1) + " attempts of the retry schedule");
        }
        Duration wait = jittered(schedule.wait(index));
        if (result.retryAfter() != null) {
            Duration asked = result.retryAfter().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : result.retryAfter();
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return new Decision.RetryAt(now.plus(wait));
    }

    private Duration jittered(Duration wait) {
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }
}
