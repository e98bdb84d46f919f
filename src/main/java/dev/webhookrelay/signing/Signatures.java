package dev.webhookrelay.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** The signature value of each scheme, shared by {@link Signer} and {@link SignatureVerifier}. */
final class Signatures {

    /** GitHub: the value of {@code X-Hub-Signature-256} is {@code sha256=} and the lowercase hex HMAC. */
    static final String GITHUB_PREFIX = "sha256=";

    /** Standard Webhooks: the version of an HMAC-SHA256 signature, written before it as {@code v1,}. */
    static final String V1 = "v1";

    private static final byte[] DOT = { '.' };

    private Signatures() {
    }

    /** Returns the lowercase hex HMAC-SHA256 of {@code body}: {@code X-Wandb-Signature} under {@code wandb}. */
    static String hex(byte[] key, byte[] body) {
        return HexFormat.of().formatHex(Hmac.sha256(key, body));
    }

    /** Returns the standard base64 HMAC-SHA256 of {@code body}: {@code X-Wandb-Signature} under {@code wandb-base64}. */
    static String base64(byte[] key, byte[] body) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(key, body));
    }

    /** Returns the value of {@code X-Hub-Signature-256}. */
    static String github(byte[] key, byte[] body) {
        return GITHUB_PREFIX + hex(key, body);
    }

    /** Returns one Standard Webhooks signature, {@code v1,<base64>}, over {@code id.timestamp.body}. */
    static String standardWebhooks(byte[] key, String id, long timestamp, byte[] body) {
        // Signed content is "msg_id.timestamp.payload"; the id and timestamp are encoded as UTF-8, the body as sent.
        byte[] mac = Hmac.sha256(key, id.getBytes(StandardCharsets.UTF_8), DOT,
                Long.toString(timestamp).getBytes(StandardCharsets.UTF_8), DOT, body);
        return V1 + "," + Base64.getEncoder().encodeToString(mac);
    }
}
