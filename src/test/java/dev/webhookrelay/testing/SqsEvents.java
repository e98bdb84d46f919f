package dev.webhookrelay.testing;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lambda SQS events, as the SQS event source mapping builds them from received messages. */
public final class SqsEvents {

    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:webhook-relay-deliveries";

    /** One received message: its id, receipt handle and body. */
    public record Record(String messageId, String receiptHandle, String body) {
    }

    private SqsEvents() {
    }

    /** Returns the event of a batch of {@code records}, each received once. */
    public static String of(List<Record> records) {
        ObjectNode event = Requests.JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            ObjectNode node = array.addObject();
            node.put("messageId", record.messageId());
            node.put("receiptHandle", record.receiptHandle());
            node.put("body", record.body());
            node.putObject("attributes").put("ApproximateReceiveCount", "1");
            node.putObject("messageAttributes");
            node.put("eventSource", "aws:sqs");
            node.put("eventSourceARN", QUEUE_ARN);
            node.put("awsRegion", "us-east-1");
        }
        return event.toString();
    }
}
