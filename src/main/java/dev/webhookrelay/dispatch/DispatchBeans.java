package dev.webhookrelay.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.webhookrelay.delivery.Deliverer;
import dev.webhookrelay.delivery.DeliveryConfig;
import dev.webhookrelay.metrics.DispatchMetrics;
import dev.webhookrelay.secrets.SecretStore;

/** The CDI wiring of the dispatch flow: one {@link Planner} and one {@link Sender}, built from their beans. */
@ApplicationScoped
class DispatchBeans {

    @Produces
    @Singleton
    Planner planner(SecretStore store, DeliveryConfig config) {
        return new Planner(store, config.deadline());
    }

    @Produces
    @Singleton
    Sender sender(Deliverer deliverer, DeliveryLog log, DispatchMetrics metrics) {
        return new Sender(deliverer, log, metrics);
    }
}
