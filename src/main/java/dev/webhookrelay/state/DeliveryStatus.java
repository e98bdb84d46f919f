package dev.webhookrelay.state;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an async delivery stands. {@code QUEUED}: an attempt is waiting in the queue; {@code DELIVERED}: an attempt got
 * a 2xx (final); {@code FAILED}: the schedule is exhausted or the failure cannot be retried, until a manual retry
 * queues it again. {@link #canBecome} is the one table of legal transitions.
 */
public enum DeliveryStatus {
    QUEUED,
    DELIVERED,
    FAILED;

    private static final Map<DeliveryStatus, Set<DeliveryStatus>> TRANSITIONS = Map.of(
            QUEUED, EnumSet.of(QUEUED, DELIVERED, FAILED), // An attempt failed and the next is queued, or it ended.
            FAILED, EnumSet.of(QUEUED), // A manual retry starts a new round of the schedule.
            DELIVERED, EnumSet.noneOf(DeliveryStatus.class));

    /** Returns whether a delivery in this status may move to {@code next}. */
    public boolean canBecome(DeliveryStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
