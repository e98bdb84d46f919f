package dev.webhookrelay.trigger;

import dev.webhookrelay.model.Event;

/**
 * The run-event part of a filter that is not a field expression: a run state filter or one of the metric filters
 * (threshold, change, z-score). Immutable; evaluated after the filter's {@code run_filter} holds.
 */
sealed interface RunRule permits StateRule, ThresholdRule, ChangeRule, ZScoreRule {

    /** Returns whether {@code event} satisfies this rule, with the reason when it does not. */
    Verdict evaluate(Event event);
}
