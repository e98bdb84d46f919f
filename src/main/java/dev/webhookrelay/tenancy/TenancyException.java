package dev.webhookrelay.tenancy;

/**
 * A caller may not act for an entity: it has no identity, or its identity is not mapped to that entity. Mapped to a
 * 403. The message names the entity and the caller's principal, never a key or a secret.
 */
public final class TenancyException extends RuntimeException {

    public TenancyException(String message) {
        super(message);
    }
}
