package dev.webhookrelay.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.Integration;
import dev.webhookrelay.secrets.InMemorySecretStore;
import dev.webhookrelay.secrets.Secret;
import dev.webhookrelay.secrets.SecretRef;
import dev.webhookrelay.testing.Requests;

/** The planner outside CDI (issue 10): each automation becomes a delivery to send or a finished skip, nothing sent. */
class PlannerTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final URI TARGET = URI.create("https://example.com/hook");

    private final Planner planner = new Planner(new InMemorySecretStore(Map.of(
            new SecretRef("tiny-ml", "GITHUB_TOKEN"), Secret.of("tok"),
            new SecretRef("tiny-ml", "SIGNING_SECRET"), Secret.of("sig"))), Duration.ofSeconds(25));

    private final Event event = JSON.convertValue(Requests.event(), Event.class);
    private final Integration integration = JSON.convertValue(Requests.integration("i1", TARGET), Integration.class);

    @Test
    void plansADeliveryForAnAutomationThatFiresAndAFinishedSkipForOneThatDoesNot() {
        ObjectNode tagged = Requests.automation("on-tag", "i1", "{}");
        tagged.put("triggeringEventType", "ADD_ARTIFACT_TAG");

        Plan plan = planner.plan(event, List.of(integration),
                List.of(automation(Requests.automation("on-alias", "i1", "{\"a\": \"${alias}\"}")), automation(tagged)));

        assertThat(plan.metered()).isTrue();
        assertThat(plan.automations()).hasSize(2);
        Planned.Send send = (Planned.Send) plan.automations().get(0);
        assertThat(send.delivery().request().body()).asString().isEqualTo("{\"a\": \"production\"}");
        assertThat(send.delivery().reported().headers()).containsEntry("Authorization", "Bearer ***");
        Planned.Skip skip = (Planned.Skip) plan.automations().get(1);
        assertThat(skip.report().outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(skip.report().reason()).isEqualTo("automation watches ADD_ARTIFACT_TAG, event is ADD_ARTIFACT_ALIAS");
    }

    @Test
    void checksTheTemplateOfAnAutomationThatDoesNotFire() {
        ObjectNode tagged = Requests.automation("on-tag", "i1", "[1]");
        tagged.put("triggeringEventType", "ADD_ARTIFACT_TAG");

        assertThatThrownBy(() -> planner.plan(event, List.of(integration), List.of(automation(tagged))))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("automations[0].triggeredActionConfig.genericWebhookActionInput.requestPayload");
    }

    @Test
    void testWebhookIsOneUnmeteredDeliveryWithARandomId() {
        Plan first = planner.planTest(event.entity(), integration, null);
        Plan second = planner.planTest(event.entity(), integration, null);

        assertThat(first.metered()).isFalse();
        PreparedDelivery delivery = ((Planned.Send) first.automations().get(0)).delivery();
        assertThat(delivery.automation()).isEqualTo(Planner.TEST_AUTOMATION);
        assertThat(delivery.deliveryId()).matches("dlv_[0-9a-f]{32}")
                .isNotEqualTo(((Planned.Send) second.automations().get(0)).delivery().deliveryId());
    }

    private static Automation automation(ObjectNode json) {
        return JSON.convertValue(json, Automation.class);
    }
}
