package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The relay's own wiring with {@code relay.secrets.store=aws-secrets-manager}: config, producer, default credentials. */
@QuarkusTest
@WithTestResource(MotoResource.class)
class AwsSecretStoreQuarkusTest {

    @Inject
    SecretStore store;

    MotoServer moto;

    @Test
    void relayReadsTeamSecretsFromSecretsManager() {
        moto.createSecret("wandb/tiny-ml/GITHUB_TOKEN", "ghp_from_moto");

        assertThat(store.find(new SecretRef("tiny-ml", "GITHUB_TOKEN"))).map(Secret::reveal).contains("ghp_from_moto");
        assertThat(store.find(new SecretRef("other-team", "GITHUB_TOKEN"))).isEmpty();
        assertThat(ClientProxy.unwrap(store)).isInstanceOf(CachingSecretStore.class);
    }
}
