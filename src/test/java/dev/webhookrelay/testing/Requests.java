package dev.webhookrelay.testing;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds dispatch requests for tests from one realistic base: an {@code ADD_ARTIFACT_ALIAS} event of entity
 * {@code tiny-ml} and a GitHub-dispatch automation whose payload template is a JSON string, as W&B stores it.
 */
public final class Requests {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** W&B's GitHub repository-dispatch example template. */
    public static final String GITHUB_TEMPLATE = """
            {"event_type": "BUILD_AND_DEPLOY", "client_payload": {"event_author": "${event_author}", \
            "artifact_version": "${artifact_version}", "artifact_version_string": "${artifact_version_string}", \
            "artifact_collection_name": "${artifact_collection_name}", "project_name": "${project_name}", \
            "entity_name": "${entity_name}", "alias": "${alias}", "event_type": "${event_type}"}}""";

    private Requests() {
    }

    /** Returns the sample event: alias {@code production} added to {@code CIFAR_10} v0. */
    public static ObjectNode event() {
        return (ObjectNode) parse("""
                {
                  "id": "evt-0001",
                  "eventType": "ADD_ARTIFACT_ALIAS",
                  "author": "frds",
                  "entity":  {"id": "RW50aXR5OjE=", "name": "tiny-ml"},
                  "project": {"id": "UHJvamVjdDoxMjM=", "name": "model-registry"},
                  "artifact": {
                    "id": "QXJ0aWZhY3Q6NjI0OTY3Mzkw",
                    "collection": {"id": "QXJ0aWZhY3RTZXF1ZW5jZToxMjM=", "name": "CIFAR_10"},
                    "versionIndex": 0,
                    "versionString": null,
                    "metadata": {"accuracy": 0.93, "framework": "torch"}
                  },
                  "alias": "production",
                  "tag": null,
                  "run": {"id": "3xk1q", "displayName": "exp-7", "username": "frds", "state": "FINISHED"},
                  "metric": {"name": "acc", "values": [0.61, 0.64, 0.70]}
                }""");
    }

    /** Returns an integration that posts to {@code url} with the seeded token and signing secret. */
    public static ObjectNode integration(String id, URI url) {
        ObjectNode integration = JSON.createObjectNode();
        integration.put("id", id);
        integration.put("name", "github-dispatch");
        integration.put("urlEndpoint", url.toString());
        integration.put("accessTokenRef", "GITHUB_TOKEN");
        integration.put("secretRef", "SIGNING_SECRET");
        return integration;
    }

    /** Returns an automation on alias events that sends {@code template} (a JSON string) to {@code integrationId}. */
    public static ObjectNode automation(String name, String integrationId, String template) {
        ObjectNode automation = (ObjectNode) parse("""
                {
                  "name": "%s",
                  "description": "deploy when an alias is added",
                  "enabled": true,
                  "scopeType": "PROJECT",
                  "scopeID": "UHJvamVjdDoxMjM=",
                  "triggeringEventType": "ADD_ARTIFACT_ALIAS",
                  "eventFilter": "{\\"$or\\":[{\\"$and\\":[]}]}",
                  "triggeredActionType": "GENERIC_WEBHOOK",
                  "triggeredActionConfig": {"genericWebhookActionInput": {"integrationID": "%s"}}
                }""".formatted(name, integrationId));
        ((ObjectNode) automation.at("/triggeredActionConfig/genericWebhookActionInput")).put("requestPayload", template);
        return automation;
    }

    /** Returns a dispatch request of the sample event with the given integrations and automations. */
    public static ObjectNode dispatch(JsonNode integrations, JsonNode... automations) {
        ObjectNode request = JSON.createObjectNode();
        request.set("event", event());
        request.set("integrations", integrations.isArray() ? integrations : JSON.createArrayNode().add(integrations));
        ArrayNode list = request.putArray("automations");
        for (JsonNode automation : automations) {
            list.add(automation);
        }
        return request;
    }

    /** Returns the one-integration, one-automation request that delivers W&B's GitHub example to {@code url}. */
    public static ObjectNode githubDispatch(URI url) {
        return dispatch(integration("SW50ZWdyYXRpb246MQ==", url),
                automation("deploy-on-prod", "SW50ZWdyYXRpb246MQ==", GITHUB_TEMPLATE));
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
