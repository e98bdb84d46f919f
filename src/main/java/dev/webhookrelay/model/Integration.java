package dev.webhookrelay.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.webhookrelay.secrets.SecretRef;

/**
 * A W&B webhook integration: where deliveries go and which team secrets they use. {@code accessTokenRef} and
 * {@code secretRef} are secret names, never values. The name follows W&B's rule: at most 64 characters of words,
 * hyphens and single spaces between them.
 */
public record Integration(
        @NotBlank(message = "is required") String id,
        @Size(max = 64, message = "must be at most 64 characters") @Pattern(regexp = "^[-\\w]+( +[-\\w]+)*$", message = "must be words, hyphens and spaces") String name,
        @NotBlank(message = "is required") @Size(max = MAX_URL_CHARS, message = "must be at most {max} characters") String urlEndpoint,
        @Pattern(regexp = SecretRef.SECRET_NAME, message = SECRET_NAME_MESSAGE) String accessTokenRef,
        @Pattern(regexp = SecretRef.SECRET_NAME, message = SECRET_NAME_MESSAGE) String secretRef,
        @Valid SignatureSettings signature) {

    /** The longest integration URL: reports echo it once per delivery. */
    public static final int MAX_URL_CHARS = 2048;

    static final String SECRET_NAME_MESSAGE = "must be a secret name: letters, digits and underscores";

    public Integration {
        signature = signature == null ? SignatureSettings.DEFAULT : signature;
    }

    /** Returns the name to show in reports: the integration's name, else its id. */
    public String displayName() {
        return name != null ? name : id;
    }
}
