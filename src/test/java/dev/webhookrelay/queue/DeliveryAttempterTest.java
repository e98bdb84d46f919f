package dev.webhookrelay.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.dispatch.Planner;
import dev.webhookrelay.model.Integration;
import dev.webhookrelay.runwindow.RunWindows;
import dev.webhookrelay.secrets.DestinationPolicy;
import dev.webhookrelay.secrets.SecretStore;
import dev.webhookrelay.secrets.SecretStoreException;
import dev.webhookrelay.state.InMemoryDeliveryStateStore;

/** How an attempt ends when its secrets cannot be read: nothing is sent either way. */
class DeliveryAttempterTest {

    static final DeliveryMessage MESSAGE = new DeliveryMessage("dlv_0123456789abcdef0123456789abcdef", 1, 0,
            Trigger.DISPATCH, Instant.EPOCH, new QueuedJob("tiny-ml", "deploy-on-prod", new Integration("i1",
                    "github-dispatch", "https://api.github.com/repos/acme/ml/dispatches", "GITHUB_TOKEN", null,
                    null), "{}", Map.of()));

    /** A denied secret stays denied until someone grants it: the delivery fails now, not after the DLQ's receives. */
    @Test
    void aSecretTheFunctionMayNotReadFailsTheDeliveryForGood() {
        AttemptResult result = attempter(SecretStoreException.Reason.ACCESS_DENIED).attempt(MESSAGE);

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Permanent.class, permanent -> {
            assertThat(permanent.reason()).isEqualTo("Access to secret wandb/tiny-ml/GITHUB_TOKEN denied");
            assertThat(permanent.attempt().statusCode()).isNull();
        });
    }

    /** A store that does not answer may answer later: the queue delivers the message again. */
    @Test
    void aSecretStoreThatDoesNotAnswerThrowsSoTheMessageComesBack() {
        DeliveryAttempter attempter = attempter(SecretStoreException.Reason.UNAVAILABLE);

        assertThatThrownBy(() -> attempter.attempt(MESSAGE)).isInstanceOf(SecretStoreException.class);
    }

    private static DeliveryAttempter attempter(SecretStoreException.Reason reason) {
        SecretStore store = ref -> {
            throw new SecretStoreException(reason, ref, reason == SecretStoreException.Reason.ACCESS_DENIED
                    ? "Access to secret wandb/" + ref.entity() + "/" + ref.name() + " denied"
                    : "AWS Secrets Manager did not answer", null);
        };
        DeliveryAttempter attempter = new DeliveryAttempter();
        attempter.planner = new Planner(store, new DestinationPolicy(false), new RunWindows(
                new InMemoryDeliveryStateStore(InstantSource.system()), false, Duration.ofHours(24),
                InstantSource.system()), Duration.ofSeconds(25));
        return attempter;
    }
}
