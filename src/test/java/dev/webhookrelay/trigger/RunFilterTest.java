package dev.webhookrelay.trigger;

import static dev.webhookrelay.trigger.Fixtures.automation;
import static dev.webhookrelay.trigger.Fixtures.runEvent;
import static dev.webhookrelay.trigger.Fixtures.runFilter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.Metric;

/** Run events: {@code run_filter} over display_name and username, and {@code run_state_filter}. */
class RunFilterTest {

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # states in the filter       | run state | skip reason (empty: fires)
            ["FAILED","FINISHED"]        | FINISHED  |
            ["FAILED","FINISHED"]        | failed    |
            ["FAILED","FINISHED"]        | CRASHED   |
            ["FAILED","FINISHED"]        | crashed   |
            ["crashed"]                  | FAILED    |
            ["RUNNING"]                  | Running   |
            "FINISHED"                   | FINISHED  |
            ["FAILED","FINISHED"]        | RUNNING   | run state RUNNING is not one of FAILED, FINISHED
            ["FAILED","FINISHED"]        | PREEMPTED | run state PREEMPTED is not one of FAILED, FINISHED
            ["FINISHED","finished"]      | running   | run state running is not one of FINISHED
            ["FAILED","FINISHED"]        |           | event has no run state; the filter watches FAILED, FINISHED
            """)
    void runStateFilterMatchesStatesIgnoringCaseWithCrashedAsFailed(String states, String state, String reason) {
        String filter = "{\"run_filter\":" + runFilter(null) + ",\"run_state_filter\":{\"states\":" + states + "}}";

        Verdict verdict = evaluator.evaluate(runEvent(EventType.RUN_STATE, "exp-7", "frds", state, null),
                automation(EventType.RUN_STATE, filter));

        assertThat(verdict).extracting(Verdict::reason).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} on {1}/{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # run_filter conditions under the SDK's $and                          | display_name | username | skip reason (empty: fires)
            {"display_name":{"$regex":"^exp"}}                                    | exp-7        | frds     |
            {"display_name":{"$regex":"^exp"}}                                    | baseline-3   | frds     | display_name 'baseline-3' does not match ^exp
            {"display_name":{"$contains":"-7"}}                                   | exp-7        | frds     |
            {"username":{"$eq":"frds"}}                                           | exp-7        | alice    | username 'alice' does not equal 'frds'
            {"username":{"$in":["frds","alice"]}},{"display_name":{"$ne":"tmp"}}  | exp-7        | alice    |
            {"$nor":[{"username":"bot"}]}                                         | exp-7        | bot      | $nor excludes it: username 'bot' equals 'bot'
            {"display_name":{"$exists":true}}                                     |              | frds     | display_name is absent
            """)
    void runFilterMatchesDisplayNameAndUsername(String conditions, String displayName, String username,
            String reason) {
        String filter = "{\"run_filter\":" + runFilter(conditions) + ",\"run_state_filter\":{\"states\":[\"FINISHED\"]}}";

        Verdict verdict = evaluator.evaluate(runEvent(EventType.RUN_STATE, displayName, username, "FINISHED", null),
                automation(EventType.RUN_STATE, filter));

        assertThat(verdict).extracting(Verdict::reason).isEqualTo(reason);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = { "RUN_METRIC", "RUN_METRIC_CHANGE", "RUN_METRIC_ZSCORE" })
    void runFilterIsCheckedBeforeTheMetric(EventType type) {
        String kind = switch (type) {
            case RUN_METRIC -> "\"threshold_filter\":{\"name\":\"acc\",\"cmp_op\":\"$gt\",\"threshold\":100}";
            case RUN_METRIC_CHANGE -> "\"change_filter\":{\"name\":\"acc\",\"change_type\":\"ABSOLUTE\","
                    + "\"change_dir\":\"ANY\",\"change_amount\":100}";
            default -> "\"zscore_filter\":{\"name\":\"acc\",\"window_size\":1000}";
        };
        String filter = "{\"run_filter\":" + runFilter("{\"display_name\":{\"$regex\":\"^exp\"}}")
                + ",\"run_metric_filter\":{" + kind + "},\"metric_filter\":null}";

        Verdict verdict = evaluator.evaluate(runEvent(type, "baseline", "frds", "RUNNING",
                new Metric("acc", List.of(0.5))), automation(type, filter));

        assertThat(verdict).isEqualTo(Verdict.skip("display_name 'baseline' does not match ^exp"));
    }

    @Test
    void runFilterMayBeAnObjectOrEmpty() {
        String asObject = "{\"run_filter\":{\"$and\":[{\"username\":\"frds\"}]},\"run_state_filter\":{\"states\":"
                + "[\"FINISHED\"]}}";
        String empty = "{\"run_filter\":\"\",\"run_state_filter\":{\"states\":[\"FINISHED\"]}}";
        String absent = "{\"run_state_filter\":{\"states\":[\"FINISHED\"]}}";

        assertThat(evaluator.evaluate(runEvent(EventType.RUN_STATE), automation(EventType.RUN_STATE, asObject)))
                .returns(true, Verdict::fires);
        assertThat(evaluator.evaluate(runEvent(EventType.RUN_STATE), automation(EventType.RUN_STATE, empty)))
                .returns(true, Verdict::fires);
        assertThat(evaluator.evaluate(runEvent(EventType.RUN_STATE), automation(EventType.RUN_STATE, absent)))
                .returns(true, Verdict::fires);
    }

    @Test
    void eventWithoutRunHasNoRunFields() {
        String filter = "{\"run_filter\":" + runFilter("{\"username\":{\"$eq\":\"frds\"}}")
                + ",\"run_state_filter\":{\"states\":[\"FINISHED\"]}}";

        Verdict verdict = evaluator.evaluate(new Event("e", EventType.RUN_STATE, null,
                new Event.EntityRef(null, "tiny-ml"), null, null, null, null, null, null),
                automation(EventType.RUN_STATE, filter));

        assertThat(verdict).isEqualTo(Verdict.skip("username (absent) does not equal 'frds'"));
    }
}
