package dev.webhookrelay.state;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import dev.webhookrelay.aws.AwsClient;

/**
 * A {@link DeliveryStateStore} on an Amazon DynamoDB table: one item per delivery, partition key {@code deliveryId},
 * TTL attribute {@code expiresAt} (epoch seconds). DynamoDB deletes expired items lazily, up to days late, so every read
 * and every condition also compares {@code expiresAt} with the clock. {@link #create} is a {@code PutItem} conditioned
 * on {@code attribute_not_exists(deliveryId)} (or an expired item); {@link #replace} is a {@code PutItem} conditioned
 * on the expected status and attempt count; reads are strongly consistent. {@link #failedSince} scans the table (a
 * rare operator action after an outage), filtering on status, time and entity in DynamoDB. The client (SDK v2,
 * URL-connection HTTP client) is built on first use. Safe for concurrent use.
 */
public final class DynamoDbDeliveryStateStore implements DeliveryStateStore, AutoCloseable {

    static final String ID = "deliveryId";
    static final String EXPIRES_AT = "expiresAt";
    private static final String ENTITY = "entity";
    private static final String AUTOMATION = "automation";
    private static final String INTEGRATION = "integration";
    private static final String STATUS = "status";
    private static final String ATTEMPT_COUNT = "attemptCount";
    private static final String ATTEMPTS = "attempts";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String JOB = "job";

    private static final TypeReference<List<AttemptRecord>> ATTEMPT_LIST = new TypeReference<>() {
    };

    /** The table's name, or null when none is configured: every call then fails, naming the key. */
    private final String table;
    private final AwsClient<DynamoDbClient> client;
    private final ObjectMapper mapper;
    private final InstantSource clock;

    public DynamoDbDeliveryStateStore(String table, Supplier<DynamoDbClient> clientFactory, ObjectMapper mapper,
            InstantSource clock) {
        this.table = table;
        this.client = new AwsClient<>(clientFactory);
        this.mapper = Objects.requireNonNull(mapper, "mapper == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Returns a store configured by {@code config}. Without a table, the function still starts (the synchronous path
     * needs none) and every call fails with a {@link StateStoreException} that names the key to set.
     */
    public static DynamoDbDeliveryStateStore create(StateConfig.Dynamodb config, ObjectMapper mapper,
            InstantSource clock) {
        return new DynamoDbDeliveryStateStore(config.table().orElse(null), () -> AwsClient.configure(DynamoDbClient.builder(), config)
                .build(), mapper, clock);
    }

    @Override
    public boolean create(DeliveryRecord record) {
        return put(record, "attribute_not_exists(" + ID + ") OR " + EXPIRES_AT + " <= :now",
                Map.of(":now", seconds(clock.instant())));
    }

    @Override
    public Optional<DeliveryRecord> find(String deliveryId) {
        Map<String, AttributeValue> item;
        try {
            item = client.get().getItem(request -> request.tableName(table()).consistentRead(true)
                    .key(Map.of(ID, AttributeValue.fromS(deliveryId)))).item();
        } catch (SdkException e) {
            throw failure("read delivery " + deliveryId, e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        DeliveryRecord record = fromItem(item);
        return record.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(record);
    }

    @Override
    public boolean replace(DeliveryRecord next, DeliveryStatus expectedStatus, int expectedAttemptCount) {
        return put(next, "#status = :status AND " + ATTEMPT_COUNT + " = :count AND " + EXPIRES_AT + " > :now",
                Map.of(":status", AttributeValue.fromS(expectedStatus.name()),
                        ":count", AttributeValue.fromN(Integer.toString(expectedAttemptCount)),
                        ":now", seconds(clock.instant())));
    }

    @Override
    public void delete(String deliveryId) {
        try {
            client.get().deleteItem(request -> request.tableName(table()).key(Map.of(ID, AttributeValue.fromS(deliveryId))));
        } catch (SdkException e) {
            throw failure("delete delivery " + deliveryId, e);
        }
    }

    @Override
    public List<DeliveryRecord> failedSince(Instant since, Optional<String> entity, int limit) {
        String filter = "#status = :failed AND " + UPDATED_AT + " >= :since AND " + EXPIRES_AT + " > :now"
                + (entity.isPresent() ? " AND #entity = :entity" : "");
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":failed", AttributeValue.fromS(DeliveryStatus.FAILED.name()),
                ":since", AttributeValue.fromN(Long.toString(since.toEpochMilli())),
                ":now", seconds(clock.instant())));
        entity.ifPresent(name -> {
            names.put("#entity", ENTITY);
            values.put(":entity", AttributeValue.fromS(name));
        });
        List<DeliveryRecord> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page;
            try {
                page = client.get().scan(request -> request.tableName(table()).exclusiveStartKey(from)
                        .filterExpression(filter)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values));
            } catch (SdkException e) {
                throw failure("list failed deliveries", e);
            }
            for (Map<String, AttributeValue> item : page.items()) {
                if (found.size() < limit) {
                    found.add(fromItem(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }

    @Override
    public void close() {
        client.close();
    }

    private boolean put(DeliveryRecord record, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names = condition.contains("#status") ? Map.of("#status", STATUS) : null;
        try {
            client.get().putItem(request -> request.tableName(table()).item(toItem(record))
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failure("write delivery " + record.deliveryId(), e);
        }
    }

    private Map<String, AttributeValue> toItem(DeliveryRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, AttributeValue.fromS(record.deliveryId()));
        putText(item, ENTITY, record.entity());
        putText(item, AUTOMATION, record.automation());
        putText(item, INTEGRATION, record.integration());
        putText(item, JOB, record.job());
        item.put(STATUS, AttributeValue.fromS(record.status().name()));
        item.put(ATTEMPT_COUNT, AttributeValue.fromN(Integer.toString(record.attemptCount())));
        try {
            item.put(ATTEMPTS, AttributeValue.fromS(mapper.writeValueAsString(record.attempts())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Attempts of " + record.deliveryId() + " cannot be written", e);
        }
        if (record.nextAttemptAt() != null) {
            item.put(NEXT_ATTEMPT_AT, AttributeValue.fromN(Long.toString(record.nextAttemptAt().toEpochMilli())));
        }
        item.put(UPDATED_AT, AttributeValue.fromN(Long.toString(record.updatedAt().toEpochMilli())));
        item.put(EXPIRES_AT, seconds(record.expiresAt()));
        return item;
    }

    private DeliveryRecord fromItem(Map<String, AttributeValue> item) {
        List<AttemptRecord> attempts;
        try {
            attempts = mapper.readValue(item.get(ATTEMPTS).s(), ATTEMPT_LIST);
        } catch (JsonProcessingException e) {
            throw new StateStoreException("Delivery " + item.get(ID).s() + " has unreadable attempts", e);
        }
        return new DeliveryRecord(item.get(ID).s(), text(item, ENTITY), text(item, AUTOMATION),
                text(item, INTEGRATION), DeliveryStatus.valueOf(item.get(STATUS).s()),
                Integer.parseInt(item.get(ATTEMPT_COUNT).n()), attempts,
                item.containsKey(NEXT_ATTEMPT_AT) ? Instant.ofEpochMilli(Long.parseLong(item.get(NEXT_ATTEMPT_AT).n()))
                        : null,
                Instant.ofEpochMilli(Long.parseLong(item.get(UPDATED_AT).n())),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())), text(item, JOB));
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** Returns {@code at} in epoch seconds, rounded up so that an item never outlives its record's expiry early. */
    private static AttributeValue seconds(Instant at) {
        long seconds = at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
        return AttributeValue.fromN(Long.toString(seconds));
    }

    private String table() {
        if (table == null) {
            throw new StateStoreException("relay.state.dynamodb.table must name the status table when"
                    + " relay.state.store=dynamodb (RELAY_STATE_DYNAMODB_TABLE)", null);
        }
        return table;
    }

    private StateStoreException failure(String action, SdkException e) {
        return new StateStoreException("DynamoDB table " + table + " could not " + action + ": "
                + e.getClass().getSimpleName(), e);
    }
}
