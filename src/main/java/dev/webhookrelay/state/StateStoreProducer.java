package dev.webhookrelay.state;

import java.time.InstantSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * Builds the one {@link DeliveryStateStore} that {@code relay.state.store} selects, at start-up; the DynamoDB client
 * inside it is built on first use.
 */
@ApplicationScoped
class StateStoreProducer {

    private volatile DynamoDbDeliveryStateStore dynamodb;

    @Produces
    @ApplicationScoped
    @Startup
    DeliveryStateStore deliveryStateStore(StateConfig config, ObjectMapper mapper) {
        return switch (config.store()) {
            case MEMORY -> new InMemoryDeliveryStateStore(InstantSource.system());
            case DYNAMODB -> {
                dynamodb = DynamoDbDeliveryStateStore.create(config.dynamodb(), mapper, InstantSource.system());
                yield dynamodb;
            }
        };
    }

    @PreDestroy
    void close() {
        DynamoDbDeliveryStateStore built = dynamodb;
        if (built != null) {
            built.close();
        }
    }
}
