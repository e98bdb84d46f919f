package dev.webhookrelay.payload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.model.Artifact;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.NamedRef;

/**
 * The W&B payload variables of an event, by name without {@code ${}}. Every documented variable is present; one that
 * does not apply to the event is the empty string. {@code artifact_metadata.<KEY>} is present for each top-level metadata
 * key; a non-string metadata value is its compact JSON text.
 */
public final class EventVariables {

    /** The variable names every event has, documented by W&B and extended by the relay. */
    public static final List<String> NAMES = List.of(
            "project_name", "entity_name", "event_type", "event_author", "alias", "tag", "artifact_collection_name",
            "artifact_version", "artifact_version_string", "artifact_version_index", "run_id", "run_name",
            "run_state", "metric_name", "metric_value");

    /** The prefix of the per-key metadata variables. */
    public static final String METADATA_PREFIX = "artifact_metadata.";

    private EventVariables() {
    }

    /** Returns the variables of {@code event}. */
    public static Map<String, String> of(Event event) {
        Map<String, String> vars = new HashMap<>();
        Artifact artifact = event.artifact();
        String collection = artifact == null ? null : name(artifact.collection());
        vars.put("project_name", text(name(event.project())));
        vars.put("entity_name", text(event.entity().name()));
        vars.put("event_type", event.eventType().name());
        vars.put("event_author", text(event.author()));
        vars.put("alias", text(event.alias()));
        vars.put("tag", text(event.tag()));
        vars.put("artifact_collection_name", text(collection));
        vars.put("artifact_version", artifact == null || artifact.id() == null ? ""
                : "wandb-artifact://_id/" + artifact.id());
        vars.put("artifact_version_string", versionString(event, collection));
        vars.put("artifact_version_index", artifact == null || artifact.versionIndex() == null ? ""
                : artifact.versionIndex().toString());
        vars.put("run_id", event.run() == null ? "" : text(event.run().id()));
        vars.put("run_name", event.run() == null ? "" : text(event.run().displayName()));
        vars.put("run_state", event.run() == null ? "" : text(event.run().state()));
        vars.put("metric_name", event.metric() == null ? "" : text(event.metric().name()));
        vars.put("metric_value", latestMetricValue(event));
        if (artifact != null) {
            for (Map.Entry<String, JsonNode> entry : artifact.metadata().entrySet()) {
                vars.put(METADATA_PREFIX + entry.getKey(), jsonText(entry.getValue()));
            }
        }
        return vars;
    }

    /**
     * Returns the variables of a delivery without an event, such as W&B's "Test webhook": every documented name, all
     * blank but {@code entity_name}.
     */
    public static Map<String, String> withoutEvent(String entityName) {
        Map<String, String> vars = new HashMap<>();
        for (String name : NAMES) {
            vars.put(name, "");
        }
        vars.put("entity_name", entityName);
        return vars;
    }

    /**
     * W&B's {@code entity/project/collection:<alias>} on alias events and {@code :v<index>} otherwise, unless the
     * event gives the version string itself.
     */
    private static String versionString(Event event, String collection) {
        Artifact artifact = event.artifact();
        if (artifact == null) {
            return "";
        }
        if (artifact.versionString() != null) {
            return artifact.versionString();
        }
        String version;
        if (event.eventType() == EventType.ADD_ARTIFACT_ALIAS && event.alias() != null) {
            version = event.alias();
        } else if (artifact.versionIndex() != null) {
            version = "v" + artifact.versionIndex();
        } else {
            return "";
        }
        String project = name(event.project());
        if (collection == null || project == null) {
            return "";
        }
        return event.entity().name() + "/" + project + "/" + collection + ":" + version;
    }

    private static String latestMetricValue(Event event) {
        if (event.metric() == null || event.metric().values().isEmpty()) {
            return "";
        }
        Double latest = event.metric().values().get(event.metric().values().size() - 1);
        return latest == null ? "" : latest.toString();
    }

    private static String jsonText(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String name(NamedRef ref) {
        return ref == null ? null : ref.name();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
