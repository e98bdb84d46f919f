package dev.webhookrelay.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.InstantSource;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import dev.webhookrelay.secrets.MotoServer;

/** The DynamoDB store against moto's DynamoDB, a real local AWS API (issue 11). */
class DynamoDbDeliveryStateStoreTest extends DeliveryStateStoreContract {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    DeliveryStateStore newStore(InstantSource clock) {
        MOTO.reset();
        StatusTables.create(MOTO, StatusTables.NAME);
        return new DynamoDbDeliveryStateStore(StatusTables.NAME, () -> StatusTables.client(MOTO), MAPPER, clock);
    }

    @AfterEach
    void closeStore() {
        ((DynamoDbDeliveryStateStore) store).close();
    }

    @Test
    void theItemCarriesTheTtlAttributeInEpochSeconds() {
        store.create(queued("dlv_1", START));

        try (DynamoDbClient client = StatusTables.client(MOTO)) {
            Map<String, AttributeValue> item = client.getItem(request -> request.tableName(StatusTables.NAME)
                    .key(Map.of("deliveryId", AttributeValue.fromS("dlv_1")))).item();
            assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(START.plus(TTL).getEpochSecond()));
            assertThat(client.describeTimeToLive(request -> request.tableName(StatusTables.NAME))
                    .timeToLiveDescription().attributeName()).isEqualTo("expiresAt");
        }
    }

    @Test
    void withoutATableEveryCallFailsNamingTheKeyButTheStoreBuilds() {
        DeliveryStateStore unconfigured = new DynamoDbDeliveryStateStore(null, () -> StatusTables.client(MOTO), MAPPER,
                clock);

        assertThatThrownBy(() -> unconfigured.find("dlv_1"))
                .isInstanceOf(StateStoreException.class)
                .hasMessage("relay.state.dynamodb.table must name the status table when relay.state.store=dynamodb"
                        + " (RELAY_STATE_DYNAMODB_TABLE)");
    }
}
