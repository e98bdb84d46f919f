package dev.webhookrelay.state;

/** The status store could not answer (unreachable, throttled, refused); the message never holds a secret value. */
public final class StateStoreException extends RuntimeException {

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
