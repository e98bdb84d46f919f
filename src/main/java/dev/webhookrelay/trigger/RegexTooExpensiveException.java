package dev.webhookrelay.trigger;

/**
 * A {@code $regex} took more matching steps on one value than {@link RegexGuard} allows, as a pattern with catastrophic
 * backtracking does. It aborts the evaluation of the whole filter, so that a negation above the regex cannot turn the
 * abort into a match; {@link TriggerEvaluator} reports it as the reason the automation is skipped.
 */
final class RegexTooExpensiveException extends RuntimeException {

    RegexTooExpensiveException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
