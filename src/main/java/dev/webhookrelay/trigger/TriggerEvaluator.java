package dev.webhookrelay.trigger;

import java.util.Objects;

import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.NamedRef;

/**
 * Decides whether an event triggers an automation: the automation must be enabled, watch the event's type, and have the
 * event in its scope. Safe for concurrent use.
 */
public final class TriggerEvaluator {

    /**
     * Returns whether {@code automation} fires for {@code event}, with the reason when it does not.
     *
     * @throws InvalidFilterException when the automation's filter cannot be evaluated
     */
    public Verdict evaluate(Event event, Automation automation) {
        if (!automation.enabled()) {
            return Verdict.skip("automation is disabled");
        }
        if (automation.triggeringEventType() != event.eventType()) {
            return Verdict.skip("automation watches " + automation.triggeringEventType() + ", event is "
                    + event.eventType());
        }
        return scopeVerdict(event, automation);
    }

    private static Verdict scopeVerdict(Event event, Automation automation) {
        if (automation.scopeType() == null || automation.scopeID() == null) {
            return Verdict.fire();
        }
        NamedRef scoped = switch (automation.scopeType()) {
            case PROJECT -> event.project();
            case ARTIFACT_COLLECTION -> event.artifact() == null ? null : event.artifact().collection();
            case ENTITY -> new NamedRef(event.entity().id(), event.entity().name());
        };
        String eventScopeId = scoped == null ? null : scoped.id();
        if (Objects.equals(automation.scopeID(), eventScopeId)) {
            return Verdict.fire();
        }
        return Verdict.skip("automation is scoped to " + automation.scopeType() + " " + automation.scopeID()
                + ", event's is " + (eventScopeId == null ? "absent" : eventScopeId));
    }
}
