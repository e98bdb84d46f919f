package dev.webhookrelay.state;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import dev.webhookrelay.secrets.MotoServer;

/** The status table as template.yaml declares it, created on a moto server. */
public final class StatusTables {

    public static final String NAME = "webhook-relay-deliveries";

    private StatusTables() {
    }

    /** Returns a DynamoDB client for {@code moto}, with its dummy credentials. */
    public static DynamoDbClient client(MotoServer moto) {
        return DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(MotoServer.REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(MotoServer.CREDENTIALS)
                .build();
    }

    /** Creates the table {@code name}: on demand, partition key {@code deliveryId}, TTL on {@code expiresAt}. */
    public static void create(MotoServer moto, String name) {
        try (DynamoDbClient client = client(moto)) {
            client.createTable(request -> request.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(key -> key.attributeName(DynamoDbDeliveryStateStore.ID).keyType(KeyType.HASH))
                    .attributeDefinitions(attribute -> attribute.attributeName(DynamoDbDeliveryStateStore.ID)
                            .attributeType(ScalarAttributeType.S)));
            client.updateTimeToLive(request -> request.tableName(name).timeToLiveSpecification(
                    ttl -> ttl.attributeName(DynamoDbDeliveryStateStore.EXPIRES_AT).enabled(true)));
        }
    }
}
