package dev.webhookrelay.dispatch;

import dev.webhookrelay.model.Integration;

/**
 * One delivery to prepare: which {@code automation} sends which {@code template} to which {@code integration} for which
 * {@code entity}, with where the integration and template stand in the request, for error messages. An async delivery
 * is queued as this job and its event variables, with no secret value (the integration names its secrets). Immutable.
 */
public record DeliveryJob(
        String automation,
        String entity,
        Integration integration,
        String integrationField,
        String template,
        String templateField,
        String deliveryId) {
}
