package dev.webhookrelay.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.model.Event.EntityRef;
import dev.webhookrelay.model.Integration;

/**
 * The body of {@code POST /v1/webhooks/test}, W&B's "Test webhook": the entity whose secrets the integration uses, the
 * integration, and an optional payload (a JSON object or a JSON string holding one; {@code {}} when absent).
 */
public record WebhookTestRequest(
        @NotNull(message = "is required") @Valid EntityRef entity,
        @NotNull(message = "is required") @Valid Integration integration,
        JsonNode payload) {
}
