package dev.webhookrelay.dispatch;

import java.util.Objects;

/**
 * A request that is well-formed JSON of the right shape but cannot be carried out: an unknown integration, a template
 * that is not a JSON object, an invalid filter, a missing secret. Mapped to a 422 naming {@code field}.
 */
public final class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = Objects.requireNonNull(field, "field == null");
    }

    public InvalidRequestException(String field, String message) {
        this(field, message, null);
    }

    public String field() {
        return field;
    }
}
