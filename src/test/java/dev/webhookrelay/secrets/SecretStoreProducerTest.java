package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.secrets.SecretsConfig.StoreKind;

class SecretStoreProducerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void memoryStoreNeverTouchesAwsSettings() {
        SecretStore store = new SecretStoreProducer().secretStore(
                new Config(StoreKind.MEMORY, Optional.empty(), new UntouchableAws()), mapper);

        assertThat(store).isInstanceOf(InMemorySecretStore.class);
    }

    @Test
    void awsStoreIsCachedAndNeedsNoClientToBuild() {
        // An endpoint where nothing listens: building the store must not call it.
        Aws aws = new Aws("wandb/{entity}/{name}", Optional.of(URI.create("http://127.0.0.1:9")),
                Optional.of("us-east-1"), Duration.ofSeconds(1));

        SecretStore store = new SecretStoreProducer().secretStore(
                new Config(StoreKind.AWS_SECRETS_MANAGER, Optional.empty(), aws), mapper);

        assertThat(store).isInstanceOf(CachingSecretStore.class);
    }

    @Test
    void templateWithoutEntityStopsStartUp() {
        Aws aws = new Aws("wandb/{name}", Optional.empty(), Optional.empty(), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new SecretStoreProducer().secretStore(
                new Config(StoreKind.AWS_SECRETS_MANAGER, Optional.empty(), aws), mapper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relay.secrets.aws.name-template must hold {entity} exactly once: wandb/{name}");
    }

    record Config(StoreKind store, Optional<Path> seedFile, SecretsConfig.Aws aws) implements SecretsConfig {

        @Override
        public boolean requireDestinations() {
            return false;
        }

        @Override
        public Cache cache() {
            return new Cache() {
                @Override
                public Duration ttl() {
                    return Duration.ofMinutes(5);
                }

                @Override
                public Duration negativeTtl() {
                    return Duration.ofSeconds(30);
                }

                @Override
                public int maxEntries() {
                    return 1000;
                }
            };
        }
    }

    record Aws(String nameTemplate, Optional<URI> endpointOverride, Optional<String> region, Duration timeout)
            implements SecretsConfig.Aws {
    }

    /** AWS settings that fail the test if anything reads them. */
    static final class UntouchableAws implements SecretsConfig.Aws {

        @Override
        public String nameTemplate() {
            throw new AssertionError("memory store read relay.secrets.aws.name-template");
        }

        @Override
        public Optional<URI> endpointOverride() {
            throw new AssertionError("memory store read relay.secrets.aws.endpoint-override");
        }

        @Override
        public Optional<String> region() {
            throw new AssertionError("memory store read relay.secrets.aws.region");
        }

        @Override
        public Duration timeout() {
            throw new AssertionError("memory store read relay.secrets.aws.timeout");
        }
    }
}
