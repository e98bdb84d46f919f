package dev.webhookrelay.trigger;

/**
 * How a threshold filter compares the metric (left) with its threshold (right): W&B's {@code cmp_op}. Numbers within
 * {@link MetricWindows#TOLERANCE} of each other count as equal, so an average of 0.1, 0.2 and 0.3 is {@code $eq 0.2}.
 * Each has the SDK's Python operator ({@code MONGO2PY_OPS} in {@code wandb/automations/_filters/run_metrics.py}) and the
 * W&B App's words for it.
 */
enum Comparison {
    GT("$gt", ">", "is above", "is not >"),
    GTE("$gte", ">=", "is above or equal to", "is not >="),
    LT("$lt", "<", "is below", "is not <"),
    LTE("$lte", "<=", "is below or equal to", "is not <="),
    EQ("$eq", "==", "is equal to", "is not equal to"),
    NE("$ne", "!=", "is not equal to", "is equal to");

    private final String wireName;
    private final String operator;
    private final String phrase;
    private final String failsPhrase;

    Comparison(String wireName, String operator, String phrase, String failsPhrase) {
        this.wireName = wireName;
        this.operator = operator;
        this.phrase = phrase;
        this.failsPhrase = failsPhrase;
    }

    /** Returns the comparison spelled {@code name}, such as {@code $gte}, or null. */
    static Comparison named(String name) {
        for (Comparison comparison : values()) {
            if (comparison.wireName.equals(name)) {
                return comparison;
            }
        }
        return null;
    }

    /** Returns whether {@code value} compares so with {@code threshold}; both must be numbers, not NaN. */
    boolean test(double value, double threshold) {
        int c = MetricWindows.compare(value, threshold);
        return switch (this) {
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
            case EQ -> c == 0;
            case NE -> c != 0;
        };
    }

    /** Returns the SDK's operator for this comparison, such as ">". */
    String operator() {
        return operator;
    }

    /** Returns the W&B App's words for this comparison, such as "is above". */
    String phrase() {
        return phrase;
    }

    /** Returns the phrase for this comparison failing, such as "is not >". */
    String failsPhrase() {
        return failsPhrase;
    }
}
