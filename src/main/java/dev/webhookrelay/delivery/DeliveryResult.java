package dev.webhookrelay.delivery;

import java.util.List;

/**
 * How a delivery ended: {@code delivered} when an attempt got a 2xx, otherwise the {@code reason} it failed, every
 * attempt made, in order, and whether the target was {@code contacted}: some attempt passed the egress guard and tried
 * to connect (a refused target, or a host that never resolved, was not).
 */
public record DeliveryResult(boolean delivered, String reason, List<Attempt> attempts, boolean contacted) {

    public DeliveryResult {
        attempts = List.copyOf(attempts);
    }

    /** Returns a failure that happened before any attempt, such as a refused target. */
    public static DeliveryResult refused(String reason) {
        return new DeliveryResult(false, reason, List.of(), false);
    }
}
