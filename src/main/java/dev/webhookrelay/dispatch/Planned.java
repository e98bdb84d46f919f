package dev.webhookrelay.dispatch;

import java.util.Map;
import java.util.Objects;

import dev.webhookrelay.runwindow.RunWindowKey;

/** What the planner made of one automation: a delivery to send, or a skip that is already finished. Immutable. */
public sealed interface Planned {

    /**
     * The automation fired: its delivery, checked, rendered and signed, to send; the {@code job} and the
     * {@code variables} it was prepared from, which the async mode queues to prepare each attempt again; and the
     * once-per-run {@code window} it claims (null for an artifact event, a test webhook, or while the rule is off).
     */
    record Send(PreparedDelivery delivery, DeliveryJob job, Map<String, String> variables, RunWindowKey window)
            implements Planned {

        public Send {
            Objects.requireNonNull(delivery, "delivery == null");
            Objects.requireNonNull(job, "job == null");
            variables = Map.copyOf(variables);
        }

        /** A delivery that needs no once-per-run window. */
        public Send(PreparedDelivery delivery, DeliveryJob job, Map<String, String> variables) {
            this(delivery, job, variables, null);
        }
    }

    /** The automation did not fire: its finished {@code report} (outcome SKIPPED). */
    record Skip(DeliveryReport report) implements Planned {

        public Skip {
            Objects.requireNonNull(report, "report == null");
        }
    }
}
