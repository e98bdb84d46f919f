package dev.webhookrelay.delivery;

/** The egress guard refused a target: its address is not public and no allowed range covers it. */
public final class EgressDeniedException extends DeliveryException {

    public EgressDeniedException(String message) {
        super(message);
    }

    public EgressDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
