package dev.webhookrelay.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A W&B automation in the shape of the SDK's {@code CreateFilterTriggerInput}. {@code eventFilter} is kept as given (a
 * JSON string, as W&B stores it, or a JSON value); the trigger box interprets it. {@code enabled} defaults to true.
 * {@code id}, W&B's id of a saved automation, is optional: when given, it rather than the name identifies the automation
 * in its once-per-run window.
 */
public record Automation(
        String id,
        @NotBlank(message = "is required") String name,
        String description,
        Boolean enabled,
        ScopeType scopeType,
        String scopeID,
        @NotNull(message = "is required") EventType triggeringEventType,
        JsonNode eventFilter,
        String triggeredActionType,
        @NotNull(message = "is required") @Valid TriggeredActionConfig triggeredActionConfig) {

    public Automation {
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    /** Returns the webhook action this automation runs. */
    public WebhookAction action() {
        return triggeredActionConfig.genericWebhookActionInput();
    }

    /** The SDK's {@code triggeredActionConfig}; only generic webhooks are relayed. */
    public record TriggeredActionConfig(@NotNull(message = "is required") @Valid WebhookAction genericWebhookActionInput) {
    }

    /**
     * The SDK's {@code genericWebhookActionInput}: which integration to call and the payload template, a JSON string as
     * W&B stores it or a JSON object. An absent template sends {@code {}}.
     */
    public record WebhookAction(@NotBlank(message = "is required") String integrationID, JsonNode requestPayload) {
    }
}
