package dev.webhookrelay.trigger;

import static dev.webhookrelay.trigger.Fixtures.automation;
import static dev.webhookrelay.trigger.Fixtures.metricEvent;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.webhookrelay.model.EventType;

/**
 * Run metric windows over {@code event.metric.values} (oldest first): threshold, change and z-score, with the edge
 * cases of docs/automations.md. The event's metric is always {@code acc} or {@code loss} as the filter says.
 */
class MetricFilterTest {

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @ParameterizedTest(name = "{0} over [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # threshold_filter                                                           | acc values                  | skip reason (empty: fires)
            # aggregates of the last window_size values
            {"name":"acc","agg_op":"AVERAGE","window_size":5,"cmp_op":"$gt","threshold":0.6} | 0.5, 0.5, 0.6, 0.5, 0.6      | average of last 5 acc values 0.54 is not > 0.6
            {"name":"acc","agg_op":"AVERAGE","window_size":5,"cmp_op":"$gt","threshold":0.6} | 0.1, 0.7, 0.7, 0.6, 0.6, 0.7 |
            {"name":"acc","agg_op":"MIN","window_size":3,"cmp_op":"$gte","threshold":0.5}     | 0.4, 0.5, 0.6, 0.7           |
            {"name":"acc","agg_op":"MIN","window_size":3,"cmp_op":"$gte","threshold":0.5}     | 0.5, 0.4, 0.6, 0.7           | minimum of last 3 acc values 0.4 is not >= 0.5
            {"name":"acc","agg_op":"MAX","window_size":3,"cmp_op":"$lt","threshold":0.7}      | 0.9, 0.5, 0.6, 0.7           | maximum of last 3 acc values 0.7 is not < 0.7
            {"name":"acc","agg_op":"MAX","window_size":3,"cmp_op":"$lte","threshold":0.7}     | 0.9, 0.5, 0.6, 0.7           |
            {"name":"acc","agg_op":"avg","window_size":2,"cmp_op":"$gt","threshold":0.5}      | 0.6, 0.6                     |
            # the latest value when agg_op is null, whatever the window
            {"name":"acc","agg_op":null,"window_size":1,"cmp_op":"$lte","threshold":1}        | 2, 0.9                       |
            {"name":"acc","agg_op":null,"window_size":1,"cmp_op":"$lte","threshold":1}        | 0.5, 1.5                     | latest acc value 1.5 is not <= 1
            {"name":"acc","agg_op":null,"window_size":5,"cmp_op":"$gt","threshold":0.5}       | 0.9                          |
            {"name":"acc","cmp_op":"$lt","threshold":0}                                       | -0.25                        |
            # equality, within a relative 1e-9, so that binary rounding does not matter
            {"name":"acc","agg_op":"AVERAGE","window_size":3,"cmp_op":"$eq","threshold":0.2}  | 0.1, 0.2, 0.3                |
            {"name":"acc","agg_op":"AVERAGE","window_size":3,"cmp_op":"$eq","threshold":0.3}  | 0.1, 0.2, 0.3                | average of last 3 acc values 0.2 is not equal to 0.3
            {"name":"acc","cmp_op":"$ne","threshold":1}                                       | 1                            | latest acc value 1 is equal to 1
            {"name":"acc","cmp_op":"$ne","threshold":1}                                       | 1.5                          |
            # too few values
            {"name":"acc","agg_op":"AVERAGE","window_size":5,"cmp_op":"$gt","threshold":0.6} | 0.9, 0.9, 0.9                | the average of last 5 acc values needs 5 acc values, event has 3
            {"name":"acc","cmp_op":"$gt","threshold":0.6}                                     |                              | the latest acc value needs 1 acc value, event has 0
            # null and NaN in the window skip; outside it they do not matter
            {"name":"acc","agg_op":"AVERAGE","window_size":3,"cmp_op":"$gt","threshold":0.1}  | 0.5, 0.5, null, 0.6, 0.7     | acc value at index 2 of 5 is null; a window must hold numbers
            {"name":"acc","agg_op":"AVERAGE","window_size":3,"cmp_op":"$gt","threshold":0.1}  | null, NaN, 0.5, 0.6, 0.7     |
            {"name":"acc","cmp_op":"$ne","threshold":0.5}                                     | 0.5, NaN                     | acc value at index 1 of 2 is NaN; a window must hold numbers
            # infinities are numbers, until they cancel out
            {"name":"acc","cmp_op":"$gt","threshold":10}                                      | 1, Infinity                  |
            {"name":"acc","cmp_op":"$lt","threshold":-10}                                     | 1, -Infinity                 |
            {"name":"acc","agg_op":"MAX","window_size":2,"cmp_op":"$gt","threshold":1}        | Infinity, -Infinity          |
            {"name":"acc","agg_op":"AVERAGE","window_size":2,"cmp_op":"$gt","threshold":1}    | Infinity, -Infinity          | the average of last 2 acc values is undefined: the window holds both infinities
            # the event's metric must be the filter's
            {"name":"loss","cmp_op":"$gt","threshold":1}                                      | 2                            | filter watches metric loss, event's metric is acc
            """)
    void thresholdComparesTheAggregateOfTheLastWindow(String filter, String values, String reason) {
        Verdict verdict = evaluator.evaluate(metricEvent(EventType.RUN_METRIC, "acc", values),
                automation(EventType.RUN_METRIC, metricFilter("threshold_filter", filter)));

        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} over [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # change_filter                                                                                                                      | loss values           | skip reason (empty: fires)
            # relative: a fraction of the prior window's aggregate, inclusive
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"prior_window_size":2,"change_type":"RELATIVE","change_dir":"DECREASE","change_amount":0.25} | 1, 1, 0.75, 0.75      |
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"prior_window_size":2,"change_type":"RELATIVE","change_dir":"DECREASE","change_amount":0.25} | 1, 1, 0.8, 0.8        | average of last 2 loss values 0.8 vs 1 for the average of the 2 before: a decrease of 20%, not a decrease of at least 25%
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"prior_window_size":2,"change_type":"RELATIVE","change_dir":"INCREASE","change_amount":0.25} | 1, 1, 0.5, 0.5        | average of last 2 loss values 0.5 vs 1 for the average of the 2 before: a decrease of 50%, not an increase of at least 25%
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"prior_window_size":2,"change_type":"RELATIVE","change_dir":"ANY","change_amount":0.25}      | 1, 1, 1.3, 1.2        |
            {"name":"loss","change_type":"RELATIVE","change_dir":"INCREASE","change_amount":0.5}                                                   | -2, -1                |
            # absolute: a difference, inclusive despite binary rounding
            {"name":"loss","change_type":"ABSOLUTE","change_dir":"ANY","change_amount":0.1}                                                        | 0.5, 0.62             |
            {"name":"loss","change_type":"ABSOLUTE","change_dir":"ANY","change_amount":0.1}                                                        | 0.5, 0.55             | latest loss value 0.55 vs 0.5 for the value before it: an increase of 0.05, not a change of at least 0.1
            {"name":"loss","change_type":"ABSOLUTE","change_dir":"INCREASE","change_amount":0.1}                                                   | 0.6, 0.7              |
            {"name":"loss","change_type":"ABSOLUTE","change_dir":"ANY","change_amount":0.1}                                                        | 1, 1                  | latest loss value 1 vs 1 for the value before it: no change, not a change of at least 0.1
            {"name":"loss","agg_op":"MAX","current_window_size":2,"prior_window_size":2,"change_type":"ABSOLUTE","change_dir":"INCREASE","change_amount":0.1}      | 0.5, 0.9, 0.6, 0.95   | maximum of last 2 loss values 0.95 vs 0.9 for the maximum of the 2 before: an increase of 0.05, not an increase of at least 0.1
            {"name":"loss","agg_op":"MIN","current_window_size":1,"prior_window_size":3,"change_type":"ABS","change_dir":"dec","change_amount":0.1}                | 0.5, 0.9, 0.6, 0.4    |
            # without agg_op: the latest value against the one before, whatever the windows
            {"name":"loss","current_window_size":5,"prior_window_size":5,"change_type":"ABSOLUTE","change_dir":"INCREASE","change_amount":1}                       | 1, 2                  |
            # a relative change from 0 is undefined; an absolute one is not
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"prior_window_size":2,"change_type":"RELATIVE","change_dir":"INCREASE","change_amount":0.1}  | 0, 0, 1, 1            | relative change of loss is undefined: the average of the 2 before is 0
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"prior_window_size":2,"change_type":"ABSOLUTE","change_dir":"INCREASE","change_amount":0.5}  | 0, 0, 1, 1            |
            # too few values; the prior window defaults to the current one
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"prior_window_size":3,"change_type":"ABSOLUTE","change_dir":"ANY","change_amount":1}         | 1, 2, 3, 4            | need 5 loss values to compare the average of last 2 loss values with the average of the 3 before, event has 4
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"change_type":"ABSOLUTE","change_dir":"ANY","change_amount":1}                               | 1, 2, 3               | need 4 loss values to compare the average of last 2 loss values with the average of the 2 before, event has 3
            # null, NaN and infinities
            {"name":"loss","agg_op":"AVERAGE","current_window_size":2,"prior_window_size":2,"change_type":"ABSOLUTE","change_dir":"ANY","change_amount":1}         | 9, NaN, 1, 2, 3       | loss value at index 1 of 5 is NaN; a window must hold numbers
            {"name":"loss","change_type":"ABSOLUTE","change_dir":"INCREASE","change_amount":1}                                                     | 1, Infinity           |
            {"name":"loss","change_type":"ABSOLUTE","change_dir":"ANY","change_amount":1}                                                          | Infinity, Infinity    | change of loss is undefined: the latest loss value is Infinity and the value before it is Infinity
            """)
    void changeComparesTheCurrentWindowWithThePriorOne(String filter, String values, String reason) {
        Verdict verdict = evaluator.evaluate(metricEvent(EventType.RUN_METRIC_CHANGE, "loss", values),
                automation(EventType.RUN_METRIC_CHANGE, metricFilter("change_filter", filter)));

        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} over [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # zscore_filter                                                         | acc values             | skip reason (empty: fires)
            # mean 2.5 and population standard deviation 1.118 of the 4 before the latest
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"ANY"}      | 1, 2, 3, 4, 5          |
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"INCREASE"} | 1, 2, 3, 4, 5          |
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"DECREASE"} | 1, 2, 3, 4, 5          | latest acc value 5 has z-score 2.23607 against the 4 acc values before it (mean 2.5, standard deviation 1.11803); needs z <= -2
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"DECREASE"} | 1, 2, 3, 4, 0          |
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"INCREASE"} | 1, 2, 3, 4, 0          | latest acc value 0 has z-score -2.23607 against the 4 acc values before it (mean 2.5, standard deviation 1.11803); needs z >= 2
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"ANY"}      | 1, 2, 3, 4, 3          | `latest acc value 3 has z-score 0.447214 against the 4 acc values before it (mean 2.5, standard deviation 1.11803); needs |z| >= 2`
            {"name":"acc","window_size":4,"threshold":2}                         | 9, 1, 2, 3, 4, 5       |
            # inclusive: mean 2, standard deviation 1, latest 4 is exactly 2 deviations away
            {"name":"acc","window_size":2,"threshold":2,"change_dir":"INCREASE"} | 1, 3, 4                |
            # a zero standard deviation: any difference is an infinite z-score, none is 0
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"ANY"}      | 0.1, 0.1, 0.1, 0.1, 0.1 | `latest acc value 0.1 has z-score 0 against the 4 acc values before it (mean 0.1, standard deviation 0); needs |z| >= 2`
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"ANY"}      | 0.5, 0.5, 0.5, 0.5, 0.6 |
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"DECREASE"} | 0.5, 0.5, 0.5, 0.5, 0.6 | latest acc value 0.6 has z-score Infinity against the 4 acc values before it (mean 0.5, standard deviation 0); needs z <= -2
            {"name":"acc","window_size":1,"threshold":3,"change_dir":"DECREASE"} | 0.5, 0.4               |
            # too few values, with the SDK's defaults: window 30, threshold 3, ANY
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"ANY"}      | 1, 2, 3, 4             | need 5 acc values for a z-score of the latest against the 4 before it, event has 4
            {"name":"acc"}                                                       | 1, 2, 3, 4, 5          | need 31 acc values for a z-score of the latest against the 30 before it, event has 5
            # null, NaN and infinities
            {"name":"acc","window_size":4,"threshold":2}                         | 1, 2, null, 4, 5       | acc value at index 2 of 5 is null; a window must hold numbers
            {"name":"acc","window_size":4,"threshold":2}                         | 1, 2, 3, 4, NaN        | acc value at index 4 of 5 is NaN; a window must hold numbers
            {"name":"acc","window_size":4,"threshold":2}                         | 1, Infinity, 3, 4, 5   | z-score of acc is undefined: the 4 values before the latest include an infinity
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"INCREASE"} | 1, 2, 3, 4, Infinity   |
            """)
    void zScoreComparesTheLatestValueWithTheWindowBeforeIt(String filter, String values, String reason) {
        Verdict verdict = evaluator.evaluate(metricEvent(EventType.RUN_METRIC_ZSCORE, "acc", values),
                automation(EventType.RUN_METRIC_ZSCORE, metricFilter("zscore_filter", filter)));

        assertThat(verdict.reason()).isEqualTo(reason);
    }

    @Test
    void legacyMetricFilterIsAThresholdFilter() {
        String filter = "{\"run_filter\":null,\"metric_filter\":"
                + Fixtures.quoted("{\"name\":\"acc\",\"cmp_op\":\"$gt\",\"threshold\":0.6}") + "}";

        assertThat(evaluator.evaluate(metricEvent(EventType.RUN_METRIC, "acc", 0.7), automation(EventType.RUN_METRIC,
                filter))).returns(true, Verdict::fires);
        assertThat(evaluator.evaluate(metricEvent(EventType.RUN_METRIC, "acc", 0.5), automation(EventType.RUN_METRIC,
                filter))).isEqualTo(Verdict.skip("latest acc value 0.5 is not > 0.6"));
    }

    @Test
    void runMetricFilterWinsOverTheLegacyOne() {
        String filter = "{\"run_metric_filter\":{\"threshold_filter\":{\"name\":\"acc\",\"cmp_op\":\"$gt\","
                + "\"threshold\":0.6}},\"metric_filter\":{\"name\":\"acc\",\"cmp_op\":\"$lt\",\"threshold\":0.6}}";

        assertThat(evaluator.evaluate(metricEvent(EventType.RUN_METRIC, "acc", 0.7), automation(EventType.RUN_METRIC,
                filter))).returns(true, Verdict::fires);
    }

    @Test
    void eventWithoutMetricSkips() {
        Verdict verdict = evaluator.evaluate(Fixtures.runEvent(EventType.RUN_METRIC), automation(EventType.RUN_METRIC,
                metricFilter("threshold_filter", "{\"name\":\"acc\",\"cmp_op\":\"$gt\",\"threshold\":0.6}")));

        assertThat(verdict).isEqualTo(Verdict.skip("event has no metric; the filter watches acc"));
    }

    /** Returns the SDK's run metric filter with an empty run filter and {@code filter} as its {@code kind}. */
    static String metricFilter(String kind, String filter) {
        return "{\"run_filter\":\"{\\\"$and\\\":[]}\",\"run_metric_filter\":{\"" + kind + "\":" + filter
                + "},\"metric_filter\":null}";
    }
}
