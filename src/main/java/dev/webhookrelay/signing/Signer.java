package dev.webhookrelay.signing;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.webhookrelay.secrets.Secret;

/**
 * Computes the headers that sign a delivery body. Stateless and safe for concurrent use. The signature always covers
 * {@code body} exactly as given: callers must send those very bytes.
 */
public final class Signer {

    public static final String X_WANDB_SIGNATURE = "X-Wandb-Signature";

    /**
     * Returns the signature headers for {@code body} under {@code scheme}, in the order to send them. {@code keys} holds
     * the current signing secret first, then any previous one still accepted during a rotation.
     */
    public Map<String, String> sign(SignatureScheme scheme, String deliveryId, byte[] body, List<Secret> keys) {
        Objects.requireNonNull(scheme, "scheme == null");
        Objects.requireNonNull(body, "body == null");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys is empty");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        switch (scheme) {
            case WANDB -> headers.put(X_WANDB_SIGNATURE, HexFormat.of().formatHex(Hmac.sha256(keys.get(0).utf8(), body)));
            default -> throw new UnsupportedOperationException("Signature scheme not supported yet: " + scheme.wireName());
        }
        return headers;
    }
}
