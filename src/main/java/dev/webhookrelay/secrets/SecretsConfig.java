package dev.webhookrelay.secrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.webhookrelay.aws.AwsEndpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where team secrets come from: {@code relay.secrets.*}. */
@ConfigMapping(prefix = "relay.secrets")
public interface SecretsConfig {

    /** The store that serves secrets. Default {@code aws-secrets-manager}; {@code memory} in dev and test. */
    @WithDefault("aws-secrets-manager")
    StoreKind store();

    /**
     * A JSON file {@code {"<entity>": {"<NAME>": "<value>"}}} seeding the {@code memory} store; a secret bound to
     * destinations is {@code {"value": "<value>", "destinations": ["<URL prefix>", ...]}}. No default.
     */
    Optional<Path> seedFile();

    /**
     * Whether every secret must name the destinations it may be sent to: when true, a secret without destinations is
     * refused wherever it is used. Default false: such a secret may be sent to any URL.
     */
    @WithDefault("false")
    boolean requireDestinations();

    /** The {@code aws-secrets-manager} store: {@code relay.secrets.aws.*}. */
    Aws aws();

    /** The cache in front of the {@code aws-secrets-manager} store: {@code relay.secrets.cache.*}. */
    Cache cache();

    /** The stores {@code relay.secrets.store} can name. */
    enum StoreKind {
        MEMORY,
        AWS_SECRETS_MANAGER
    }

    /** AWS Secrets Manager: the secret ids, and the endpoint, region and call timeout. */
    interface Aws extends AwsEndpoint {

        /**
         * The secret id of a team secret, built from the entity and the secret name. Holds {@code {entity}}, then
         * {@code {name}}, once each and separated by a character such as {@code /}; checked at start-up. Default
         * {@code wandb/{entity}/{name}}.
         */
        @WithDefault("wandb/{entity}/{name}")
        String nameTemplate();
    }

    /** The secrets cache. */
    interface Cache {

        /**
         * How long a secret that was found is served from memory, measured on the wall clock from when it was fetched.
         * Default 5 minutes; {@code 0s} turns caching off.
         */
        @WithDefault("5m")
        Duration ttl();

        /** How long a secret that was not found stays not found without asking the store again. Default 30 seconds. */
        @WithDefault("30s")
        Duration negativeTtl();

        /** How many secrets (found or not) the cache holds at most. Default 1000. */
        @WithDefault("1000")
        int maxEntries();
    }
}
