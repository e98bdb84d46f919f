package dev.webhookrelay.trigger;

/** An automation's event filter cannot be evaluated: it is malformed or uses an unknown operator or field. */
public final class InvalidFilterException extends RuntimeException {

    public InvalidFilterException(String message) {
        super(message);
    }

    public InvalidFilterException(String message, Throwable cause) {
        super(message, cause);
    }
}
