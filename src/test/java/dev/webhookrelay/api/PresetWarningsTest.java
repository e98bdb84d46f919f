package dev.webhookrelay.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Through the Lambda event path, a delivery to a recognised target (here GitHub Enterprise Server's repository-dispatch
 * path, on a loopback receiver) reports the target's broken limits as warnings, and is still sent as rendered.
 */
@QuarkusTest
class PresetWarningsTest extends WithReceiver {

    @Test
    void tooLongGithubEventTypeIsAWarning() {
        String eventType = "deploy-" + "x".repeat(94); // 101 characters
        ObjectNode request = Requests.dispatch(
                Requests.integration("i1", receiver.url("/api/v3/repos/acme/ml/dispatches")),
                Requests.automation("deploy", "i1", "{\"event_type\": \"" + eventType + "\", \"client_payload\": {}}"));

        Relay.dispatch(request)
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"))
                .body("deliveries[0].warnings", contains(
                        "GitHub repository_dispatch: event_type is 101 characters; GitHub accepts at most 100"));
        receiver.takeRequest(Duration.ofSeconds(5));
    }

    @Test
    void bodyWithinTheLimitsHasNoWarning() {
        ObjectNode request = Requests.dispatch(
                Requests.integration("i1", receiver.url("/api/v3/repos/acme/ml/dispatches")),
                Requests.automation("deploy", "i1", Requests.GITHUB_TEMPLATE));

        Relay.dryRun(request)
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DRY_RUN"))
                .body("deliveries[0].warnings", empty());
    }
}
