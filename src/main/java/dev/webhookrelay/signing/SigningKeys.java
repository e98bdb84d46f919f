package dev.webhookrelay.signing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import dev.webhookrelay.secrets.Secret;

/** Turns signing secrets into HMAC keys, by the rule of each scheme. */
final class SigningKeys {

    private SigningKeys() {
    }

    /** Returns the HMAC keys of {@code secrets}, in the same order. */
    static List<byte[]> decode(SignatureScheme scheme, List<Secret> secrets) {
        Objects.requireNonNull(secrets, "keys == null");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("keys is empty");
        }
        List<byte[]> keys = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            keys.add(decode(scheme, Objects.requireNonNull(secrets.get(i), "keys[" + i + "] == null"), role(i)));
        }
        return List.copyOf(keys);
    }

    /** Returns the HMAC key of {@code secret}; messages call it the {@code role} ("current signing secret"). */
    static byte[] decode(SignatureScheme scheme, Secret secret, String role) {
        return scheme == SignatureScheme.STANDARD_WEBHOOKS ? standardWebhooksKey(secret, role) : utf8Key(secret, role);
    }

    /** W&B and GitHub: the key is the secret's UTF-8 bytes, as {@code openssl dgst -hmac "$SECRET"} uses it. */
    private static byte[] utf8Key(Secret secret, String role) {
        byte[] key = secret.utf8();
        if (key.length == 0) {
            throw new SignatureException("The " + role + " is empty");
        }
        return key;
    }

    /**
     * Standard Webhooks: the key is the base64-decoded part after {@code whsec_}. A secret without the prefix is refused
     * rather than guessed at: the reference libraries would base64-decode it while a raw-bytes reading would not, so
     * sender and receiver could silently disagree on the key and every delivery would fail verification.
     */
    private static byte[] standardWebhooksKey(Secret secret, String role) {
        String value = secret.reveal();
        if (!value.startsWith(Signer.SECRET_PREFIX)) {
            throw new SignatureException("The " + role + " must have the Standard Webhooks form "
                    + Signer.SECRET_PREFIX + "<base64>; it does not start with " + Signer.SECRET_PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(Signer.SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // Not kept as the cause: the decoder's message quotes the offending character of the secret.
            throw new SignatureException("The " + role + " must have the Standard Webhooks form "
                    + Signer.SECRET_PREFIX + "<base64>; the part after " + Signer.SECRET_PREFIX + " is not valid base64");
        }
        if (key.length == 0) {
            throw new SignatureException("The " + role + " is empty after " + Signer.SECRET_PREFIX);
        }
        return key;
    }

    /** Returns how messages name the key at {@code index}: the current one, then the previous one of a rotation. */
    static String role(int index) {
        return switch (index) {
            case 0 -> "current signing secret";
            case 1 -> "previous signing secret";
            default -> "signing secret #" + (index + 1);
        };
    }
}
