package dev.webhookrelay.secrets;

import static dev.webhookrelay.testing.Relay.dispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.IndependentHmac;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.testing.Requests;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay with {@code relay.secrets.store=aws-secrets-manager} against a real local AWS API (moto): its wiring, and
 * dispatches end to end through the Lambda event path, the store up and down.
 */
@QuarkusTest
@WithTestResource(MotoResource.class)
class AwsSecretStoreQuarkusTest extends WithReceiver {

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

    @Test
    void dispatchSignsWithTheSecretsStoredInSecretsManager() {
        moto.createSecret("wandb/aws-team/GITHUB_TOKEN", "ghp_aws_team_token");
        moto.createSecret("wandb/aws-team/SIGNING_SECRET", "aws-team-signing-secret");

        dispatch(forEntity("aws-team"))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));

        Receiver.Received sent = receiver.takeRequest(Duration.ofSeconds(5));
        assertThat(sent.header("Authorization")).isEqualTo("Bearer ghp_aws_team_token");
        assertThat(sent.header("X-Wandb-Signature"))
                .isEqualTo(IndependentHmac.hmacSha256("aws-team-signing-secret", sent.body()));
    }

    @Test
    void aSecretMissingFromSecretsManagerIsA422() {
        moto.createSecret("wandb/half-team/GITHUB_TOKEN", "ghp_half_team_token");

        dispatch(forEntity("half-team"))
                .statusCode(422)
                .body("errors[0].field", equalTo("integrations[0].secretRef"))
                .body("detail", equalTo("Secret SIGNING_SECRET is not defined for entity half-team"));
    }

    @Test
    void anUnreachableStoreIsA503WithRetryAdviceAndNothingSent() {
        receiver.reset();
        moto.stop();
        try {
            dispatch(forEntity("down-team"))
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:webhook-relay:problem:secret-store-unavailable"));
            assertThat(receiver.received()).isEmpty();
        } finally {
            moto.restart();
        }
    }

    private static ObjectNode forEntity(String entity) {
        ObjectNode request = Requests.githubDispatch(receiver.url("/hook"));
        ((ObjectNode) request.at("/event/entity")).put("name", entity);
        return request;
    }
}
