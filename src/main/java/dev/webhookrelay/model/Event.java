package dev.webhookrelay.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.webhookrelay.secrets.SecretRef;

/**
 * One W&B event: what happened ({@code eventType}), where ({@code entity}, {@code project}) and to what (an artifact
 * version with its {@code alias} or {@code tag}, or a {@code run} with its recent {@code metric} values). Only
 * {@code eventType} and the entity's name are required; the parts that do not apply to an event type may be absent.
 */
public record Event(
        String id,
        @NotNull(message = "is required") EventType eventType,
        String author,
        @NotNull(message = "is required") @Valid EntityRef entity,
        NamedRef project,
        Artifact artifact,
        String alias,
        String tag,
        Run run,
        Metric metric) {

    /** The entity (team) that owns the event; its name scopes every secret lookup. */
    public record EntityRef(
            String id,
            @NotNull(message = "is required") @Pattern(regexp = SecretRef.ENTITY_NAME, message = "must be an entity name: letters, digits, hyphens and underscores") String name) {
    }
}
