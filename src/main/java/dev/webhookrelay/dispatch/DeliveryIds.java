package dev.webhookrelay.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Delivery ids receivers can de-duplicate on: the same entity, event, automation and integration always give the same
 * id, so a redelivered event is recognisable. The entity is part of it so that one team's dispatch can never name, and
 * so read or take over, another team's async delivery. An event without an id gets a random one.
 */
public final class DeliveryIds {

    /** What every delivery id looks like: {@code dlv_} and 32 lowercase hex digits. */
    public static final Pattern FORMAT = Pattern.compile("dlv_[0-9a-f]{32}");

    private DeliveryIds() {
    }

    static String of(String entity, String eventId, String automation, String integrationId) {
        if (eventId == null || eventId.isEmpty()) {
            return random();
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // Length-prefixed parts, so that no two different quadruples hash the same input.
            for (String part : new String[] { entity, eventId, automation, integrationId }) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha256.update((byte) ':');
                sha256.update(bytes);
            }
            return "dlv_" + HexFormat.of().formatHex(sha256.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Returns a delivery id no other delivery has: for an event without an id, and for a test webhook. */
    static String random() {
        return "dlv_" + UUID.randomUUID().toString().replace("-", "");
    }
}
