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

    /**
     * The automation did not fire: its finished {@code report} (outcome SKIPPED), and the host of its integration's URL
     * for the metrics, or null when that URL has none.
     */
    record Skip(DeliveryReport report, String targetHost) implements Planned {

        public Skip {
            Objects.requireNonNull(report, "report == null");
        }
    }
}
