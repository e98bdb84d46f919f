package dev.webhookrelay.secrets;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where team secrets come from: {@code relay.secrets.*}. */
@ConfigMapping(prefix = "relay.secrets")
public interface SecretsConfig {

    /** The store that serves secrets. Default {@code aws-secrets-manager}; {@code memory} in dev and test. */
    @WithDefault("aws-secrets-manager")
    StoreKind store();

    /** A JSON file {@code {"<entity>": {"<NAME>": "<value>"}}} seeding the {@code memory} store. No default. */
    Optional<Path> seedFile();

    /** The stores {@code relay.secrets.store} can name. */
    enum StoreKind {
        MEMORY,
        AWS_SECRETS_MANAGER
    }
}
