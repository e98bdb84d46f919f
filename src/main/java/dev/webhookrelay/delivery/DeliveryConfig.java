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
}
