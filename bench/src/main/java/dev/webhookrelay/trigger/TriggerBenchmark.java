package dev.webhookrelay.trigger;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.webhookrelay.model.Artifact;
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.Metric;
import dev.webhookrelay.model.NamedRef;
import dev.webhookrelay.model.Run;

/**
 * Trigger evaluation of each filter kind, with the filters of issue 3 exactly as the wandb SDK emits them (JSON
 * strings) and an event that fires, so that the whole filter is evaluated.
 * <ul>
 * <li>{@code parseAndEvaluate}: a cold filter: JSON parse, compile (regexes included) and evaluate.
 * <li>{@code evaluateCached}: through a warm {@link TriggerEvaluator}, the same filter string every time.
 * <li>{@code evaluateCachedFreshText}: as a request sees it: the filter text is a new string each time (so its hash is
 * computed and the cache key compared by content), then the warm path.
 * <li>{@code evaluateCachedObjectFilter}: the filter given as a JSON value rather than a string: its compact text is
 * the cache key, so each call serializes it, then the warm path.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TriggerBenchmark {

    @Param({ "ALIAS_REGEX", "TAG_EQ", "THRESHOLD", "CHANGE", "ZSCORE", "RUN_STATE", "NO_FILTER" })
    public String kind;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TriggerEvaluator evaluator = new TriggerEvaluator();
    private Event event;
    private Automation automation;
    private Automation objectAutomation;
    private String filter;
    private EventType type;

    @Setup
    public void setUp() {
        switch (kind) {
            case "ALIAS_REGEX" -> artifact(EventType.ADD_ARTIFACT_ALIAS, "production", null,
                    "{\"$or\":[{\"$and\":[{\"alias\":{\"$regex\":\"^prod.*\"}}]}]}");
            case "TAG_EQ" -> artifact(EventType.ADD_ARTIFACT_TAG, null, "europe",
                    "{\"$or\":[{\"$and\":[{\"tag\":{\"$eq\":\"europe\"}}]}]}");
            case "NO_FILTER" -> artifact(EventType.CREATE_ARTIFACT, null, null, "{\"$or\":[{\"$and\":[]}]}");
            case "THRESHOLD" -> run(EventType.RUN_METRIC, "RUNNING", "acc", values(0.61, 0.64, 0.70, 0.66, 0.62),
                    "{\"run_filter\":\"{\\\"$and\\\":[{\\\"display_name\\\":{\\\"$regex\\\":\\\"^exp\\\"}}]}\","
                            + "\"run_metric_filter\":{\"threshold_filter\":{\"name\":\"acc\",\"agg_op\":\"AVERAGE\","
                            + "\"window_size\":5,\"cmp_op\":\"$gt\",\"threshold\":0.6}},\"metric_filter\":null}");
            case "CHANGE" -> run(EventType.RUN_METRIC_CHANGE, "RUNNING", "loss", steps(1.0, 10, 0.7, 10),
                    "{\"run_filter\":\"{\\\"$and\\\":[]}\",\"run_metric_filter\":{\"change_filter\":{\"name\":\"loss\","
                            + "\"agg_op\":\"AVERAGE\",\"current_window_size\":10,\"change_amount\":0.25,"
                            + "\"prior_window_size\":10,\"change_type\":\"RELATIVE\",\"change_dir\":\"DECREASE\"}},"
                            + "\"metric_filter\":null}");
            case "ZSCORE" -> run(EventType.RUN_METRIC_ZSCORE, "RUNNING", "acc", zscoreSeries(),
                    "{\"run_filter\":\"{\\\"$and\\\":[]}\",\"run_metric_filter\":{\"zscore_filter\":{\"name\":\"acc\","
                            + "\"window_size\":30,\"threshold\":2,\"change_dir\":\"ANY\"}},\"metric_filter\":null}");
            case "RUN_STATE" -> run(EventType.RUN_STATE, "FINISHED", null, null,
                    "{\"run_filter\":\"{\\\"$and\\\":[]}\",\"run_state_filter\":{\"states\":[\"FAILED\",\"FINISHED\"]}}");
            default -> throw new IllegalArgumentException(kind);
        }
        try {
            objectAutomation = new Automation(null, "bench", null, true, null, null, type, JSON.readTree(filter),
                    "GENERIC_WEBHOOK", automation.triggeredActionConfig());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Verdict verdict = evaluator.evaluate(event, automation);
        if (!verdict.fires()) {
            throw new IllegalStateException(kind + " does not fire: " + verdict.reason());
        }
    }

    @Benchmark
    public Verdict parseAndEvaluate() {
        return new FilterParser(new RegexGuard(16)).parse(type, TextNode.valueOf(filter)).evaluate(event);
    }

    @Benchmark
    public Verdict evaluateCached() {
        return evaluator.evaluate(event, automation);
    }

    @Benchmark
    public Verdict evaluateCachedFreshText() {
        return evaluator.evaluate(event, automation(type, new String(filter.toCharArray())));
    }

    @Benchmark
    public Verdict evaluateCachedObjectFilter() {
        return evaluator.evaluate(event, objectAutomation);
    }

    private void artifact(EventType type, String alias, String tag, String filter) {
        this.type = type;
        this.filter = filter;
        this.event = new Event("evt-1", type, "frds", new Event.EntityRef("RW50aXR5OjE=", "tiny-ml"),
                new NamedRef("UHJvamVjdDoxMjM=", "model-registry"), new Artifact("QXJ0aWZhY3Q6NjI0OTY3Mzkw",
                        new NamedRef("QXJ0aWZhY3RTZXF1ZW5jZToxMjM=", "CIFAR_10"), 0, null, null),
                alias, tag, null, null);
        this.automation = automation(type, filter);
    }

    private void run(EventType type, String state, String metric, List<Double> values, String filter) {
        this.type = type;
        this.filter = filter;
        this.event = new Event("evt-2", type, "frds", new Event.EntityRef("RW50aXR5OjE=", "tiny-ml"),
                new NamedRef("UHJvamVjdDoxMjM=", "model-registry"), null, null, null,
                new Run("3xk1q", "exp-7", "frds", state), metric == null ? null : new Metric(metric, values));
        this.automation = automation(type, filter);
    }

    private static Automation automation(EventType type, String filter) {
        return new Automation(null, "bench", null, true, null, null, type, TextNode.valueOf(filter), "GENERIC_WEBHOOK",
                new Automation.TriggeredActionConfig(new Automation.WebhookAction("SW50ZWdyYXRpb246MQ==", null)));
    }

    private static List<Double> values(Double... values) {
        return Arrays.asList(values);
    }

    private static List<Double> steps(double first, int firstCount, double then, int thenCount) {
        Double[] values = new Double[firstCount + thenCount];
        Arrays.fill(values, 0, firstCount, first);
        Arrays.fill(values, firstCount, values.length, then);
        return Arrays.asList(values);
    }

    /** Returns 30 values alternating 0.5 and 0.6, then an outlier. */
    private static List<Double> zscoreSeries() {
        Double[] values = new Double[31];
        for (int i = 0; i < 30; i++) {
            values[i] = i % 2 == 0 ? 0.5 : 0.6;
        }
        values[30] = 0.8;
        return Arrays.asList(values);
    }
}
