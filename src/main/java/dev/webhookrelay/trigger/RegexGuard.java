package dev.webhookrelay.trigger;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles filter regexes once, into a bounded cache, and matches them with a bounded cost. A match is a search, like
 * MongoDB's {@code $regex} and Python's {@code re.search}: {@code ^prod} matches {@code production}, and {@code prod}
 * matches {@code preprod}; anchor with {@code ^…$} for a full match. The syntax is {@link Pattern}'s, which agrees with
 * PCRE and Python on the constructs filters use; inline flags such as {@code (?i)} work.
 *
 * <p>The cost bound counts the characters the matcher reads: past {@link #STEP_BUDGET} reads on one value the match is
 * abandoned with {@link RegexTooExpensiveException}. A linear pattern reads each character a few times, so only
 * catastrophic backtracking, such as {@code (a+)+$} on {@code aaa…b}, reaches the budget. Safe for concurrent use.
 */
final class RegexGuard {

    /**
     * Character reads allowed for one search: about 10 ms of backtracking on a 2-core machine, and a thousand times what
     * a linear pattern needs on a 1,000-character value.
     */
    static final long STEP_BUDGET = 1_000_000;

    /** Longest pattern accepted; W&B's alias and run-name patterns are short. */
    static final int MAX_PATTERN_LENGTH = 1_000;

    private final BoundedCache<String, Pattern> patterns;

    RegexGuard(int cacheSize) {
        this.patterns = new BoundedCache<>(cacheSize);
    }

    /**
     * Returns the compiled {@code regex}, from the cache when it was compiled before.
     *
     * @throws InvalidFilterException when {@code regex} is too long or not a valid pattern
     */
    Pattern compile(String regex, String location) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidFilterException("$regex at " + location + " is longer than " + MAX_PATTERN_LENGTH
                    + " characters");
        }
        return patterns.get(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new InvalidFilterException("Invalid $regex at " + location + ": " + e.getDescription()
                        + " near index " + e.getIndex() + " of " + r, e);
            }
        });
    }

    /**
     * Returns whether {@code pattern} matches somewhere in {@code value}.
     *
     * @throws RegexTooExpensiveException when the match takes more than {@link #STEP_BUDGET} steps
     */
    static boolean find(Pattern pattern, String value, Field field) {
        try {
            return pattern.matcher(new BudgetedSequence(value, STEP_BUDGET)).find();
        } catch (BudgetExceeded | StackOverflowError e) {
            throw new RegexTooExpensiveException("regex " + pattern.pattern() + " on " + field
                    + " was too expensive: matching a " + value.length() + "-character value was abandoned after "
                    + String.format(Locale.ROOT, "%,d", STEP_BUDGET) + " steps", e);
        }
    }

    /** Thrown from {@code charAt} when the budget is spent; cheap, since it has no stack trace. */
    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A string that counts its character reads and refuses them past a budget. Confined to one match. */
    private static final class BudgetedSequence implements CharSequence {
        private final String value;
        private long remaining;

        BudgetedSequence(String value, long budget) {
            this.value = value;
            this.remaining = budget;
        }

        @Override
        public char charAt(int index) {
            if (--remaining < 0) {
                throw new BudgetExceeded();
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return value.subSequence(start, end); // Used for groups after a match, never while matching.
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
