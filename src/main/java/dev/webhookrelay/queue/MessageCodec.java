package dev.webhookrelay.queue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes and reads queue messages and jobs as JSON. Every UTF-16 surrogate is written as a <code>&#92;uXXXX</code>
 * escape: SQS and DynamoDB refuse text that is not well-formed Unicode, such as a lone surrogate that a request's
 * template or event may carry (<code>"&#92;ud800"</code>), and escaped it is plain ASCII that reads back as the same
 * string, so that every attempt renders what the synchronous path would. Safe for concurrent use.
 */
final class MessageCodec {

    /** SQS's largest message body: 256 KiB. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final ObjectMapper mapper;

    MessageCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper == null").copy();
        this.mapper.getFactory().setCharacterEscapes(new SurrogateEscapes());
    }

    /**
     * Returns {@code message} as JSON.
     *
     * @throws IllegalArgumentException if it is larger than a queue message may be
     */
    String write(DeliveryMessage message) {
        String json = json(message);
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("Delivery " + message.deliveryId() + " needs a queue message of " + size
                    + " bytes (template and event variables), more than the " + MAX_MESSAGE_BYTES + " a queue takes");
        }
        return json;
    }

    /**
     * Returns the message that {@code json} holds.
     *
     * @throws IllegalArgumentException if it holds none
     */
    DeliveryMessage read(String json) {
        return read(json, DeliveryMessage.class);
    }

    String writeJob(QueuedJob job) {
        return json(job);
    }

    QueuedJob readJob(String json) {
        return read(json, QueuedJob.class);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** JSON's standard escapes, and <code>&#92;uXXXX</code> for each surrogate, paired or not. */
    private static final class SurrogateEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
