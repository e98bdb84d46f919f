package dev.webhookrelay.delivery;

import java.util.List;

/**
 * How a delivery ended: {@code delivered} when an attempt got a 2xx, otherwise the {@code reason} it failed, and every
 * attempt made, in order.
 */
public record DeliveryResult(boolean delivered, String reason, List<Attempt> attempts) {

    public DeliveryResult {
        attempts = List.copyOf(attempts);
    }

    /** Returns a failure that happened before any attempt, such as a refused target. */
    public static DeliveryResult refused(String reason) {
        return new DeliveryResult(false, reason, List.of());
    }
}
