package dev.webhookrelay.trigger;

import static dev.webhookrelay.trigger.Fixtures.aliasEvent;
import static dev.webhookrelay.trigger.Fixtures.artifactEvent;
import static dev.webhookrelay.trigger.Fixtures.automation;
import static dev.webhookrelay.trigger.Fixtures.metricEvent;
import static dev.webhookrelay.trigger.Fixtures.runEvent;
import static dev.webhookrelay.trigger.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.Metric;
import dev.webhookrelay.model.Run;
import dev.webhookrelay.model.ScopeType;

class TriggerEvaluatorTest {

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    /** The filters of issue 3, exactly as the wandb SDK emits them, with an event that fires and one that skips. */
    static Stream<Arguments> sdkExamples() {
        return Stream.of(
                Arguments.of("alias regex", EventType.ADD_ARTIFACT_ALIAS,
                        """
                        {"$or":[{"$and":[{"alias":{"$regex":"^prod.*"}}]}]}""",
                        aliasEvent("production"), aliasEvent("staging"), "alias 'staging' does not match ^prod.*"),
                Arguments.of("no filter", EventType.CREATE_ARTIFACT,
                        """
                        {"$or":[{"$and":[]}]}""",
                        artifactEvent(EventType.CREATE_ARTIFACT, null, null), null, null),
                Arguments.of("tag equals", EventType.ADD_ARTIFACT_TAG,
                        """
                        {"$or":[{"$and":[{"tag":{"$eq":"europe"}}]}]}""",
                        artifactEvent(EventType.ADD_ARTIFACT_TAG, null, "europe"),
                        artifactEvent(EventType.ADD_ARTIFACT_TAG, null, "asia"), "tag 'asia' does not equal 'europe'"),
                Arguments.of("threshold", EventType.RUN_METRIC,
                        """
                        {"run_filter":"{\\"$and\\":[{\\"display_name\\":{\\"$regex\\":\\"^exp\\"}}]}","run_metric_filter":{"threshold_filter":{"name":"acc","agg_op":"AVERAGE","window_size":5,"cmp_op":"$gt","threshold":0.6}},"metric_filter":null}""",
                        metricEvent(EventType.RUN_METRIC, "acc", 0.61, 0.64, 0.70, 0.66, 0.62),
                        metricEvent(EventType.RUN_METRIC, "acc", 0.5, 0.5, 0.6, 0.5, 0.6),
                        "average of last 5 acc values 0.54 is not > 0.6"),
                Arguments.of("latest value", EventType.RUN_METRIC,
                        """
                        {"run_filter":"{\\"$and\\":[]}","run_metric_filter":{"threshold_filter":{"name":"loss","agg_op":null,"window_size":1,"cmp_op":"$lte","threshold":1}},"metric_filter":null}""",
                        metricEvent(EventType.RUN_METRIC, "loss", 1.2, 0.9),
                        metricEvent(EventType.RUN_METRIC, "loss", 0.9, 1.2), "latest loss value 1.2 is not <= 1"),
                Arguments.of("change", EventType.RUN_METRIC_CHANGE,
                        """
                        {"run_filter":"{\\"$and\\":[]}","run_metric_filter":{"change_filter":{"name":"loss","agg_op":"AVERAGE","current_window_size":10,"change_amount":0.25,"prior_window_size":10,"change_type":"RELATIVE","change_dir":"DECREASE"}},"metric_filter":null}""",
                        metricEvent(EventType.RUN_METRIC_CHANGE, "loss", repeat(1.0, 10, 0.7, 10)),
                        metricEvent(EventType.RUN_METRIC_CHANGE, "loss", repeat(1.0, 10, 0.9, 10)),
                        "average of last 10 loss values 0.9 vs 1 for the average of the 10 before: a decrease of 10%,"
                                + " not a decrease of at least 25%"),
                Arguments.of("z-score", EventType.RUN_METRIC_ZSCORE,
                        """
                        {"run_filter":"{\\"$and\\":[]}","run_metric_filter":{"zscore_filter":{"name":"acc","window_size":30,"threshold":2,"change_dir":"ANY"}},"metric_filter":null}""",
                        metricEvent(EventType.RUN_METRIC_ZSCORE, "acc", alternating(0.5, 0.6, 30, 0.8)),
                        metricEvent(EventType.RUN_METRIC_ZSCORE, "acc", alternating(0.5, 0.6, 30, 0.56)),
                        "latest acc value 0.56 has z-score 0.2 against the 30 acc values before it (mean 0.55,"
                                + " standard deviation 0.05); needs |z| >= 2"),
                Arguments.of("run state", EventType.RUN_STATE,
                        """
                        {"run_filter":"{\\"$and\\":[]}","run_state_filter":{"states":["FAILED","FINISHED"]}}""",
                        runEvent(EventType.RUN_STATE, "exp-7", "frds", "FINISHED", null),
                        runEvent(EventType.RUN_STATE, "exp-7", "frds", "RUNNING", null),
                        "run state RUNNING is not one of FAILED, FINISHED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdkExamples")
    void sdkFiltersFireAndSkipAsW_B(String kind, EventType type, String filter, Event firing, Event skipped,
            String reason) {
        assertThat(evaluator.evaluate(firing, automation(type, filter))).returns(true, Verdict::fires);
        if (skipped != null) {
            assertThat(evaluator.evaluate(skipped, automation(type, filter))).isEqualTo(Verdict.skip(reason));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdkExamples")
    void filtersGivenAsJsonValuesDecideAsTheirStrings(String kind, EventType type, String filter, Event firing,
            Event skipped, String reason) {
        Automation asValue = automation(type, Fixtures.parse(filter));

        assertThat(evaluator.evaluate(firing, asValue)).returns(true, Verdict::fires);
        if (skipped != null) {
            assertThat(evaluator.evaluate(skipped, asValue)).isEqualTo(Verdict.skip(reason));
        }
    }

    @ParameterizedTest(name = "enabled={0} {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # enabled | scope type          | scope id                     | skip reason (empty: fires)
            true      |                     |                              |
            false     |                     |                              | automation is disabled
            true      | PROJECT             | UHJvamVjdDoxMjM=             |
            true      | PROJECT             | UHJvamVjdDo5OTk=             | automation is scoped to PROJECT UHJvamVjdDo5OTk=, event's is UHJvamVjdDoxMjM=
            true      | ARTIFACT_COLLECTION | QXJ0aWZhY3RTZXF1ZW5jZToxMjM= |
            true      | ARTIFACT_COLLECTION | QXJ0aWZhY3RTZXF1ZW5jZTo5OTk= | automation is scoped to ARTIFACT_COLLECTION QXJ0aWZhY3RTZXF1ZW5jZTo5OTk=, event's is QXJ0aWZhY3RTZXF1ZW5jZToxMjM=
            true      | ENTITY              | RW50aXR5OjE=                 |
            true      | ENTITY              | RW50aXR5Ojk=                 | automation is scoped to ENTITY RW50aXR5Ojk=, event's is RW50aXR5OjE=
            true      | PROJECT             |                              |
            """)
    void enabledAndScopeComeBeforeTheFilter(boolean enabled, ScopeType scopeType, String scopeId, String reason) {
        Automation automation = with(automation(EventType.ADD_ARTIFACT_ALIAS,
                Fixtures.sdkFilter("{\"alias\":\"production\"}")), enabled, scopeType, scopeId);

        assertThat(evaluator.evaluate(aliasEvent("production"), automation))
                .extracting(Verdict::reason).isEqualTo(reason);
    }

    @Test
    void automationOnAnotherEventTypeSkips() {
        assertThat(evaluator.evaluate(aliasEvent("production"), automation(EventType.ADD_ARTIFACT_TAG, (String) null)))
                .isEqualTo(Verdict.skip("automation watches ADD_ARTIFACT_TAG, event is ADD_ARTIFACT_ALIAS"));
    }

    @Test
    void collectionScopeSkipsEventsWithoutArtifact() {
        Automation automation = with(automation(EventType.RUN_STATE, (String) null), true,
                ScopeType.ARTIFACT_COLLECTION, Fixtures.COLLECTION_ID);

        assertThat(evaluator.evaluate(runEvent(EventType.RUN_STATE), automation)).isEqualTo(Verdict.skip(
                "automation is scoped to ARTIFACT_COLLECTION QXJ0aWZhY3RTZXF1ZW5jZToxMjM=, event's is absent"));
    }

    /** Issue 14: W&B, "A run with Killed status can't trigger an automation", whatever its filter. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RUN_STATE         | KILLED  |
            RUN_STATE         | killed  | {"run_filter":"{\\"$and\\":[]}","run_state_filter":{"states":["FAILED","FINISHED","RUNNING"]}}
            RUN_METRIC        | KILLED  | {"run_filter":"{\\"$and\\":[]}","run_metric_filter":{"threshold_filter":{"name":"acc","cmp_op":"$gt","threshold":0}},"metric_filter":null}
            RUN_METRIC_CHANGE | KILLED  | {"run_metric_filter":{"change_filter":{"name":"acc","change_type":"ABSOLUTE","change_dir":"ANY","change_amount":0.1}}}
            RUN_METRIC_ZSCORE | Killed  | {"run_metric_filter":{"zscore_filter":{"name":"acc","window_size":1,"threshold":1}}}
            """)
    void killedRunsNeverTrigger(EventType type, String state, String filter) {
        Event killed = runEvent(type, "exp-7", "frds", state,
                new Metric("acc", List.of(0.1, 0.9)));

        assertThat(evaluator.evaluate(killed, automation(type, filter))).isEqualTo(Verdict.skip(
                "run 3xk1q is " + state + "; a killed run never triggers an automation"));
    }

    @Test
    void theSameFiltersFireForARunThatWasNotKilled() {
        Event running = metricEvent(EventType.RUN_METRIC_ZSCORE, "acc", 0.1, 0.9);

        assertThat(evaluator.evaluate(running, automation(EventType.RUN_METRIC_ZSCORE,
                "{\"run_metric_filter\":{\"zscore_filter\":{\"name\":\"acc\",\"window_size\":1,\"threshold\":1}}}")))
                .returns(true, Verdict::fires);
    }

    @Test
    void aKilledRunOnAnArtifactEventDoesNotMatter() {
        Event alias = new Event("evt-1", EventType.ADD_ARTIFACT_ALIAS, "frds", aliasEvent("production").entity(),
                aliasEvent("production").project(), aliasEvent("production").artifact(), "production", null,
                new Run("3xk1q", "exp-7", "frds", "KILLED"), null);

        assertThat(evaluator.evaluate(alias, automation(EventType.ADD_ARTIFACT_ALIAS, (String) null)))
                .returns(true, Verdict::fires);
    }

    static Stream<JsonNode> noFilters() {
        return Stream.of(null, NullNode.getInstance(), TextNode.valueOf(""), TextNode.valueOf("  "),
                TextNode.valueOf("null"), TextNode.valueOf("{}"), Fixtures.parse("{}"));
    }

    @ParameterizedTest
    @MethodSource("noFilters")
    void absentOrEmptyFilterLetsEveryEventOfTheTypeFire(JsonNode eventFilter) {
        assertThat(evaluator.evaluate(aliasEvent("anything"), automation(EventType.ADD_ARTIFACT_ALIAS, eventFilter)))
                .returns(true, Verdict::fires);
        assertThat(evaluator.evaluate(runEvent(EventType.RUN_STATE), automation(EventType.RUN_STATE, eventFilter)))
                .returns(true, Verdict::fires);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # field expressions without conditions, and W&B's read-back wrapper
            {"$or":[{"$and":[]}]}
            {"$and":[]}
            {"filter":"{\\"$or\\":[{\\"$and\\":[]}]}"}
            {"filter":{"$or":[{"$and":[]}]}}
            """)
    void emptyFieldExpressionLetsEveryArtifactEventFire(String filter) {
        assertThat(evaluator.evaluate(aliasEvent("anything"), automation(EventType.ADD_ARTIFACT_ALIAS, filter)))
                .returns(true, Verdict::fires);
    }

    @Test
    void readBackFilterWrapperIsUnwrapped() {
        String saved = "{\"filter\":" + Fixtures.quoted(Fixtures.sdkFilter("{\"alias\":{\"$regex\":\"^prod\"}}")) + "}";

        assertThat(evaluator.evaluate(aliasEvent("staging"), automation(EventType.ADD_ARTIFACT_ALIAS, saved)))
                .isEqualTo(Verdict.skip("alias 'staging' does not match ^prod"));
    }

    @Test
    void filterIsCheckedEvenWhenTheAutomationIsDisabled() {
        Automation disabled = with(automation(EventType.ADD_ARTIFACT_ALIAS, Fixtures.sdkFilter(
                "{\"alias\":{\"$like\":\"prod%\"}}")), false, null, null);

        assertThatThrownBy(() -> evaluator.evaluate(aliasEvent("production"), disabled))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageStartingWith("Unknown operator $like at $or[0].$and[0].alias.$like");
    }

    @Test
    void filterIsCheckedAgainstTheAutomationsEventTypeEvenForOtherEvents() {
        Automation onRunState = automation(EventType.RUN_STATE, "{\"run_metric_filter\":{\"zscore_filter\":"
                + "{\"name\":\"acc\"}}}");

        assertThatThrownBy(() -> evaluator.evaluate(aliasEvent("production"), onRunState))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("zscore_filter does not apply to RUN_STATE automations, which need run_state_filter");
    }

    @Test
    void sameFilterTextCompilesOncePerEventType() {
        String filter = Fixtures.sdkFilter("{\"alias\":{\"$regex\":\"^prod\"}}");

        CompiledFilter first = evaluator.compiled(automation(EventType.ADD_ARTIFACT_ALIAS, filter));
        CompiledFilter again = evaluator.compiled(automation(EventType.ADD_ARTIFACT_ALIAS, new String(filter)));
        CompiledFilter otherType = evaluator.compiled(automation(EventType.LINK_ARTIFACT, filter));

        assertThat(again).isSameAs(first);
        assertThat(otherType).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void catastrophicRegexIsAbandonedAndReportedAsTheSkipReason() {
        Automation automation = automation(EventType.ADD_ARTIFACT_ALIAS,
                Fixtures.sdkFilter("{\"alias\":{\"$regex\":\"(a+)+$\"}}"));
        Event event = aliasEvent("a".repeat(5000) + "b");

        long start = System.nanoTime();
        Verdict verdict = evaluator.evaluate(event, automation);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(verdict).isEqualTo(Verdict.skip("regex (a+)+$ on alias was too expensive: matching a"
                + " 5001-character value was abandoned after 1,000,000 steps"));
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # a negation above an abandoned regex must not turn the abandon into a match
            {"alias":{"$not":{"$regex":"(.*a){12}$"}}}
            {"$not":{"alias":{"$regex":"(.*a){12}$"}}}
            {"$nor":[{"alias":{"$regex":"(.*a){12}$"}}]}
            """)
    void abandonedRegexSkipsEvenUnderNegation(String condition) {
        Verdict verdict = evaluator.evaluate(aliasEvent("a".repeat(30) + "!"),
                automation(EventType.ADD_ARTIFACT_ALIAS, Fixtures.sdkFilter(condition)));

        assertThat(verdict.fires()).isFalse();
        assertThat(verdict.reason()).startsWith("regex (.*a){12}$ on alias was too expensive");
    }

    @Test
    void concurrentEvaluationsAgreeWithSequentialOnes() throws Exception {
        TriggerEvaluator shared = new TriggerEvaluator(3, 2); // small caches: evictions race with lookups
        TriggerEvaluator sequential = new TriggerEvaluator();
        List<Object[]> cases = new ArrayList<>();
        sdkExamples().forEach(arguments -> {
            Object[] a = arguments.get();
            Automation automation = automation((EventType) a[1], (String) a[2]);
            cases.add(new Object[] { automation, a[3], sequential.evaluate((Event) a[3], automation) });
            if (a[4] != null) {
                cases.add(new Object[] { automation, a[4], Verdict.skip((String) a[5]) });
            }
        });
        List<Object[]> work = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            work.addAll(cases);
        }
        Collections.shuffle(work, new Random(3));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Object[] c : work) {
                results.add(pool.submit(() -> shared.evaluate((Event) c[1], (Automation) c[0]).equals(c[2])));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Double[] repeat(double first, int firstCount, double then, int thenCount) {
        return DoubleStream.concat(DoubleStream.generate(() -> first).limit(firstCount),
                DoubleStream.generate(() -> then).limit(thenCount)).boxed().toArray(Double[]::new);
    }

    /** Returns {@code count} values alternating a, b, then {@code latest}. */
    private static Double[] alternating(double a, double b, int count, double latest) {
        Double[] values = new Double[count + 1];
        for (int i = 0; i < count; i++) {
            values[i] = i % 2 == 0 ? a : b;
        }
        values[count] = latest;
        return values;
    }
}
