package dev.webhookrelay.fuzz;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The seeded case loop of the fuzz tests. Every case draws from its own {@link SplittableRandom}, derived from the
 * run's seed, the property's name and the case's index, so one failing case can be replayed alone:
 * <ul>
 * <li>{@code -Dfuzz.seed=N} sets the run's seed (default {@value #DEFAULT_SEED}); {@code -Dfuzz.seed=random} picks one
 * and prints it;
 * <li>{@code -Dfuzz.cases=N} runs N cases of every property instead of its default;
 * <li>{@code -Dfuzz.case=I} runs case I only.
 * </ul>
 * A failure names the property, the seed and the case, with the {@code -D} flags that replay it.
 */
final class Fuzz {

    /** The seed of a run that names none: fixed, so that the suite is deterministic in CI. */
    static final long DEFAULT_SEED = 20260605L;

    private static final long SEED = readSeed();

    /** The thread cases run on under {@link #within}; replaced when a case is abandoned. */
    private static ExecutorService worker = newWorker();

    private Fuzz() {
    }

    /** One case of a property: draw the input from {@code random}, run it, and throw when the property fails. */
    @FunctionalInterface
    interface Case {
        void run(SplittableRandom random) throws Throwable;
    }

    /** Counts what the cases of one property did, for the summary line: outcomes by label. */
    static final class Tally {
        private final Map<String, Long> counts = new TreeMap<>();

        synchronized void count(String label) {
            counts.merge(label, 1L, Long::sum);
        }

        @Override
        public synchronized String toString() {
            return counts.toString();
        }
    }

    /**
     * Returns what {@code action} returns, run on a worker thread and abandoned when it takes longer than
     * {@code bound}: a hang fails the case rather than the build. The worker is reused from case to case, as starting a
     * thread per case costs more than most cases; one that is abandoned is interrupted and replaced.
     *
     * @throws AssertionError if {@code action} takes longer than {@code bound}
     * @throws Exception what {@code action} throws
     */
    static synchronized <T> T within(Duration bound, Callable<T> action) throws Exception {
        Future<T> result = worker.submit(action);
        try {
            return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("took more than " + bound.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzz-case");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Returns the seed of this run. */
    static long seed() {
        return SEED;
    }

    /**
     * Runs {@code defaultCases} cases of {@code property} (or as many as {@code -Dfuzz.cases} says, or only case
     * {@code -Dfuzz.case}), and prints one summary line with the time taken and {@code tally}.
     *
     * @throws AssertionError naming the seed and case of the first case that fails
     */
    static void run(String property, int defaultCases, Tally tally, Case body) {
        int cases = Integer.getInteger("fuzz.cases", defaultCases);
        Integer only = Integer.getInteger("fuzz.case");
        int from = only == null ? 0 : only;
        int to = only == null ? cases : only + 1;
        long started = System.nanoTime();
        long slowest = -1;
        int slowestCase = -1;
        for (int i = from; i < to; i++) {
            SplittableRandom random = new SplittableRandom(caseSeed(property, i));
            long caseStarted = System.nanoTime();
            try {
                body.run(random);
                long took = System.nanoTime() - caseStarted;
                if (took > slowest) {
                    slowest = took;
                    slowestCase = i;
                }
            } catch (Throwable e) {
                throw new AssertionError(String.format(Locale.ROOT,
                        "%s failed on case %d of seed %d; replay it alone with -Dfuzz.seed=%d -Dfuzz.case=%d: %s",
                        property, i, SEED, SEED, i, abbreviate(String.valueOf(e), 800)), e);
            }
        }
        System.out.printf(Locale.ROOT, "fuzz: %s: %d cases of seed %d in %d ms (slowest: case %d, %d ms): %s%n",
                property, to - from, SEED, (System.nanoTime() - started) / 1_000_000, slowestCase,
                slowest / 1_000_000, tally);
    }

    /** Returns the seed of case {@code index} of {@code property}: independent of every other case. */
    static long caseSeed(String property, int index) {
        long h = SEED;
        h = h * 0x9E3779B97F4A7C15L + property.hashCode();
        h = h * 0x9E3779B97F4A7C15L + index;
        return h;
    }

    /**
     * Returns {@code text} for a failure message: cut to {@code max} characters, with control characters, surrogates
     * and other invisible characters as {@code \\uXXXX} escapes, so that reports and terminals show it whole.
     */
    static String abbreviate(String text, int max) {
        if (text == null) {
            return null;
        }
        String shown = text.length() <= max ? text : text.substring(0, max);
        StringBuilder escaped = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c) && c != ' ')) {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return shown.length() < text.length() ? escaped + "… (" + text.length() + " characters)" : escaped.toString();
    }

    private static long readSeed() {
        String given = System.getProperty("fuzz.seed");
        if (given == null || given.isBlank()) {
            return DEFAULT_SEED;
        }
        if (given.equalsIgnoreCase("random")) {
            long seed = new SplittableRandom().nextLong();
            System.out.println("fuzz: random seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
            return seed;
        }
        return Long.decode(given.trim());
    }
}
