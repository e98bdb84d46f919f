package dev.webhookrelay.metrics;

import java.util.Objects;

/**
 * What the metrics need of one automation of a dispatch: the host of its integration's URL ({@code targetHost}), null
 * when the relay did not contact it (skipped, refused by the egress guard, or its host never resolved), how it ended, how many HTTP attempts it made, and how long its delivery took from the first
 * attempt to the last answer, retries and backoff included ({@code latencyMs}, 0 when nothing was attempted).
 */
public record DeliverySample(String targetHost, Result result, int attempts, double latencyMs) {

    /** How an automation ended, as the metrics count it. */
    public enum Result {
        /** The target answered 2xx. */
        DELIVERED,
        /** Refused, or every attempt failed. */
        FAILED,
        /** The automation did not fire. */
        SKIPPED,
        /** An async attempt failed and the next one is queued: it counts as an attempt, not as an outcome. */
        RETRYING
    }

    public DeliverySample {
        Objects.requireNonNull(result, "result == null");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0: " + attempts);
        }
    }
}
