package dev.webhookrelay.dispatch;

import java.util.Objects;

/** What the planner made of one automation: a delivery to send, or a skip that is already finished. Immutable. */
public sealed interface Planned {

    /** The automation fired: its delivery, checked, rendered and signed, to send. */
    record Send(PreparedDelivery delivery) implements Planned {

        public Send {
            Objects.requireNonNull(delivery, "delivery == null");
        }
    }

    /** The automation did not fire: its finished {@code report} (outcome SKIPPED). */
    record Skip(DeliveryReport report) implements Planned {

        public Skip {
            Objects.requireNonNull(report, "report == null");
        }
    }
}
