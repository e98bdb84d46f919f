package dev.webhookrelay.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How deliveries are sent: {@code relay.delivery.*}. */
@ConfigMapping(prefix = "relay.delivery")
public interface DeliveryConfig {

    /** How long to wait for a TCP (and TLS) connection to a target. Default 3 seconds. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** How long a target may stay silent once connected. Default 10 seconds. */
    @WithDefault("10s")
    Duration readTimeout();

    /**
     * The budget of a whole dispatch, every delivery and attempt included. Default 25 seconds, under API Gateway's
     * 29-second limit.
     */
    @WithDefault("25s")
    Duration deadline();

    /** How many connections the relay keeps open to one target at most. Default 64. */
    @WithDefault("64")
    int maxConnectionsPerTarget();

    /** When and how often a failed attempt is tried again. */
    Retry retry();

    /**
     * Retries: after a connection error, a timeout, 408, 425, 429 or 5xx, never after another 4xx or a 3xx. The wait
     * before attempt n+1 is a random duration between half and all of {@code initialBackoff * 2^(n-1)}, capped at
     * {@code maxBackoff}, unless the target sent {@code Retry-After}.
     */
    interface Retry {

        /** Attempts per delivery, the first included. Default 3; 1 turns retries off. */
        @WithDefault("3")
        int maxAttempts();

        /** The full backoff after the first attempt. Default 500 milliseconds. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** The longest backoff between two attempts. Default 5 seconds. */
        @WithDefault("5s")
        Duration maxBackoff();
    }
}
