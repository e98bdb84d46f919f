package dev.webhookrelay.state;

import java.time.Duration;
import java.util.Optional;

import dev.webhookrelay.aws.AwsEndpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the status of async deliveries is kept: {@code relay.state.*}. */
@ConfigMapping(prefix = "relay.state")
public interface StateConfig {

    /** The store that keeps delivery status. Default {@code dynamodb}; {@code memory} in dev and test. */
    @WithDefault("dynamodb")
    StoreKind store();

    /**
     * How long a delivery's status is kept after its last change; reads ignore a record past it even before DynamoDB's
     * TTL sweep deletes it. Must be longer than the retry schedule plus the replay window. Default 30 days.
     */
    @WithDefault("30d")
    Duration ttl();

    /** The {@code dynamodb} store: {@code relay.state.dynamodb.*}. */
    Dynamodb dynamodb();

    /** The stores {@code relay.state.store} can name. */
    enum StoreKind {
        MEMORY,
        DYNAMODB
    }

    /** Amazon DynamoDB: the table, and its endpoint, region and call timeout. */
    interface Dynamodb extends AwsEndpoint {

        /** The status table: partition key {@code deliveryId} (string), TTL attribute {@code expiresAt}. No default. */
        Optional<String> table();
    }
}
