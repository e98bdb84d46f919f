package dev.webhookrelay.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.model.Artifact;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.Metric;
import dev.webhookrelay.model.NamedRef;
import dev.webhookrelay.model.Run;
import dev.webhookrelay.trigger.MetricReading;

class EventVariablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Event event(EventType type, String alias, Artifact artifact) {
        return new Event("evt-1", type, "frds", new Event.EntityRef("RW50", "tiny-ml"), new NamedRef("UHJv", "model-registry"),
                artifact, alias, null, new Run("3xk1q", "exp-7", "frds", "FINISHED"), new Metric("acc", List.of(0.5, 0.75)));
    }

    private static Artifact artifact(Integer versionIndex, String versionString, Map<String, JsonNode> metadata) {
        return new Artifact("QXJ0", new NamedRef("QXJ0U2Vx", "CIFAR_10"), versionIndex, versionString, metadata);
    }

    @Test
    void aliasEventsNameTheVersionByAlias() {
        Map<String, String> vars = EventVariables.of(event(EventType.ADD_ARTIFACT_ALIAS, "production", artifact(3, null, Map.of())));
        assertThat(vars).containsEntry("artifact_version_string", "tiny-ml/model-registry/CIFAR_10:production")
                .containsEntry("artifact_version", "wandb-artifact://_id/QXJ0")
                .containsEntry("artifact_version_index", "3")
                .containsEntry("alias", "production")
                .containsEntry("event_type", "ADD_ARTIFACT_ALIAS");
    }

    @Test
    void otherEventsNameTheVersionByIndex() {
        Map<String, String> vars = EventVariables.of(event(EventType.LINK_ARTIFACT, null, artifact(3, null, Map.of())));
        assertThat(vars).containsEntry("artifact_version_string", "tiny-ml/model-registry/CIFAR_10:v3")
                .containsEntry("event_type", "LINK_ARTIFACT")
                .containsEntry("alias", "");
    }

    @Test
    void aGivenVersionStringWins() {
        Map<String, String> vars = EventVariables.of(event(EventType.ADD_ARTIFACT_ALIAS, "production",
                artifact(3, "acme/wandb-registry-model/resnet:v3", Map.of())));
        assertThat(vars).containsEntry("artifact_version_string", "acme/wandb-registry-model/resnet:v3");
    }

    @Test
    void metadataValuesRenderAsTextOrCompactJson() throws Exception {
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        metadata.put("framework", JSON.readTree("\"torch\""));
        metadata.put("accuracy", JSON.readTree("0.93"));
        metadata.put("layers", JSON.readTree("{ \"n\" : [1, 2] }"));
        metadata.put("notes", JSON.readTree("null"));
        Map<String, String> vars = EventVariables.of(event(EventType.CREATE_ARTIFACT, null, artifact(0, null, metadata)));
        assertThat(vars).containsEntry("artifact_metadata.framework", "torch")
                .containsEntry("artifact_metadata.accuracy", "0.93")
                .containsEntry("artifact_metadata.layers", "{\"n\":[1,2]}")
                .containsEntry("artifact_metadata.notes", "");
    }

    @Test
    void runEventsHaveRunAndMetricVariablesAndBlankArtifactOnes() {
        Event run = new Event("evt-2", EventType.RUN_METRIC, "frds", new Event.EntityRef(null, "tiny-ml"),
                new NamedRef(null, "p"), null, null, null, new Run("3xk1q", "exp-7", "frds", "RUNNING"),
                new Metric("acc", List.of(0.5, 0.75)));
        assertThat(EventVariables.of(run)).containsEntry("run_id", "3xk1q")
                .containsEntry("run_name", "exp-7")
                .containsEntry("run_state", "RUNNING")
                .containsEntry("metric_name", "acc")
                .containsEntry("metric_value", "0.75")
                .containsEntry("artifact_version", "")
                .containsEntry("artifact_version_string", "")
                .containsEntry("artifact_collection_name", "");
    }

    @Test
    void runEventsHaveW_BsNamesBesideTheRelaysOwn() {
        Event run = new Event("evt-2", EventType.RUN_METRIC, "frds", new Event.EntityRef(null, "tiny-ml"),
                new NamedRef(null, "p"), null, null, null, new Run("3xk1q", "exp-7", "frds", "RUNNING"),
                new Metric("acc", Arrays.asList(0.5, null, Double.NaN, Double.POSITIVE_INFINITY, 1e-7, 0.75)));
        assertThat(EventVariables.of(run)).containsEntry("run_status", "RUNNING")
                .containsEntry("run_state", "RUNNING")
                .containsEntry("metric_values", "[0.5,null,\"NaN\",\"Infinity\",1.0E-7,0.75]")
                .containsEntry("metric_value", "0.75")
                .containsEntry("automation_name", "")
                .containsEntry("metric_filter", "")
                .containsEntry("metric_filter_short", "")
                .containsEntry("metric_current_status", "");
    }

    @Test
    void anAutomationAddsItsNameAndWhatItsMetricFilterRead() {
        Map<String, String> event = EventVariables.of(event(EventType.RUN_METRIC, null, null));
        MetricReading reading = new MetricReading("average of last 2 acc values is above 0.6", "avg(acc, 2) > 0.6",
                "0.625", List.of(0.5, 0.75));

        assertThat(EventVariables.forAutomation(event, "acc-above-0.6", reading))
                .containsEntry("automation_name", "acc-above-0.6")
                .containsEntry("metric_filter", "average of last 2 acc values is above 0.6")
                .containsEntry("metric_filter_short", "avg(acc, 2) > 0.6")
                .containsEntry("metric_current_status", "0.625")
                .containsEntry("metric_values", "[0.5,0.75]")
                .containsEntry("run_name", "exp-7");
        assertThat(EventVariables.forAutomation(event, "any-run", null))
                .containsEntry("automation_name", "any-run")
                .containsEntry("metric_filter", "")
                .containsEntry("metric_values", "[0.5,0.75]");
        assertThat(event).containsEntry("automation_name", "");
    }

    @Test
    void aTestWebhookHasNoAutomationOrEvent() {
        assertThat(EventVariables.withoutEvent("tiny-ml")).containsEntry("entity_name", "tiny-ml")
                .containsEntry("automation_name", "")
                .containsEntry("run_status", "")
                .containsEntry("metric_values", "");
    }

    @Test
    void everyDocumentedNameIsPresent() {
        Event bare = new Event(null, EventType.RUN_STATE, null, new Event.EntityRef(null, "t"), null, null, null, null,
                null, null);
        assertThat(EventVariables.of(bare)).containsKeys(EventVariables.NAMES.toArray(String[]::new));
    }
}
