package dev.webhookrelay.dispatch;

import java.util.Map;
import java.util.Objects;

/** What the planner made of one automation: a delivery to send, or a skip that is already finished. Immutable. */
public sealed interface Planned {

    /**
     * The automation fired: its delivery, checked, rendered and signed, to send; and the {@code job} and event
     * {@code variables} it was prepared from, which the async mode queues to prepare each attempt again.
     */
    record Send(PreparedDelivery delivery, DeliveryJob job, Map<String, String> variables) implements Planned {

        public Send {
            Objects.requireNonNull(delivery, "delivery == null");
            Objects.requireNonNull(job, "job == null");
            variables = Map.copyOf(variables);
        }
    }

    /** The automation did not fire: its finished {@code report} (outcome SKIPPED). */
    record Skip(DeliveryReport report) implements Planned {

        public Skip {
            Objects.requireNonNull(report, "report == null");
        }
    }
}
