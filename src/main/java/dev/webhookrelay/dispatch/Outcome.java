package dev.webhookrelay.dispatch;

/** How one automation ended. */
public enum Outcome {
    /** The target answered 2xx. */
    DELIVERED,
    /** The automation did not fire for this event; the report says why. */
    SKIPPED,
    /** The delivery was refused or every attempt failed; the report says why. */
    FAILED,
    /** A dry run: evaluated, rendered and signed, not sent. */
    DRY_RUN,
    /** An async delivery: checked and queued; its status is at {@code GET /v1/deliveries/{deliveryId}}. */
    QUEUED
}
