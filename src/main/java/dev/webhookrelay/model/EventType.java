package dev.webhookrelay.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The events a W&B automation can be triggered by. {@code LINK_MODEL} is what the wire and the SDK say for linking an
 * artifact to a registry; W&B's documentation and {@code ${event_type}} say {@code LINK_ARTIFACT}, so both parse to
 * {@link #LINK_ARTIFACT}, and its {@link #name()} is what renders.
 */
public enum EventType {
    LINK_ARTIFACT,
    UNLINK_ARTIFACT,
    ADD_ARTIFACT_ALIAS,
    CREATE_ARTIFACT,
    ADD_ARTIFACT_TAG,
    REMOVE_ARTIFACT_TAG,
    ADD_COLLECTION_TAG,
    REMOVE_COLLECTION_TAG,
    RUN_METRIC,
    RUN_METRIC_CHANGE,
    RUN_METRIC_ZSCORE,
    RUN_STATE;

    /** Returns the event type named {@code wire}, accepting {@code LINK_MODEL} as {@link #LINK_ARTIFACT}. */
    @JsonCreator
    public static EventType fromWire(String wire) {
        if (wire == null) {
            return null;
        }
        String name = wire.trim().toUpperCase(Locale.ROOT);
        if (name.equals("LINK_MODEL")) {
            return LINK_ARTIFACT;
        }
        for (EventType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown event type: " + wire);
    }

    /** Returns true for the events that concern a run rather than an artifact. */
    public boolean isRunEvent() {
        return this == RUN_METRIC || this == RUN_METRIC_CHANGE || this == RUN_METRIC_ZSCORE || this == RUN_STATE;
    }
}
