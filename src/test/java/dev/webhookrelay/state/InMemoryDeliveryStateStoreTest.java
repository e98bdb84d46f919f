package dev.webhookrelay.state;

import java.time.InstantSource;

class InMemoryDeliveryStateStoreTest extends DeliveryStateStoreContract {

    @Override
    DeliveryStateStore newStore(InstantSource clock) {
        return new InMemoryDeliveryStateStore(clock);
    }
}
