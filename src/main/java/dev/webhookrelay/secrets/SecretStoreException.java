package dev.webhookrelay.secrets;

/**
 * A secret store could not answer. {@link Reason#ACCESS_DENIED} means this function may not read the secret (a
 * configuration problem the caller can fix); {@link Reason#UNAVAILABLE} means the store is throttling or unreachable and
 * the request can be retried later. Messages name the secret, never its value.
 */
public final class SecretStoreException extends RuntimeException {

    /** Why the store could not answer. */
    public enum Reason {
        ACCESS_DENIED,
        UNAVAILABLE
    }

    private final Reason reason;
    private final SecretRef ref;

    public SecretStoreException(Reason reason, SecretRef ref, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.ref = ref;
    }

    public Reason reason() {
        return reason;
    }

    public SecretRef ref() {
        return ref;
    }
}
