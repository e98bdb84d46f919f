package dev.webhookrelay.trigger;

import static dev.webhookrelay.trigger.Fixtures.automation;
import static dev.webhookrelay.trigger.Fixtures.metricEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.webhookrelay.model.EventType;

/**
 * What a metric filter that fires read, for W&B's template variables {@code ${metric_filter}},
 * {@code ${metric_filter_short}}, {@code ${metric_current_status}} and {@code ${metric_values}} (issue 14).
 */
class MetricReadingTest {

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # threshold_filter on acc                                                         | values                       | metric_filter                                          | metric_filter_short  | metric_current_status | values read
            {"name":"acc","agg_op":"AVERAGE","window_size":5,"cmp_op":"$gt","threshold":0.6} | 0.52, 0.58, 0.61, 0.64, 0.66, 0.69 | average of last 5 acc values is above 0.6   | avg(acc, 5) > 0.6    | 0.636                 | 0.58, 0.61, 0.64, 0.66, 0.69
            {"name":"acc","agg_op":"MIN","window_size":2,"cmp_op":"$gte","threshold":0.5}     | 0.1, 0.5, 0.7                | minimum of last 2 acc values is above or equal to 0.5  | min(acc, 2) >= 0.5   | 0.5                   | 0.5, 0.7
            {"name":"acc","agg_op":"MAX","window_size":2,"cmp_op":"$lt","threshold":1}        | 0.9, 0.8                     | maximum of last 2 acc values is below 1                | max(acc, 2) < 1      | 0.9                   | 0.9, 0.8
            {"name":"acc","cmp_op":"$lte","threshold":1}                                      | 2.3, 0.97                    | latest acc value is below or equal to 1                | acc <= 1             | 0.97                  | 0.97
            {"name":"acc","agg_op":"AVERAGE","window_size":3,"cmp_op":"$eq","threshold":0.2}  | 0.1, 0.2, 0.3                | average of last 3 acc values is equal to 0.2           | avg(acc, 3) == 0.2   | 0.2                   | 0.1, 0.2, 0.3
            {"name":"acc","cmp_op":"$ne","threshold":1}                                       | 1.5                          | latest acc value is not equal to 1                     | acc != 1             | 1.5                   | 1.5
            """)
    void thresholdReadingDescribesTheFilterAndTheAggregate(String filter, String values, String description,
            String shortForm, String status, String read) {
        assertReading(EventType.RUN_METRIC, "threshold_filter", filter, values, description, shortForm, status, read);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # change_filter on loss                                                                                                                                | values                          | metric_filter | metric_filter_short | metric_current_status | values read
            {"name":"loss","agg_op":"AVERAGE","current_window_size":3,"prior_window_size":3,"change_type":"RELATIVE","change_dir":"DECREASE","change_amount":0.25} | 1, 0.98, 1.02, 0.74, 0.72, 0.7  | average of last 3 loss values decreases by at least 25% from the average of the 3 before | avg(loss, 3) decreases 25% | -28% (0.72 from 1) | 1, 0.98, 1.02, 0.74, 0.72, 0.7
            {"name":"loss","agg_op":"MAX","current_window_size":1,"prior_window_size":2,"change_type":"ABSOLUTE","change_dir":"INCREASE","change_amount":0.5}     | 9, 1, 2, 3                      | maximum of last 1 loss value increases by at least 0.5 from the maximum of the 2 before | max(loss, 1) increases 0.5 | 1 (3 from 2)       | 1, 2, 3
            {"name":"loss","change_type":"ABSOLUTE","change_dir":"ANY","change_amount":1}                                                                          | 5, 3, 1.5                       | latest loss value increases or decreases by at least 1 from the value before it         | loss changes 1             | -1.5 (1.5 from 3)  | 3, 1.5
            """)
    void changeReadingDescribesTheFilterAndTheChange(String filter, String values, String description,
            String shortForm, String status, String read) {
        assertReading(EventType.RUN_METRIC_CHANGE, "change_filter", filter, values, description, shortForm, status,
                read);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # zscore_filter on acc                                               | values        | metric_filter                                                                         | metric_filter_short       | metric_current_status                                           | values read
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"ANY"}      | 1, 2, 3, 4, 5 | z-score of the latest acc value against the 4 acc values before it is at least 2 or at most -2 | `|zscore(acc, 4)| >= 2` | 2.23607 (5 against mean 2.5, standard deviation 1.11803)  | 1, 2, 3, 4, 5
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"INCREASE"} | 9, 1, 2, 3, 4, 5 | z-score of the latest acc value against the 4 acc values before it is at least 2   | zscore(acc, 4) >= 2       | 2.23607 (5 against mean 2.5, standard deviation 1.11803)  | 1, 2, 3, 4, 5
            {"name":"acc","window_size":4,"threshold":2,"change_dir":"DECREASE"} | 1, 2, 3, 4, 0 | z-score of the latest acc value against the 4 acc values before it is at most -2   | zscore(acc, 4) <= -2      | -2.23607 (0 against mean 2.5, standard deviation 1.11803) | 1, 2, 3, 4, 0
            """)
    void zScoreReadingDescribesTheFilterAndTheScore(String filter, String values, String description,
            String shortForm, String status, String read) {
        assertReading(EventType.RUN_METRIC_ZSCORE, "zscore_filter", filter, values, description, shortForm, status,
                read);
    }

    @Test
    void filtersWithoutAMetricRuleReadNothing() {
        Verdict noFilter = evaluator.evaluate(metricEvent(EventType.RUN_METRIC, "acc", 0.7),
                automation(EventType.RUN_METRIC, (String) null));
        Verdict state = evaluator.evaluate(Fixtures.runEvent(EventType.RUN_STATE),
                automation(EventType.RUN_STATE, "{\"run_state_filter\":{\"states\":[\"FINISHED\"]}}"));

        assertThat(noFilter.fires()).isTrue();
        assertThat(noFilter.metric()).isNull();
        assertThat(state.fires()).isTrue();
        assertThat(state.metric()).isNull();
    }

    private void assertReading(EventType type, String kind, String filter, String values, String description,
            String shortForm, String status, String read) {
        String metric = kind.equals("change_filter") ? "loss" : "acc";
        Verdict verdict = evaluator.evaluate(metricEvent(type, metric, values),
                automation(type, MetricFilterTest.metricFilter(kind, filter)));

        assertThat(verdict.reason()).isNull();
        assertThat(verdict.metric()).isEqualTo(new MetricReading(description, shortForm, status,
                Arrays.stream(read.split(",")).map(String::trim).map(Double::valueOf).toList()));
    }
}
