package dev.webhookrelay.trigger;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.webhookrelay.model.Artifact;
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.Metric;
import dev.webhookrelay.model.NamedRef;
import dev.webhookrelay.model.Run;
import dev.webhookrelay.model.ScopeType;

/** Events and automations for trigger tests, from the API.md sample: entity tiny-ml, project model-registry. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROJECT_ID = "UHJvamVjdDoxMjM=";
    static final String COLLECTION_ID = "QXJ0aWZhY3RTZXF1ZW5jZToxMjM=";

    private Fixtures() {
    }

    /** Returns an artifact event of {@code type} on CIFAR_10 v0 with {@code alias} and {@code tag} (either null). */
    static Event artifactEvent(EventType type, String alias, String tag) {
        return new Event("evt-1", type, "frds", new Event.EntityRef("RW50aXR5OjE=", "tiny-ml"),
                new NamedRef(PROJECT_ID, "model-registry"),
                new Artifact("QXJ0aWZhY3Q6NjI0OTY3Mzkw", new NamedRef(COLLECTION_ID, "CIFAR_10"), 0, null, null),
                alias, tag, null, null);
    }

    /** Returns an {@code ADD_ARTIFACT_ALIAS} event adding {@code alias}. */
    static Event aliasEvent(String alias) {
        return artifactEvent(EventType.ADD_ARTIFACT_ALIAS, alias, null);
    }

    /** Returns a run event of {@code type} for run exp-7 of frds in state FINISHED, with no metric. */
    static Event runEvent(EventType type) {
        return runEvent(type, "exp-7", "frds", "FINISHED", null);
    }

    /** Returns a run event of {@code type} for the given run, with {@code metric} (may be null). */
    static Event runEvent(EventType type, String displayName, String username, String state, Metric metric) {
        return new Event("evt-2", type, "frds", new Event.EntityRef("RW50aXR5OjE=", "tiny-ml"),
                new NamedRef(PROJECT_ID, "model-registry"), null, null, null,
                new Run("3xk1q", displayName, username, state), metric);
    }

    /** Returns a run event of {@code type} for run exp-7 with metric {@code name} and its {@code values}. */
    static Event metricEvent(EventType type, String name, Double... values) {
        return runEvent(type, "exp-7", "frds", "RUNNING", new Metric(name, Arrays.asList(values)));
    }

    /** Returns a run event of {@code type} whose metric values are the comma-separated {@code csv}. */
    static Event metricEvent(EventType type, String name, String csv) {
        Double[] values = csv == null || csv.isBlank() ? new Double[0]
                : Arrays.stream(csv.split(",")).map(String::trim).map(Fixtures::number).toArray(Double[]::new);
        return metricEvent(type, name, values);
    }

    /** Returns an enabled automation on {@code type} events, unscoped, with {@code filter} as W&B stores it. */
    static Automation automation(EventType type, String filter) {
        return automation(type, filter == null ? null : TextNode.valueOf(filter));
    }

    /** Returns an enabled automation on {@code type} events, unscoped, with the {@code eventFilter} node. */
    static Automation automation(EventType type, JsonNode eventFilter) {
        return new Automation(null, "deploy-on-prod", null, true, null, null, type, eventFilter, "GENERIC_WEBHOOK",
                new Automation.TriggeredActionConfig(new Automation.WebhookAction("SW50ZWdyYXRpb246MQ==", null)));
    }

    /** Returns {@code automation} with another enabled flag and scope. */
    static Automation with(Automation automation, boolean enabled, ScopeType scopeType, String scopeID) {
        return new Automation(automation.id(), automation.name(), null, enabled, scopeType, scopeID, automation.triggeringEventType(),
                automation.eventFilter(), automation.triggeredActionType(), automation.triggeredActionConfig());
    }

    /** Returns the SDK's mutation filter with {@code conditions} (comma-separated objects) under its $or/$and. */
    static String sdkFilter(String conditions) {
        return "{\"$or\":[{\"$and\":[" + (conditions == null ? "" : conditions) + "]}]}";
    }

    /** Returns the SDK's run filter JSON string literal for {@code conditions}, escaped for nesting. */
    static String runFilter(String conditions) {
        return quoted("{\"$and\":[" + (conditions == null ? "" : conditions) + "]}");
    }

    /** Returns {@code json} as a JSON string literal. */
    static String quoted(String json) {
        return TextNode.valueOf(json).toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Double number(String text) {
        return text.equals("null") ? null : Double.valueOf(text);
    }
}
