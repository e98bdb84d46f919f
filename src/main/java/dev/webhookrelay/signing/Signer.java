package dev.webhookrelay.signing;

import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import dev.webhookrelay.secrets.Secret;

/**
 * Computes the headers that sign a delivery body. Immutable and safe for concurrent use; holds no key. The signature
 * always covers {@code body} exactly as given: callers must send those very bytes. It checks that each secret has the
 * form its scheme requires, not that it is strong.
 *
 * <p>
 * Under a key rotation ({@code keys} holds the current secret, then the previous one), {@code standard-webhooks} sends
 * one signature per key, space-separated, as its specification provides. {@code wandb}, {@code wandb-base64} and
 * {@code github} sign with the current key only: their receivers compare the header with exactly one value, so a second
 * value would break them. Those receivers rotate by accepting both secrets for a while (docs/signatures.md).
 */
public final class Signer {

    /** W&B: {@code X-Wandb-Signature}, lowercase hex under {@code wandb}, base64 under {@code wandb-base64}. */
    public static final String X_WANDB_SIGNATURE = "X-Wandb-Signature";
    /** GitHub: {@code X-Hub-Signature-256: sha256=<lowercase hex>}. */
    public static final String X_HUB_SIGNATURE_256 = "X-Hub-Signature-256";
    /** Standard Webhooks: the message id, which receivers de-duplicate on. */
    public static final String WEBHOOK_ID = "webhook-id";
    /** Standard Webhooks: when the message was signed, in integer seconds since the epoch. */
    public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    /** Standard Webhooks: one or more space-separated {@code v1,<base64>} signatures. */
    public static final String WEBHOOK_SIGNATURE = "webhook-signature";
    /** Standard Webhooks: the prefix of a signing secret, {@code whsec_<base64 of the key>}. */
    public static final String SECRET_PREFIX = "whsec_";

    private final InstantSource clock;

    /** A signer that stamps Standard Webhooks signatures with the system clock. */
    public Signer() {
        this(InstantSource.system());
    }

    /** A signer that stamps Standard Webhooks signatures with the time of {@code clock}. */
    public Signer(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Returns the signature headers for {@code body} under {@code scheme}, in the order to send them. {@code keys} holds
     * the current signing secret first, then any previous one still accepted during a rotation. {@code deliveryId} is
     * sent as {@code webhook-id} under Standard Webhooks and is not used by the other schemes.
     *
     * @throws SignatureException if a secret does not have the form the scheme requires
     */
    public Map<String, String> sign(SignatureScheme scheme, String deliveryId, byte[] body, List<Secret> keys) {
        Objects.requireNonNull(scheme, "scheme == null");
        Objects.requireNonNull(deliveryId, "deliveryId == null");
        Objects.requireNonNull(body, "body == null");
        Map<String, String> headers = new LinkedHashMap<>();
        String header = scheme.signatureHeader();
        switch (scheme) {
            case WANDB -> headers.put(header, Signatures.hex(currentKey(scheme, keys), body));
            case WANDB_BASE64 -> headers.put(header, Signatures.base64(currentKey(scheme, keys), body));
            case GITHUB -> headers.put(header, Signatures.github(currentKey(scheme, keys), body));
            case STANDARD_WEBHOOKS -> {
                if (deliveryId.isEmpty()) {
                    throw new IllegalArgumentException("deliveryId is empty: Standard Webhooks sends it as webhook-id");
                }
                long timestamp = clock.instant().getEpochSecond();
                StringJoiner signatures = new StringJoiner(" ");
                for (byte[] key : SigningKeys.decode(scheme, keys)) {
                    signatures.add(Signatures.standardWebhooks(key, deliveryId, timestamp, body));
                }
                headers.put(WEBHOOK_ID, deliveryId);
                headers.put(WEBHOOK_TIMESTAMP, Long.toString(timestamp));
                headers.put(header, signatures.toString());
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Checks that {@code secret} has the form {@code scheme} requires, so that a caller can report a bad secret against
     * the field that names it before signing anything.
     *
     * @throws SignatureException if it does not; the message names the problem, never the value
     */
    public static void checkSecret(SignatureScheme scheme, Secret secret) {
        Objects.requireNonNull(scheme, "scheme == null");
        SigningKeys.decode(scheme, Objects.requireNonNull(secret, "secret == null"), "signing secret");
    }

    /** Returns the current key; the previous ones are checked for form too, so a bad one fails before rotation needs it. */
    private static byte[] currentKey(SignatureScheme scheme, List<Secret> keys) {
        return SigningKeys.decode(scheme, keys).get(0);
    }
}
