package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12, destination-bound secrets, through the Lambda event path with the memory store: the seed file binds
 * {@code BOUND_TOKEN} to {@code http://127.0.0.1:9/allowed} and {@code BOUND_SIGNING_SECRET} to that and to
 * {@code https://api.github.com/repos/acme/}.
 */
@QuarkusTest
class DestinationBoundSecretsTest extends WithReceiver {

    @Test
    void boundSecretsAreUsedBelowTheirDestinations() {
        Relay.dryRun(bound(URI.create("http://127.0.0.1:9/allowed/hook")))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DRY_RUN"))
                .body("deliveries[0].request.headers.Authorization", equalTo("Bearer ***"));
    }

    @Test
    void aBoundTokenOutsideItsDestinationsIsA422NamingTheSecretAndTheUrl() {
        Relay.dispatch(bound(receiver.url("/allowed/hook")))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("integrations[0].accessTokenRef"))
                .body("detail", equalTo("Secret BOUND_TOKEN may not be sent to " + receiver.url("/allowed/hook")
                        + ": it is bound to other destinations"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aDestinationAdmitsWholePathSegmentsOnly() {
        Relay.dryRun(bound(URI.create("http://127.0.0.1:9/allowed-not")))
                .statusCode(422)
                .body("detail", equalTo("Secret BOUND_TOKEN may not be sent to http://127.0.0.1:9/allowed-not: it is "
                        + "bound to other destinations"));
    }

    @Test
    void aRefusalShowsNeitherUserInfoNorQuery() {
        Relay.dryRun(bound(URI.create("http://alice:pw@127.0.0.1:9/elsewhere?token=abc")))
                .statusCode(422)
                .body("detail", equalTo("Secret BOUND_TOKEN may not be sent to http://127.0.0.1:9/elsewhere: it is "
                        + "bound to other destinations"));
    }

    /** The token may go anywhere; the signing key, also a payload variable, may not. */
    @Test
    void aBoundSigningKeyOutsideItsDestinationsIsA422() {
        ObjectNode integration = Requests.integration("i1", receiver.url("/hook"));
        integration.put("secretRef", "BOUND_SIGNING_SECRET");

        Relay.dispatch(Requests.dispatch(integration,
                Requests.automation("a", "i1", "{\"s\": \"${BOUND_SIGNING_SECRET}\"}")))
                .statusCode(422)
                .body("errors[0].field", equalTo("integrations[0].secretRef"))
                .body("detail", equalTo("Secret BOUND_SIGNING_SECRET may not be sent to " + receiver.url("/hook")
                        + ": it is bound to other destinations"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aWebhookTestWithABoundSecretOutsideItsDestinationsIsA422() {
        ObjectNode test = Requests.JSON.createObjectNode();
        test.putObject("entity").put("name", "tiny-ml");
        test.set("integration", bound(receiver.url("/hook")).get("integrations").get(0));

        Relay.testWebhook(test)
                .statusCode(422)
                .body("errors[0].field", equalTo("integration.accessTokenRef"));
        assertThat(receiver.received()).isEmpty();
    }

    /** Returns the GitHub dispatch to {@code url} with the bound token and signing secret. */
    private static ObjectNode bound(URI url) {
        ObjectNode request = Requests.githubDispatch(url);
        ObjectNode integration = (ObjectNode) request.get("integrations").get(0);
        integration.put("accessTokenRef", "BOUND_TOKEN");
        integration.put("secretRef", "BOUND_SIGNING_SECRET");
        return request;
    }
}
