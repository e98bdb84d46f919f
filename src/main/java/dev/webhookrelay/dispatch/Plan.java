package dev.webhookrelay.dispatch;

import java.util.List;
import java.util.Objects;

import dev.webhookrelay.delivery.Deadline;

/**
 * A request the {@link Planner} has checked: one {@link Planned} per automation, in request order, the
 * {@code deadline} the whole request must end by (it started with the planning), and whether sending it counts toward
 * the dispatch metrics ({@code metered}; a test webhook does not). Immutable.
 */
public record Plan(List<Planned> automations, Deadline deadline, boolean metered) {

    public Plan {
        automations = List.copyOf(automations);
        Objects.requireNonNull(deadline, "deadline == null");
    }
}
