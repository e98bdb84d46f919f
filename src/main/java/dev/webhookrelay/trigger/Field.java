package dev.webhookrelay.trigger;

import java.util.Set;
import java.util.function.Function;

import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.Run;

/**
 * An event field that a filter may name, under W&B's name for it. Artifact events filter on {@code alias} and
 * {@code tag}; run events on the run's {@code display_name} and {@code username}.
 */
enum Field {
    ALIAS("alias", Event::alias),
    TAG("tag", Event::tag),
    DISPLAY_NAME("display_name", event -> run(event, Run::displayName)),
    USERNAME("username", event -> run(event, Run::username));

    static final Set<Field> ARTIFACT_FIELDS = Set.of(ALIAS, TAG);
    static final Set<Field> RUN_FIELDS = Set.of(DISPLAY_NAME, USERNAME);

    private final String wireName;
    private final Function<Event, String> accessor;

    Field(String wireName, Function<Event, String> accessor) {
        this.wireName = wireName;
        this.accessor = accessor;
    }

    /** Returns the fields that filters of {@code type} may name. */
    static Set<Field> of(EventType type) {
        return type.isRunEvent() ? RUN_FIELDS : ARTIFACT_FIELDS;
    }

    /** Returns the field W&B calls {@code name}, or null. */
    static Field named(String name) {
        for (Field field : values()) {
            if (field.wireName.equals(name)) {
                return field;
            }
        }
        return null;
    }

    /** Returns this field's value in {@code event}, or null when the event has none. */
    String valueOf(Event event) {
        return accessor.apply(event);
    }

    /** Returns this field's name in filters, such as {@code display_name}. */
    String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }

    private static String run(Event event, Function<Run, String> part) {
        return event.run() == null ? null : part.apply(event.run());
    }
}
