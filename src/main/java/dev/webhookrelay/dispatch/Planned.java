package dev.webhookrelay.dispatch;

import java.util.Objects;

import dev.webhookrelay.runwindow.RunWindowKey;

/** What the planner made of one automation: a delivery to send, or a skip that is already finished. Immutable. */
public sealed interface Planned {

    /**
     * The automation fired: its delivery, checked, rendered and signed, to send, and the once-per-run {@code window}
     * it claims (null for an artifact event, a test webhook, or while the rule is off).
     */
    record Send(PreparedDelivery delivery, RunWindowKey window) implements Planned {

        public Send {
            Objects.requireNonNull(delivery, "delivery == null");
        }

        /** A delivery that needs no once-per-run window. */
        public Send(PreparedDelivery delivery) {
            this(delivery, null);
        }
    }

    /** The automation did not fire: its finished {@code report} (outcome SKIPPED). */
    record Skip(DeliveryReport report) implements Planned {

        public Skip {
            Objects.requireNonNull(report, "report == null");
        }
    }
}
