package dev.webhookrelay.runwindow;

import java.time.InstantSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.webhookrelay.secrets.MotoServer;
import dev.webhookrelay.state.DeliveryStateStore;
import dev.webhookrelay.state.DynamoDbDeliveryStateStore;
import dev.webhookrelay.state.StatusTables;

/**
 * Run windows on the DynamoDB store, against moto's DynamoDB: the claim is DynamoDB's conditional write, so concurrent
 * claims are decided by the table, not by this process.
 */
class DynamoDbRunWindowsTest extends RunWindowsContract {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private DynamoDbDeliveryStateStore store;

    @Override
    DeliveryStateStore newStore(InstantSource clock) {
        MOTO.reset();
        StatusTables.create(MOTO, StatusTables.NAME);
        store = new DynamoDbDeliveryStateStore(StatusTables.NAME, () -> StatusTables.client(MOTO), MAPPER, clock);
        return store;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
