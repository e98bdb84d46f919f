package dev.webhookrelay.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.webhookrelay.model.EventType;

/**
 * Issue 12 (2): a filter's text is capped, so that distinct large filters cannot fill the compiled-filter cache (which is
 * also bounded by the summed length of its texts, see {@code cache/BoundedCacheTest}).
 */
class FilterSizeLimitTest {

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @Test
    void filterLongerThanTheCapIsRefusedNamingTheLimit() {
        String filter = filterOfLength(TriggerEvaluator.MAX_FILTER_CHARS + 1);

        assertThatThrownBy(() -> evaluator.evaluate(Fixtures.aliasEvent("x"),
                Fixtures.automation(EventType.ADD_ARTIFACT_ALIAS, filter)))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("Event filter is 65537 characters; the limit is 65536 characters");
    }

    @Test
    void filterOfExactlyTheCapIsEvaluated() {
        String filter = filterOfLength(TriggerEvaluator.MAX_FILTER_CHARS);

        assertThat(evaluator.evaluate(Fixtures.aliasEvent("x"), Fixtures.automation(EventType.ADD_ARTIFACT_ALIAS,
                filter)).fires()).isTrue();
    }

    /** Returns {@code {"$or":[{"alias":"x"},{"alias":"yyy…"}]}}, padded to exactly {@code length} characters. */
    static String filterOfLength(int length) {
        String head = "{\"$or\":[{\"alias\":\"x\"},{\"alias\":\"";
        String tail = "\"}]}";
        return head + "y".repeat(length - head.length() - tail.length()) + tail;
    }
}
