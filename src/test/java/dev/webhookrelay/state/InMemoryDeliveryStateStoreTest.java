package dev.webhookrelay.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;

import org.junit.jupiter.api.Test;

class InMemoryDeliveryStateStoreTest extends DeliveryStateStoreContract {

    @Override
    DeliveryStateStore newStore(InstantSource clock) {
        return new InMemoryDeliveryStateStore(clock);
    }

    @Test
    void pastItsBoundTheStoreDropsTheOldestFinishedRecordsButNoQueuedOne() {
        DeliveryRecord queued = queued("dlv_queued", START);
        store.create(queued);
        for (int i = 0; i < InMemoryDeliveryStateStore.MAX_RECORDS; i++) {
            DeliveryRecord record = queued("dlv_" + i, START.plusSeconds(i));
            store.create(record);
            store.replace(record.withAttempt(attempt(START, 200), DeliveryStatus.DELIVERED, null,
                    START.plusSeconds(i), START.plus(TTL)), DeliveryStatus.QUEUED, 0);
        }

        assertThat(store.find("dlv_queued")).contains(queued);
        assertThat(store.find("dlv_0")).isEmpty();
        assertThat(store.find("dlv_" + (InMemoryDeliveryStateStore.MAX_RECORDS - 1))).isPresent();
    }
}
