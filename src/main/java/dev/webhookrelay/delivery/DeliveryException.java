package dev.webhookrelay.delivery;

/** A delivery could not be attempted at all, for a reason that names the target but no credential. */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
