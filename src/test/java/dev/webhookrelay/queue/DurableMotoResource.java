package dev.webhookrelay.queue;

import java.util.HashMap;
import java.util.Map;

import dev.webhookrelay.secrets.MotoServer;
import dev.webhookrelay.state.StatusTables;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the relay's async mode against a {@link MotoServer}: SQS queue and DynamoDB status table created there,
 * {@code relay.queue.store=sqs} and {@code relay.state.store=dynamodb} pointed at them, dummy credentials for the SDK's
 * default chain (restored on stop), and a one-second schedule. Nothing consumes the queue: the test receives the
 * messages and hands them to the consumer as Lambda's event source would. A {@link MotoServer} field is injected.
 */
public class DurableMotoResource implements QuarkusTestResourceLifecycleManager {

    static final String QUEUE = "webhook-relay-deliveries";

    private final MotoServer server = new MotoServer();
    private final Map<String, String> previousProperties = new HashMap<>();

    @Override
    public Map<String, String> start() {
        server.start();
        setProperty("aws.accessKeyId", MotoServer.ACCESS_KEY_ID);
        setProperty("aws.secretAccessKey", MotoServer.SECRET_ACCESS_KEY);
        String queueUrl = DeliveryQueues.create(server, QUEUE);
        StatusTables.create(server, StatusTables.NAME);
        String endpoint = server.endpoint().toString();
        return Map.ofEntries(
                Map.entry("relay.queue.store", "sqs"),
                Map.entry("relay.queue.sqs.queue-url", queueUrl),
                Map.entry("relay.queue.sqs.endpoint-override", endpoint),
                Map.entry("relay.queue.sqs.region", MotoServer.REGION),
                Map.entry("relay.queue.retry-schedule", "1s,1s"),
                Map.entry("relay.queue.jitter", "0"),
                Map.entry("relay.state.store", "dynamodb"),
                Map.entry("relay.state.dynamodb.table", StatusTables.NAME),
                Map.entry("relay.state.dynamodb.endpoint-override", endpoint),
                Map.entry("relay.state.dynamodb.region", MotoServer.REGION));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(MotoServer.class));
    }

    @Override
    public void stop() {
        server.stop();
        previousProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        previousProperties.clear();
    }

    private void setProperty(String key, String value) {
        previousProperties.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}
