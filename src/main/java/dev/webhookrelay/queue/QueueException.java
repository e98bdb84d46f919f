package dev.webhookrelay.queue;

/** The delivery queue could not take or give a message; the message never holds a secret value. */
public final class QueueException extends RuntimeException {

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
