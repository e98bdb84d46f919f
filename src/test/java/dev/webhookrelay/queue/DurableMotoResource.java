package dev.webhookrelay.queue;

import java.util.HashMap;
import java.util.Map;

import dev.webhookrelay.secrets.MotoResource;
import dev.webhookrelay.secrets.MotoServer;
import dev.webhookrelay.state.StatusTables;

/**
 * Runs the relay's async mode against a {@link MotoServer}, as {@link MotoResource} does (dummy credentials, an
 * injected server), with the SQS queue and DynamoDB status table created there, {@code relay.queue.store=sqs} and
 * {@code relay.state.store=dynamodb} pointed at them, a one-second schedule, and the memory secret store of the other
 * tests. Nothing consumes the queue: the test receives the messages and hands them to the consumer as Lambda's event
 * source would.
 */
public class DurableMotoResource extends MotoResource {

    static final String QUEUE = "webhook-relay-deliveries";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        MotoServer server = server();
        String endpoint = server.endpoint().toString();
        config.put("relay.secrets.store", "memory");
        config.put("relay.queue.store", "sqs");
        config.put("relay.queue.sqs.queue-url", DeliveryQueues.create(server, QUEUE));
        config.put("relay.queue.sqs.endpoint-override", endpoint);
        config.put("relay.queue.sqs.region", MotoServer.REGION);
        config.put("relay.queue.retry-schedule", "1s,1s");
        config.put("relay.queue.jitter", "0");
        StatusTables.create(server, StatusTables.NAME);
        config.put("relay.state.store", "dynamodb");
        config.put("relay.state.dynamodb.table", StatusTables.NAME);
        config.put("relay.state.dynamodb.endpoint-override", endpoint);
        config.put("relay.state.dynamodb.region", MotoServer.REGION);
        return config;
    }
}
