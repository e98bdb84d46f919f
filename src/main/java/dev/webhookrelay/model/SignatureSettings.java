package dev.webhookrelay.model;

import jakarta.validation.constraints.Pattern;

import dev.webhookrelay.secrets.SecretRef;
import dev.webhookrelay.signing.SignatureScheme;

/**
 * How an integration's deliveries are signed: the {@code scheme} (default {@code wandb}) and, while a signing key is
 * being rotated, the name of the secret holding the previous key.
 */
public record SignatureSettings(
        SignatureScheme scheme,
        @Pattern(regexp = SecretRef.SECRET_NAME, message = Integration.SECRET_NAME_MESSAGE) String previousSecretRef) {

    /** The W&B default: {@code X-Wandb-Signature}, lowercase hex, no rotation. */
    public static final SignatureSettings DEFAULT = new SignatureSettings(SignatureScheme.WANDB, null);

    public SignatureSettings {
        scheme = scheme == null ? SignatureScheme.WANDB : scheme;
    }
}
