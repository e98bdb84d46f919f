package dev.webhookrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Relay;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.WithReceiver;
import dev.webhookrelay.trigger.TriggerEvaluator;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12: requests sized to exhaust the function get a 422 naming the field, and nothing is sent.
 */
@QuarkusTest
class HostileSizesTest extends WithReceiver {

    private static final String TEMPLATE_FIELD =
            "automations[%d].triggeredActionConfig.genericWebhookActionInput.requestPayload";

    @Test
    void filterOverTheCapIsA422NamingTheFilterAndTheLimit() {
        ObjectNode automation = Requests.automation("huge-filter", "i1", "{}");
        String padding = "y".repeat(TriggerEvaluator.MAX_FILTER_CHARS);
        automation.put("eventFilter", "{\"$or\":[{\"alias\":\"" + padding + "\"}]}");

        Relay.dispatch(Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automation))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("automations[0].eventFilter"))
                .body("detail", equalTo("Event filter is 65558 characters; the limit is 65536 characters"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void amplifyingTemplateIsA422NamingTheTemplateAndNothingIsSent() {
        // The case: 7,000 ${alias} of 600 KB of '<', each escaped to 6 bytes: about 25 GB if rendered whole.
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")),
                Requests.automation("amplified", "i1", "{\"a\": \"" + "${alias}".repeat(7_000) + "\"}"));
        ((ObjectNode) request.get("event")).put("alias", "<".repeat(600 * 1024));

        Relay.dispatch(request)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(TEMPLATE_FIELD.formatted(0)))
                .body("detail", equalTo("Rendered payload is over the limit of 524288 bytes"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void payloadsOfOneRequestOverTheTotalBudgetAreA422NamingTheFirstOverIt() {
        // Nine payloads of 512,008 bytes, each under its own limit: the ninth passes 4 MiB in all.
        ObjectNode[] automations = new ObjectNode[9];
        for (int i = 0; i < automations.length; i++) {
            automations[i] = Requests.automation("big-" + i, "i1",
                    "{\"a\": \"" + "${artifact_metadata.blob}".repeat(5) + "\"}");
        }
        ObjectNode request = Requests.dispatch(Requests.integration("i1", receiver.url("/hook")), automations);
        ((ObjectNode) request.at("/event/artifact/metadata")).put("blob", "y".repeat(100 * 1024));

        Relay.dispatch(request)
                .statusCode(422)
                .body("errors[0].field", equalTo(TEMPLATE_FIELD.formatted(8)))
                .body("detail", equalTo("Rendered payloads of this request are over the limit of 4194304 bytes in all"));
        assertThat(receiver.received()).isEmpty();
    }
}
