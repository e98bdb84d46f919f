package dev.webhookrelay.secrets;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the one {@link SecretStore} that {@code relay.secrets.store} selects; the others are never built. */
@ApplicationScoped
class SecretStoreProducer {

    @Produces
    @ApplicationScoped
    SecretStore secretStore(SecretsConfig config, ObjectMapper mapper) {
        return switch (config.store()) {
            case MEMORY -> config.seedFile()
                    .map(path -> InMemorySecretStore.fromSeedFile(path, mapper))
                    .orElseGet(() -> new InMemorySecretStore(Map.of()));
            case AWS_SECRETS_MANAGER -> throw new IllegalStateException(
                    "relay.secrets.store=aws-secrets-manager is not available yet; use memory");
        };
    }
}
