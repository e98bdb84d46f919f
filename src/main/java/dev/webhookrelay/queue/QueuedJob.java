package dev.webhookrelay.queue;

import java.util.Map;
import java.util.Objects;

import dev.webhookrelay.model.Integration;

/**
 * What every attempt of an async delivery renders, signs and sends again: the {@code entity} whose secrets it uses, the
 * {@code automation}, the {@code integration} (secret names only), the payload {@code template} as written and the event
 * {@code variables}. Secret values are not part of it: each attempt resolves them again. Immutable.
 */
public record QueuedJob(String entity, String automation, Integration integration, String template,
        Map<String, String> variables) {

    public QueuedJob {
        Objects.requireNonNull(entity, "entity == null");
        Objects.requireNonNull(automation, "automation == null");
        Objects.requireNonNull(integration, "integration == null");
        Objects.requireNonNull(template, "template == null");
        variables = Map.copyOf(variables);
    }
}
