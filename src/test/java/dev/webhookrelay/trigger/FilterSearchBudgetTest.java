package dev.webhookrelay.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.model.EventType;

/**
 * One evaluation of a filter is bounded however many searches the filter holds: each search is cut off past
 * {@link RegexGuard#STEP_BUDGET} steps, and all of them together past {@link RegexGuard#EVALUATION_BUDGET}. Found while
 * building the evaluator fuzz test: a 1 MiB filter of searches that each stayed under the per-search budget took
 * minutes. Filters are now capped at {@link TriggerEvaluator#MAX_FILTER_CHARS}, which still holds thousands of searches.
 */
class FilterSearchBudgetTest {

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @Test
    void aFilterCapOfAlternativesThatEachStayUnderTheBudgetIsCutOffInTime() {
        // a*a*b on 100 a's reads about 170,000 characters: under the per-search budget, 2,200 times over.
        String filter = alternatives("{\"alias\":{\"$regex\":\"a*a*b\"}}");

        long start = System.nanoTime();
        Verdict verdict = evaluator.evaluate(Fixtures.aliasEvent("a".repeat(100)),
                Fixtures.automation(EventType.ADD_ARTIFACT_ALIAS, filter));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(verdict.fires()).isFalse();
        assertThat(verdict.reason()).isEqualTo("regex a*a*b on alias was too expensive: the filter's searches were"
                + " abandoned after 4,000,000 steps in all");
    }

    @Test
    void linearSearchesOfALongValueAddUpToTheBudgetToo() {
        String filter = alternatives("{\"alias\":{\"$regex\":\"b\"}}");

        long start = System.nanoTime();
        Verdict verdict = evaluator.evaluate(Fixtures.aliasEvent("a".repeat(50_000)),
                Fixtures.automation(EventType.ADD_ARTIFACT_ALIAS, filter));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(verdict.reason()).endsWith("abandoned after 4,000,000 steps in all");
    }

    @Test
    void aSearchAtTheEdgeOfItsBudgetIsStillExplained() {
        // About 500,000 steps: within the per-search budget, and explaining the skip repeats it twice.
        String filter = Fixtures.sdkFilter("{\"alias\":{\"$regex\":\"a*b\"}}");

        Verdict verdict = evaluator.evaluate(Fixtures.aliasEvent("a".repeat(990)),
                Fixtures.automation(EventType.ADD_ARTIFACT_ALIAS, filter));

        assertThat(verdict.reason()).startsWith("alias 'aaaa").endsWith(" does not match a*b");
    }

    @Test
    void theBudgetIsPerEvaluation() {
        String filter = Fixtures.sdkFilter("{\"alias\":{\"$regex\":\"a*b\"}}");
        var automation = Fixtures.automation(EventType.ADD_ARTIFACT_ALIAS, filter);

        for (int i = 0; i < 20; i++) {
            assertThat(evaluator.evaluate(Fixtures.aliasEvent("a".repeat(990)), automation).reason())
                    .endsWith(" does not match a*b");
        }
        assertThat(evaluator.evaluate(Fixtures.aliasEvent("aab"), automation).fires()).isTrue();
    }

    /** Returns {@code {"$or":[condition, …]}} with as many copies of {@code condition} as a filter may hold. */
    private static String alternatives(String condition) {
        int copies = (TriggerEvaluator.MAX_FILTER_CHARS - 100) / (condition.length() + 1);
        return "{\"$or\":[" + String.join(",", Collections.nCopies(copies, condition)) + "]}";
    }
}
