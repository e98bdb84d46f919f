package dev.webhookrelay.trigger;

/**
 * The comparison operators of a field condition that take one string operand. String order is by Unicode code point,
 * which is the order of the strings' UTF-8 bytes, as in MongoDB. An absent field equals only a null operand and is
 * neither greater nor less than anything.
 */
enum Operator {
    EQ("$eq", "equals", "does not equal"),
    NE("$ne", "does not equal", "equals"),
    GT("$gt", "is >", "is not >"),
    GTE("$gte", "is >=", "is not >="),
    LT("$lt", "is <", "is not <"),
    LTE("$lte", "is <=", "is not <="),
    CONTAINS("$contains", "contains", "does not contain");

    private final String wireName;
    private final String holdsPhrase;
    private final String failsPhrase;

    Operator(String wireName, String holdsPhrase, String failsPhrase) {
        this.wireName = wireName;
        this.holdsPhrase = holdsPhrase;
        this.failsPhrase = failsPhrase;
    }

    /** Returns the operator spelled {@code name} in a filter, or null. */
    static Operator named(String name) {
        for (Operator op : values()) {
            if (op.wireName.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** Returns whether {@code value} (null when absent) stands in this relation to {@code operand}. */
    boolean test(String value, String operand) {
        return switch (this) {
            case EQ -> value == null ? operand == null : value.equals(operand);
            case NE -> !EQ.test(value, operand);
            case GT -> value != null && compare(value, operand) > 0;
            case GTE -> value != null && compare(value, operand) >= 0;
            case LT -> value != null && compare(value, operand) < 0;
            case LTE -> value != null && compare(value, operand) <= 0;
            case CONTAINS -> value != null && value.contains(operand);
        };
    }

    /** Returns the phrase for this relation holding ({@code holds}) or not, such as "does not equal". */
    String phrase(boolean holds) {
        return holds ? holdsPhrase : failsPhrase;
    }

    /** Returns whether this operator accepts a null operand (matching an absent field). */
    boolean acceptsNull() {
        return this == EQ || this == NE;
    }

    @Override
    public String toString() {
        return wireName;
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
