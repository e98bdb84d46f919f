package dev.webhookrelay.trigger;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.cache.BoundedCache;

import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.NamedRef;

/**
 * Decides whether an event triggers an automation, as W&B would: the automation must be enabled, watch the event's
 * type, have the event in its scope, and its event filter must hold; and a run event of a killed run never triggers one.
 * Filters are the {@code wandb} SDK's, at most {@value #MAX_FILTER_CHARS} characters of JSON, compiled once and cached by
 * their text, within bounds on both the count and the summed length of the cached texts (see
 * {@code docs/automations.md} for the language and its edge cases).
 *
 * <p>Instances are safe for concurrent use; one is meant to serve every request. The automation's filter is checked even
 * when the automation is disabled or watches another event type, so that a broken automation is reported rather than
 * hidden. This class does not check the rest of the automation (its action or template).
 */
public final class TriggerEvaluator {

    /** The longest event filter accepted, in characters of its JSON text: 64 KiB, far beyond any the SDK builds. */
    public static final int MAX_FILTER_CHARS = 64 * 1024;

    /** Distinct filters kept compiled; a team has far fewer automations. */
    static final int FILTER_CACHE_SIZE = 1024;

    /**
     * The summed length of the filter texts kept compiled, in characters: 8 MiB. A compiled filter takes about twice its
     * text, so distinct large filters cannot fill the heap of a warm function.
     */
    static final long FILTER_CACHE_CHARS = 8L * 1024 * 1024;

    /** Distinct regexes kept compiled. */
    static final int REGEX_CACHE_SIZE = 1024;

    /** The run state of a run an admin forcibly stopped. */
    private static final String KILLED = "KILLED";

    private final FilterParser parser;
    private final BoundedCache<FilterKey, CompiledFilter> filters;

    public TriggerEvaluator() {
        this(FILTER_CACHE_SIZE, REGEX_CACHE_SIZE);
    }

    TriggerEvaluator(int filterCacheSize, int regexCacheSize) {
        this.parser = new FilterParser(new RegexGuard(regexCacheSize));
        this.filters = BoundedCache.ofWeight(filterCacheSize, FILTER_CACHE_CHARS, key -> key.text().length());
    }

    /**
     * Returns whether {@code automation} fires for {@code event}, with the reason when it does not.
     *
     * @throws InvalidFilterException when the automation's filter cannot be evaluated: malformed, or naming an unknown
     *         operator or field, or a rule that does not fit the automation's event type
     */
    public Verdict evaluate(Event event, Automation automation) {
        Objects.requireNonNull(event, "event == null");
        Objects.requireNonNull(automation, "automation == null");
        CompiledFilter filter = compiled(automation);
        if (!automation.enabled()) {
            return Verdict.skip("automation is disabled");
        }
        if (automation.triggeringEventType() != event.eventType()) {
            return Verdict.skip("automation watches " + automation.triggeringEventType() + ", event is "
                    + event.eventType());
        }
        Verdict scope = scopeVerdict(event, automation);
        if (!scope.fires()) {
            return scope;
        }
        if (event.eventType().isRunEvent() && isKilled(event)) {
            // W&B: "A run with Killed status can't trigger an automation", whatever the filter says.
            String id = event.run().id();
            return Verdict.skip("run " + (id == null ? "" : id + " ") + "is " + event.run().state()
                    + "; a killed run never triggers an automation");
        }
        try {
            return RegexGuard.bounded(() -> filter.evaluate(event));
        } catch (RegexTooExpensiveException e) {
            return Verdict.skip(e.getMessage());
        }
    }

    /** Returns the compiled filter of {@code automation}, from the cache when it was compiled before. */
    CompiledFilter compiled(Automation automation) {
        EventType type = Objects.requireNonNull(automation.triggeringEventType(), "triggeringEventType == null");
        JsonNode eventFilter = automation.eventFilter();
        String text = FilterParser.text(eventFilter);
        if (text == null) {
            return CompiledFilter.NONE;
        }
        if (text.length() > MAX_FILTER_CHARS) {
            throw new InvalidFilterException("Event filter is " + text.length() + " characters; the limit is "
                    + MAX_FILTER_CHARS + " characters");
        }
        return filters.get(new FilterKey(type, text), key -> parser.parse(type, eventFilter));
    }

    /** A filter's identity: the same text compiles differently for artifact and run events. */
    private record FilterKey(EventType type, String text) {
    }

    private static boolean isKilled(Event event) {
        return event.run() != null && event.run().state() != null
                && KILLED.equals(StateRule.canonical(event.run().state()));
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
