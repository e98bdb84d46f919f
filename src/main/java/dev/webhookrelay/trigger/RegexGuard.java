package dev.webhookrelay.trigger;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.webhookrelay.cache.BoundedCache;

/**
 * Compiles filter regexes once, into a bounded cache, and matches them with a bounded cost. A match is a search, like
 * MongoDB's {@code $regex} and Python's {@code re.search}: {@code ^prod} matches {@code production}, and {@code prod}
 * matches {@code preprod}; anchor with {@code ^…$} for a full match. The syntax is {@link Pattern}'s, which agrees with
 * PCRE and Python on the constructs filters use; inline flags such as {@code (?i)} work.
 *
 * <p>The cost bound counts the characters the matcher reads: past {@link #STEP_BUDGET} reads on one value the match is
 * abandoned with {@link RegexTooExpensiveException}. A linear pattern reads each character a few times, so only
 * catastrophic backtracking, such as {@code (a+)+$} on {@code aaa…b}, reaches the budget. Within {@link #bounded},
 * all the searches of one filter evaluation share {@link #EVALUATION_BUDGET} as well, as a filter may hold thousands
 * of searches that each stay under the budget. Safe for concurrent use.
 */
final class RegexGuard {

    /**
     * Character reads allowed for one search: about 10 ms of backtracking on a 2-core machine, and a thousand times what
     * a linear pattern needs on a 1,000-character value.
     */
    static final long STEP_BUDGET = 1_000_000;

    /**
     * Character reads allowed for all the searches of one filter evaluation: four searches' worth, about 40 ms, so
     * that a filter of one search at the edge of {@link #STEP_BUDGET}, explained (which repeats it twice), completes.
     * Without it, a 1 MiB filter of 36,000 alternatives such as {@code {"alias":{"$regex":"a*a*b"}}}, each under the
     * budget on a 100-character alias, took minutes.
     */
    static final long EVALUATION_BUDGET = 4 * STEP_BUDGET;

    /** Longest pattern accepted; W&B's alias and run-name patterns are short. */
    static final int MAX_PATTERN_LENGTH = 1_000;

    /** The character reads left to the filter evaluation running on this thread, when it runs {@link #bounded}. */
    private static final ThreadLocal<long[]> EVALUATION_LEFT = new ThreadLocal<>();

    private final BoundedCache<String, Pattern> patterns;

    RegexGuard(int cacheSize) {
        this.patterns = BoundedCache.ofEntries(cacheSize);
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
     * Returns what {@code evaluation} returns, with all the searches it makes on this thread limited to
     * {@link #EVALUATION_BUDGET} steps together.
     */
    static <T> T bounded(Supplier<T> evaluation) {
        long[] outer = EVALUATION_LEFT.get();
        EVALUATION_LEFT.set(new long[] { EVALUATION_BUDGET });
        try {
            return evaluation.get();
        } finally {
            if (outer == null) {
                EVALUATION_LEFT.remove();
            } else {
                EVALUATION_LEFT.set(outer);
            }
        }
    }

    /**
     * Returns whether {@code pattern} matches somewhere in {@code value}.
     *
     * @throws RegexTooExpensiveException when the match takes more than {@link #STEP_BUDGET} steps, or more than the
     *         evaluation within {@link #bounded} has left
     */
    static boolean find(Pattern pattern, String value, Field field) {
        long[] left = EVALUATION_LEFT.get();
        long budget = left == null ? STEP_BUDGET : Math.min(STEP_BUDGET, left[0]);
        BudgetedSequence sequence = new BudgetedSequence(value, budget);
        try {
            return pattern.matcher(sequence).find();
        } catch (BudgetExceeded | StackOverflowError e) {
            if (e instanceof BudgetExceeded && budget < STEP_BUDGET) {
                throw new RegexTooExpensiveException("regex " + pattern.pattern() + " on " + field
                        + " was too expensive: the filter's searches were abandoned after "
                        + String.format(Locale.ROOT, "%,d", EVALUATION_BUDGET) + " steps in all", e);
            }
            throw new RegexTooExpensiveException("regex " + pattern.pattern() + " on " + field
                    + " was too expensive: matching a " + value.length() + "-character value was abandoned after "
                    + String.format(Locale.ROOT, "%,d", STEP_BUDGET) + " steps", e);
        } finally {
            if (left != null) {
                left[0] -= budget - Math.max(0, sequence.remaining);
            }
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
