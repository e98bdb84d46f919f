package dev.webhookrelay.trigger;

/**
 * How a threshold filter compares the metric (left) with its threshold (right): W&B's {@code cmp_op}. Numbers within
 * {@link MetricWindows#TOLERANCE} of each other count as equal, so an average of 0.1, 0.2 and 0.3 is {@code $eq 0.2}.
 */
enum Comparison {
    GT("$gt", "is not >"),
    GTE("$gte", "is not >="),
    LT("$lt", "is not <"),
    LTE("$lte", "is not <="),
    EQ("$eq", "is not equal to"),
    NE("$ne", "is equal to");

    private final String wireName;
    private final String failsPhrase;

    Comparison(String wireName, String failsPhrase) {
        this.wireName = wireName;
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

    /** Returns the phrase for this comparison failing, such as "is not >". */
    String failsPhrase() {
        return failsPhrase;
    }
}
