package dev.webhookrelay.secrets;

import java.time.InstantSource;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * Builds the one {@link SecretStore} that {@code relay.secrets.store} selects; the others are never built. The store is
 * built at start-up, so that a bad seed file or name template stops the function there; the AWS client inside it is
 * built only on the first lookup.
 */
@ApplicationScoped
class SecretStoreProducer {

    private volatile AwsSecretsManagerSecretStore aws;

    @Produces
    @ApplicationScoped
    @Startup
    SecretStore secretStore(SecretsConfig config, ObjectMapper mapper) {
        return switch (config.store()) {
            case MEMORY -> config.seedFile()
                    .map(path -> InMemorySecretStore.fromSeedFile(path, mapper))
                    .orElseGet(() -> new InMemorySecretStore(Map.of()));
            case AWS_SECRETS_MANAGER -> {
                aws = AwsSecretsManagerSecretStore.create(config.aws());
                yield new CachingSecretStore(aws, config.cache().ttl(), config.cache().negativeTtl(),
                        config.cache().maxEntries(), InstantSource.system());
            }
        };
    }

    @PreDestroy
    void close() {
        AwsSecretsManagerSecretStore built = aws;
        if (built != null) {
            built.close();
        }
    }
}
