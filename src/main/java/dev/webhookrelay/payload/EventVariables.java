package dev.webhookrelay.payload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.model.Artifact;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.NamedRef;
import dev.webhookrelay.trigger.MetricReading;

/**
 * The W&B payload variables of an event, by name without {@code ${}}. Every documented variable is present; one that
 * does not apply to the event is the empty string. {@code artifact_metadata.<KEY>} is present for each top-level metadata
 * key; a non-string metadata value is its compact JSON text. The variables of one automation
 * ({@link #forAutomation}) add its name and what its metric filter read to the event's. docs/automations.md has the
 * table of every variable and the events that give it a value.
 */
public final class EventVariables {

    /**
     * The variable names every event has: W&B's (its webhook page and the template variables of its automation actions)
     * and the relay's own, {@code run_id}, {@code run_state} (W&B's {@code run_status}) and {@code metric_value} (the
     * latest value).
     */
    public static final List<String> NAMES = List.of(
            "automation_name", "project_name", "entity_name", "event_type", "event_author", "alias", "tag",
            "artifact_collection_name", "artifact_version", "artifact_version_string", "artifact_version_index",
            "run_id", "run_name", "run_status", "run_state", "metric_name", "metric_values", "metric_value",
            "metric_filter", "metric_filter_short", "metric_current_status");

    /** The prefix of the per-key metadata variables. */
    public static final String METADATA_PREFIX = "artifact_metadata.";

    private EventVariables() {
    }

    /**
     * Returns the variables of {@code event}, shared by its automations: those of one automation
     * ({@code automation_name}, {@code metric_filter}, {@code metric_filter_short}, {@code metric_current_status})
     * are blank, and {@code metric_values} holds all the event's values.
     */
    public static Map<String, String> of(Event event) {
        Map<String, String> vars = blank();
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
        String state = event.run() == null ? "" : text(event.run().state());
        vars.put("run_status", state);
        vars.put("run_state", state);
        vars.put("metric_name", event.metric() == null ? "" : text(event.metric().name()));
        vars.put("metric_values", event.metric() == null ? "" : jsonArray(event.metric().values()));
        vars.put("metric_value", latestMetricValue(event));
        if (artifact != null) {
            for (Map.Entry<String, JsonNode> entry : artifact.metadata().entrySet()) {
                vars.put(METADATA_PREFIX + entry.getKey(), jsonText(entry.getValue()));
            }
        }
        return vars;
    }

    /**
     * Returns the variables of {@code automation} on an event whose variables are {@code eventVariables}: its name and,
     * when it fired on a run metric filter, what the filter read, with {@code metric_values} narrowed to the values
     * the filter read.
     */
    public static Map<String, String> forAutomation(Map<String, String> eventVariables, String automation,
            MetricReading metric) {
        Map<String, String> vars = new HashMap<>(eventVariables);
        vars.put("automation_name", automation);
        if (metric != null) {
            vars.put("metric_filter", metric.filter());
            vars.put("metric_filter_short", metric.filterShort());
            vars.put("metric_current_status", metric.currentStatus());
            vars.put("metric_values", jsonArray(metric.values()));
        }
        return vars;
    }

    /**
     * Returns the variables of a delivery without an event or automation, such as W&B's "Test webhook": every
     * documented name, all blank but {@code entity_name}.
     */
    public static Map<String, String> withoutEvent(String entityName) {
        Map<String, String> vars = blank();
        vars.put("entity_name", entityName);
        return vars;
    }

    private static Map<String, String> blank() {
        Map<String, String> vars = new HashMap<>();
        for (String name : NAMES) {
            vars.put(name, "");
        }
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

    /**
     * Returns metric values as compact JSON, as the request gives them: {@code [0.61,0.64,"NaN",null]}, with NaN and the
     * infinities as strings, as {@code event.metric.values} accepts them.
     */
    private static String jsonArray(List<Double> values) {
        StringBuilder json = new StringBuilder("[");
        for (Double value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            if (value == null) {
                json.append("null");
            } else if (value.isNaN() || value.isInfinite()) {
                json.append('"').append(value).append('"');
            } else {
                json.append(value);
            }
        }
        return json.append(']').toString();
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
