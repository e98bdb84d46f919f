package dev.webhookrelay.trigger;

import static dev.webhookrelay.trigger.Fixtures.automation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.webhookrelay.model.EventType;

/**
 * Filters that cannot be evaluated are rejected with a message naming the problem: a rule for another event type, a
 * missing rule, unknown keys, bad values. The caller turns these into a 422 naming {@code automations[i].eventFilter}.
 */
class FilterShapeTest {

    private static final String T = "\"threshold_filter\":{\"name\":\"acc\",\"cmp_op\":\"$gt\",\"threshold\":0.6}";
    private static final String C = "\"change_filter\":{\"name\":\"loss\",\"change_type\":\"ABSOLUTE\","
            + "\"change_dir\":\"ANY\",\"change_amount\":1}";
    private static final String Z = "\"zscore_filter\":{\"name\":\"acc\"}";
    private static final String S = "\"run_state_filter\":{\"states\":[\"FAILED\"]}";

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # event type      | filter                                   | message
            # a rule must fit the automation's event type: it could never fire otherwise
            RUN_STATE         | {"run_metric_filter":{T}}                | threshold_filter does not apply to RUN_STATE automations, which need run_state_filter
            RUN_METRIC        | {S}                                      | run_state_filter does not apply to RUN_METRIC automations, which need run_metric_filter.threshold_filter
            RUN_METRIC        | {"run_metric_filter":{C}}                | change_filter does not apply to RUN_METRIC automations, which need run_metric_filter.threshold_filter
            RUN_METRIC_CHANGE | {"run_metric_filter":{Z}}                | zscore_filter does not apply to RUN_METRIC_CHANGE automations, which need run_metric_filter.change_filter
            RUN_METRIC_ZSCORE | {"run_metric_filter":{T}}                | threshold_filter does not apply to RUN_METRIC_ZSCORE automations, which need run_metric_filter.zscore_filter
            RUN_METRIC        | {"run_filter":"{\\"$and\\":[]}"}          | RUN_METRIC filters need run_metric_filter.threshold_filter
            RUN_STATE         | {"run_metric_filter":{"threshold_filter":null}} | RUN_STATE filters need run_state_filter
            RUN_METRIC        | {S,"run_metric_filter":{T}}              | A filter has either run_state_filter or a metric filter, not both
            RUN_METRIC        | {"run_metric_filter":{T,C}}              | More than one metric filter at run_metric_filter: threshold_filter, change_filter
            # run events take the run shape, artifact events the field expression shape
            RUN_STATE         | {"$or":[{"$and":[]}]}                     | Unknown key '$or' in the RUN_STATE filter; run event filters are {"run_filter": …, "run_state_filter": …}
            RUN_METRIC        | {"display_name":"x"}                     | Unknown key 'display_name' in the RUN_METRIC filter; run event filters are {"run_filter": …, "run_metric_filter.threshold_filter": …}
            ADD_ARTIFACT_ALIAS | {S}                                     | run_state_filter is for run events; ADD_ARTIFACT_ALIAS filters are field expressions such as {"$or":[{"$and":[{"alias":{"$eq":"prod"}}]}]}
            LINK_ARTIFACT     | {"run_filter":"{}",S}                    | run_filter is for run events; LINK_ARTIFACT filters are field expressions such as {"$or":[{"$and":[{"alias":{"$eq":"prod"}}]}]}
            RUN_STATE         | {"run_filter":"{\\"alias\\":\\"x\\"}",S}   | Unknown field 'alias' at run_filter.alias; RUN_STATE filters may name display_name and username
            RUN_STATE         | {"run_filter":"[]",S}                     | Expected a JSON object in run_filter, got an array
            # the filter itself
            ADD_ARTIFACT_ALIAS | []                                       | Expected a JSON object in the filter, got an array
            ADD_ARTIFACT_ALIAS | "{}"                                     | Expected a JSON object in the filter, got a string
            # run_metric_filter and run_state_filter
            RUN_METRIC        | {"run_metric_filter":{"mean_filter":{}}} | Unknown key 'mean_filter' at run_metric_filter; expected threshold_filter, change_filter or zscore_filter
            RUN_METRIC        | {"run_metric_filter":"{}"}               | Expected an object at run_metric_filter, got a string
            RUN_STATE         | {"run_state_filter":{"states":["PREEMPTED"]}} | Unknown run state PREEMPTED at run_state_filter.states; expected RUNNING, FINISHED, FAILED or CRASHED
            RUN_STATE         | {"run_state_filter":{"states":[1]}}      | Unknown run state 1 at run_state_filter.states; expected RUNNING, FINISHED, FAILED or CRASHED
            RUN_STATE         | {"run_state_filter":{"states":[]}}       | No run state at run_state_filter.states
            RUN_STATE         | {"run_state_filter":{}}                  | Expected a list of run states at run_state_filter.states
            RUN_STATE         | {"run_state_filter":{"state":["FAILED"]}} | Unknown key 'state' at run_state_filter; expected states
            RUN_STATE         | {"run_state_filter":["FAILED"]}          | Expected an object at run_state_filter, got an array
            """)
    void misshapenFiltersAreRejected(EventType type, String filter, String message) {
        String json = filter.replace("{T}", "{" + T + "}").replace("{C}", "{" + C + "}").replace("{Z}", "{" + Z + "}")
                .replace("{T,C}", "{" + T + "," + C + "}").replace("{S}", "{" + S + "}").replace("{S,", "{" + S + ",")
                .replace(",S}", "," + S + "}");

        assertThatThrownBy(() -> evaluator.evaluate(Fixtures.runEvent(type), automation(type, json)))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # kind           | metric filter                                                      | message
            threshold_filter | {"name":"acc","cmp_op":"$gt","threshold":0.6,"windw_size":5}       | Unknown key 'windw_size' at run_metric_filter.threshold_filter; expected agg_op, cmp_op, name, threshold, window_size
            threshold_filter | {"name":"acc","threshold":0.6}                                     | Missing cmp_op at run_metric_filter.threshold_filter
            threshold_filter | {"name":"acc","cmp_op":">","threshold":0.6}                        | Unknown cmp_op > at run_metric_filter.threshold_filter; expected $gt, $gte, $lt, $lte, $eq or $ne
            threshold_filter | {"name":"acc","cmp_op":"$in","threshold":0.6}                      | Unknown cmp_op $in at run_metric_filter.threshold_filter; expected $gt, $gte, $lt, $lte, $eq or $ne
            threshold_filter | {"name":"acc","cmp_op":"$gt"}                                      | Missing threshold at run_metric_filter.threshold_filter
            threshold_filter | {"name":"acc","cmp_op":"$gt","threshold":"0.6"}                    | Expected a number at run_metric_filter.threshold_filter.threshold, got a string
            threshold_filter | {"name":"acc","cmp_op":"$gt","threshold":0.6,"agg_op":"MEDIAN"}    | Unknown agg_op MEDIAN at run_metric_filter.threshold_filter; expected AVERAGE, MIN, MAX or null
            threshold_filter | {"name":"acc","cmp_op":"$gt","threshold":0.6,"window_size":0}      | Expected a whole number from 1 to 1000000 at run_metric_filter.threshold_filter.window_size, got 0
            threshold_filter | {"name":"acc","cmp_op":"$gt","threshold":0.6,"window_size":2.5}    | Expected a whole number from 1 to 1000000 at run_metric_filter.threshold_filter.window_size, got 2.5
            threshold_filter | {"name":"acc","cmp_op":"$gt","threshold":0.6,"window_size":1000001} | Expected a whole number from 1 to 1000000 at run_metric_filter.threshold_filter.window_size, got 1000001
            threshold_filter | {"cmp_op":"$gt","threshold":0.6}                                   | Missing name at run_metric_filter.threshold_filter
            threshold_filter | {"name":" ","cmp_op":"$gt","threshold":0.6}                        | Empty metric name at run_metric_filter.threshold_filter.name
            threshold_filter | {"name":7,"cmp_op":"$gt","threshold":0.6}                          | Expected a string at run_metric_filter.threshold_filter.name, got 7
            change_filter    | {"name":"loss","change_dir":"ANY","change_amount":1}                | Missing change_type at run_metric_filter.change_filter
            change_filter    | {"name":"loss","change_type":"PERCENT","change_dir":"ANY","change_amount":1} | Unknown change_type PERCENT at run_metric_filter.change_filter; expected ABSOLUTE or RELATIVE
            change_filter    | {"name":"loss","change_type":"ABSOLUTE","change_amount":1}         | Missing change_dir at run_metric_filter.change_filter; expected INCREASE, DECREASE or ANY
            change_filter    | {"name":"loss","change_type":"ABSOLUTE","change_dir":"UP","change_amount":1} | Unknown change_dir UP at run_metric_filter.change_filter; expected INCREASE, DECREASE or ANY
            change_filter    | {"name":"loss","change_type":"ABSOLUTE","change_dir":"ANY","change_amount":-0.1} | Expected a positive number at run_metric_filter.change_filter.change_amount, got -0.1
            change_filter    | {"name":"loss","change_type":"ABSOLUTE","change_dir":"ANY"}        | Missing change_amount at run_metric_filter.change_filter
            change_filter    | {"name":"loss","change_type":"ABSOLUTE","change_dir":"ANY","change_amount":1,"cmp_op":"$gt"} | Unknown key 'cmp_op' at run_metric_filter.change_filter; expected agg_op, change_amount, change_dir, change_type, current_window_size, name, prior_window_size
            zscore_filter    | {"name":"acc","threshold":0}                                       | Expected a positive number at run_metric_filter.zscore_filter.threshold, got 0
            zscore_filter    | {"name":"acc","change_dir":7}                                      | Unknown change_dir 7 at run_metric_filter.zscore_filter; expected INCREASE, DECREASE or ANY
            zscore_filter    | {"name":"acc","window_size":"30"}                                  | Expected a whole number from 1 to 1000000 at run_metric_filter.zscore_filter.window_size, got a string
            zscore_filter    | {"name":"acc","agg_op":"AVERAGE"}                                  | Unknown key 'agg_op' at run_metric_filter.zscore_filter; expected change_dir, name, threshold, window_size
            """)
    void badMetricFiltersAreRejectedNamingTheKey(String kind, String filter, String message) {
        EventType type = switch (kind) {
            case "threshold_filter" -> EventType.RUN_METRIC;
            case "change_filter" -> EventType.RUN_METRIC_CHANGE;
            default -> EventType.RUN_METRIC_ZSCORE;
        };

        assertThatThrownBy(() -> evaluator.evaluate(Fixtures.runEvent(type),
                automation(type, MetricFilterTest.metricFilter(kind, filter))))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # a legacy metric_filter with a problem is named as such
            {"metric_filter":"{\\"name\\":\\"acc\\",\\"cmp_op\\":\\"$gt\\"}"}  | Missing threshold at metric_filter
            """)
    void legacyMetricFilterProblemsNameIt(String filter, String message) {
        assertThatThrownBy(() -> evaluator.evaluate(Fixtures.runEvent(EventType.RUN_METRIC),
                automation(EventType.RUN_METRIC, filter)))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # event type       | filter                                         | message starts with (the rest is Jackson's)
            ADD_ARTIFACT_ALIAS | {"$or":[{"$and":[                               | Invalid JSON in the filter at line 1, column 18: Unexpected end-of-input
            ADD_ARTIFACT_ALIAS | {"alias":"a","alias":"b"}                      | Invalid JSON in the filter at line 1, column 21: Duplicate field 'alias'
            ADD_ARTIFACT_ALIAS | {} {}                                           | Invalid JSON in the filter at line 1, column 4: more content after the value
            ADD_ARTIFACT_ALIAS | {'alias':'a'}                                   | Invalid JSON in the filter at line 1, column 2: Unexpected character
            RUN_STATE          | {"run_filter":"{\\"$and\\":[","run_state_filter":{"states":["FAILED"]}} | Invalid JSON in run_filter at line 1, column 10: Unexpected end-of-input
            RUN_METRIC         | {"metric_filter":"{\\"name\\":\\"acc\\""}     | Invalid JSON in metric_filter at line 1, column 14: Unexpected end-of-input
            """)
    void invalidJsonIsRejectedWithItsPosition(EventType type, String filter, String message) {
        assertThatThrownBy(() -> evaluator.evaluate(Fixtures.runEvent(type), automation(type, filter)))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("start marker");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # odd but accepted: the SDK's lenient enum spellings
            {"name":"acc","agg_op":"avg","window_size":1,"cmp_op":"$gt","threshold":0}
            {"name":"acc","agg_op":"Min","window_size":1,"cmp_op":"$gt","threshold":0}
            {"name":"acc","agg_op":"max","window_size":1,"cmp_op":"$gt","threshold":0}
            """)
    void aggregationNamesIgnoreCase(String filter) {
        assertThat(evaluator.evaluate(Fixtures.metricEvent(EventType.RUN_METRIC, "acc", 1.0),
                automation(EventType.RUN_METRIC, MetricFilterTest.metricFilter("threshold_filter", filter))))
                .returns(true, Verdict::fires);
    }
}
