package dev.webhookrelay.trigger;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.webhookrelay.model.Event;

/**
 * {@code run_state_filter}: the run's state is one of {@code states}, among {@code RUNNING}, {@code FINISHED} and
 * {@code FAILED}. States compare ignoring case, and {@code CRASHED} is {@code FAILED}, in the filter and in the event, as
 * in the SDK.
 */
record StateRule(Set<String> states) implements RunRule {

    /** The states a filter may name, once canonical. */
    static final Set<String> KNOWN = Set.of("RUNNING", "FINISHED", "FAILED");

    StateRule {
        states = Set.copyOf(states);
    }

    /** Returns the canonical form of a run state: upper case, with {@code CRASHED} as {@code FAILED}. */
    static String canonical(String state) {
        String upper = state.trim().toUpperCase(Locale.ROOT);
        return upper.equals("CRASHED") ? "FAILED" : upper;
    }

    @Override
    public Verdict evaluate(Event event) {
        String state = event.run() == null ? null : event.run().state();
        if (state == null) {
            return Verdict.skip("event has no run state; the filter watches " + String.join(", ", sorted()));
        }
        if (states.contains(canonical(state))) {
            return Verdict.fire();
        }
        return Verdict.skip("run state " + state + " is not one of " + String.join(", ", sorted()));
    }

    private Set<String> sorted() {
        return new TreeSet<>(states);
    }
}
