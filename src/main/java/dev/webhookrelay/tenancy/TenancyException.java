package dev.webhookrelay.tenancy;

import java.util.Objects;

/**
 * A caller may not act for {@code entity}: it has no identity, or its identity is not mapped to that entity. Mapped to
 * a 403. The message names the entity and the caller's principal, never a key or a secret.
 */
public final class TenancyException extends RuntimeException {

    private final String entity;

    public TenancyException(String entity, String message) {
        super(message);
        this.entity = Objects.requireNonNull(entity, "entity == null");
    }

    /** Returns the entity the caller tried to act for. */
    public String entity() {
        return entity;
    }
}
