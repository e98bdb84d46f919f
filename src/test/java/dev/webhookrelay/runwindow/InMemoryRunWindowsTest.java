package dev.webhookrelay.runwindow;

import java.time.InstantSource;

import dev.webhookrelay.state.DeliveryStateStore;
import dev.webhookrelay.state.InMemoryDeliveryStateStore;

/** Run windows on the memory store of dev and tests. */
class InMemoryRunWindowsTest extends RunWindowsContract {

    @Override
    DeliveryStateStore newStore(InstantSource clock) {
        return new InMemoryDeliveryStateStore(clock);
    }
}
