package dev.webhookrelay.signing;

/**
 * A body cannot be signed or a signature does not verify: a signing secret has the wrong form, a header is missing, a
 * timestamp is outside the tolerance, or no signature matches. Messages name the header or the key's role (current or
 * previous), never key material.
 */
public final class SignatureException extends RuntimeException {

    public SignatureException(String message) {
        super(message);
    }

    public SignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
