package dev.webhookrelay.trigger;

import java.util.Objects;

import dev.webhookrelay.model.Event;

/**
 * An automation's event filter, checked and compiled: a field {@code condition} (an artifact event's expression, or a
 * run event's {@code run_filter}) and, for run events, the {@code rule} on the run's state or metric. Immutable and
 * safe to share between threads, so it is cached by the filter's text.
 */
record CompiledFilter(Condition condition, RunRule rule) {

    /** The absent filter: every event of the automation's type passes. */
    static final CompiledFilter NONE = new CompiledFilter(Condition.ALWAYS, null);

    CompiledFilter {
        Objects.requireNonNull(condition, "condition == null");
    }

    /**
     * Returns whether {@code event} passes this filter, with the reason when it does not.
     *
     * @throws RegexTooExpensiveException when a {@code $regex} exceeds its matching budget
     */
    Verdict evaluate(Event event) {
        if (!condition.holds(event)) {
            return Verdict.skip(condition.explain(event));
        }
        return rule == null ? Verdict.fire() : rule.evaluate(event);
    }
}
