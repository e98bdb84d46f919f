package dev.webhookrelay.signing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The signature conventions an integration can choose, by their names in {@code signature.scheme}. */
public enum SignatureScheme {
    /** W&B's own: {@code X-Wandb-Signature: <lowercase hex HMAC-SHA256>}. */
    WANDB("wandb", Signer.X_WANDB_SIGNATURE),
    /** The base64 form of the same HMAC, as in W&B's troubleshooting script. */
    WANDB_BASE64("wandb-base64", Signer.X_WANDB_SIGNATURE),
    /** GitHub's: {@code X-Hub-Signature-256: sha256=<hex>}. */
    GITHUB("github", Signer.X_HUB_SIGNATURE_256),
    /** Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>}. */
    STANDARD_WEBHOOKS("standard-webhooks", Signer.WEBHOOK_SIGNATURE);

    private final String wireName;
    private final String signatureHeader;

    SignatureScheme(String wireName, String signatureHeader) {
        this.wireName = wireName;
        this.signatureHeader = signatureHeader;
    }

    /** Returns the scheme's name in {@code signature.scheme}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the name of the header that carries the signature under this scheme. Standard Webhooks also sends
     * {@link Signer#WEBHOOK_ID} and {@link Signer#WEBHOOK_TIMESTAMP}, which the signature covers.
     */
    public String signatureHeader() {
        return signatureHeader;
    }

    /** Returns the scheme named {@code wireName}. */
    @JsonCreator
    public static SignatureScheme fromWire(String wireName) {
        for (SignatureScheme scheme : values()) {
            if (scheme.wireName.equals(wireName)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("Unknown signature scheme: " + wireName);
    }
}
