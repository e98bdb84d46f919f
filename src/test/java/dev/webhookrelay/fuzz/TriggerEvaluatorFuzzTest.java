package dev.webhookrelay.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.model.Artifact;
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.model.Event;
import dev.webhookrelay.model.EventType;
import dev.webhookrelay.model.Metric;
import dev.webhookrelay.model.NamedRef;
import dev.webhookrelay.model.Run;
import dev.webhookrelay.model.ScopeType;
import dev.webhookrelay.trigger.InvalidFilterException;
import dev.webhookrelay.trigger.TriggerEvaluator;
import dev.webhookrelay.trigger.Verdict;

/**
 * Properties of {@link TriggerEvaluator} over random events and random or mutated filters (the SDK's shapes with
 * unknown operators, wrong types, deep nesting, huge numbers, NaN strings, pathological regexes on long values, as JSON
 * values and as the JSON strings W&B stores): {@code evaluate} returns a verdict, with a reason when it does not fire,
 * or throws {@link InvalidFilterException}; nothing else, within {@link #BOUND} a case; and the compiled
 * filter's cache changes nothing: a second evaluation agrees with the first.
 */
class TriggerEvaluatorFuzzTest {

    /**
     * How long one evaluation may take: generous, for 2 shared cores. The regex guard stops a filter's searches after
     * about 40 ms; the slowest honest case, compiling a 1 MiB filter of 100,000 alternatives, takes about half a second.
     */
    static final Duration BOUND = Duration.ofSeconds(5);

    /** Regexes that are slow, invalid, huge or odd in {@code java.util.regex}. */
    private static final List<String> REGEXES = List.of("^prod", "prod$", "(?i)PROD", "(a+)+$", "(a|a)*b", "(a|aa)+$",
            "(.*a){12}", "((a*)*)*$", "(x+x+)+y", "^(([a-z])+.)+[A-Z]([a-z])+$", "[", "(", ")", "\\", "*", "a{2,1}",
            "a{99999999999}", "x{2147483647}", "(?<n>a)\\k<n>", "(a)\\1\\1\\1", "\\p{IsLatin}+", "\\p{Nope}",
            "\\Q(a+)+\\E", "(?=a)*b", "(?<=a+)b", "(?<=a{1,1000})b", "\\x{110000}", "[\\ud800-\\udfff]", ".*.*.*=.*",
            "(?s).*", "$^", "", "a".repeat(1001), "(".repeat(400) + ")".repeat(400), "[^]", "(?x) a # comment",
            "(a{1000}){1000}", "\\b\\B", "(?u)\\w+", "(?<!a)b*c$", "a*a*b", "b", "x$", "(a|b)*c");

    private static final List<String> OPERATORS = List.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin",
            "$regex", "$contains", "$exists", "$not", "$and", "$or", "$nor", "$EQ", "$where", "$eq ", "eq", "$", "",
            "$size", "$all", "$elemMatch");

    private static final List<String> FIELDS = List.of("alias", "tag", "display_name", "username", "Alias", "tags",
            "$alias", "", "run.state", "alias ");

    private final TriggerEvaluator evaluator = new TriggerEvaluator();

    @Test
    void everyFilterGivesAVerdictOrAnInvalidFilterErrorInTime() {
        Fuzz.Tally tally = new Fuzz.Tally();
        Fuzz.run("trigger.evaluate", 800, tally, random -> {
            EventType type = Hostile.pickOne(random, List.of(EventType.values()));
            Event event = event(random, type);
            Automation automation = automation(random, event, filter(random, type));
            try {
                Object first = Fuzz.within(BOUND, () -> outcome(event, automation));
                Object second = Fuzz.within(BOUND, () -> outcome(event, automation));
                assertThat(second).as("second evaluation, from the cache").isEqualTo(first);
                tally.count(first instanceof Verdict verdict ? (verdict.fires() ? "fires" : "skipped") : "invalid");
            } catch (Throwable e) {
                throw new AssertionError("event " + Fuzz.abbreviate(String.valueOf(event), 1500) + "\neventFilter "
                        + Fuzz.abbreviate(String.valueOf(automation.eventFilter()), 3000), e);
            }
        });
    }

    /** Returns the verdict, or the message of the invalid-filter error; any other exception escapes. */
    private Object outcome(Event event, Automation automation) {
        try {
            Verdict verdict = evaluator.evaluate(event, automation);
            assertThat(verdict).isNotNull();
            if (!verdict.fires()) {
                assertThat(verdict.reason()).isNotBlank();
            }
            return verdict;
        } catch (InvalidFilterException e) {
            assertThat(e.getMessage()).isNotBlank();
            return "invalid: " + e.getMessage();
        }
    }

    static Event event(SplittableRandom random, EventType type) {
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            metadata.put(Hostile.string(random), Hostile.json(random, 2));
        }
        Artifact artifact = random.nextInt(5) == 0 ? null
                : new Artifact(maybe(random), new NamedRef(maybe(random), maybe(random)),
                        random.nextBoolean() ? random.nextInt() : null, maybe(random), metadata);
        Run run = random.nextInt(5) == 0 ? null
                : new Run(maybe(random), value(random), value(random), Hostile.pickOne(random,
                        List.of("RUNNING", "FINISHED", "FAILED", "CRASHED", "crashed", " running ", "", "PREEMPTED")));
        Metric metric = random.nextInt(6) == 0 ? null
                : new Metric(Hostile.pickOne(random, List.of("acc", "loss", "", "ACC", Hostile.string(random))),
                        values(random));
        return new Event(maybe(random), type, maybe(random), new Event.EntityRef(maybe(random), "tiny-ml"),
                new NamedRef("UHJvamVjdDoxMjM=", maybe(random)), artifact, value(random), value(random), run, metric);
    }

    /** A field value for filters to test: hostile, sometimes tens of thousands of characters for regexes to chew. */
    private static String value(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "a".repeat(Hostile.pickOne(random, List.of(30, 100, 1000, 50_000))) + Hostile.pickOne(random,
                    List.of("", "b", "!", "\uD800"));
            case 2, 3 -> Hostile.pickOne(random, List.of("production", "prod", "staging", "exp-7", "frds"));
            default -> Hostile.string(random);
        };
    }

    private static String maybe(SplittableRandom random) {
        return random.nextInt(4) == 0 ? null : Hostile.string(random);
    }

    /** Metric values: usually a few, sometimes many; NaN, infinities, nulls, extremes. */
    private static List<Double> values(SplittableRandom random) {
        int size = Hostile.pickOne(random, List.of(0, 1, 2, 3, 5, 10, 30, 31, 100, 1000, 2, 3, 5, 30, 31, 20_000));
        List<Double> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(switch (random.nextInt(20)) {
                case 0 -> Double.NaN;
                case 1 -> Double.POSITIVE_INFINITY;
                case 2 -> Double.NEGATIVE_INFINITY;
                case 3 -> null;
                case 4 -> Double.MAX_VALUE;
                case 5 -> -Double.MAX_VALUE;
                case 6 -> Double.MIN_VALUE;
                case 7 -> -0.0;
                default -> random.nextDouble() * 2 - 0.5;
            });
        }
        return values;
    }

    static Automation automation(SplittableRandom random, Event event, JsonNode filter) {
        EventType watched = random.nextInt(10) == 0 ? Hostile.pickOne(random, List.of(EventType.values()))
                : event.eventType();
        ScopeType scope = random.nextInt(3) == 0 ? null : Hostile.pickOne(random, List.of(ScopeType.values()));
        String scopeId = scope == null ? null : switch (scope) {
            case PROJECT -> random.nextBoolean() ? event.project().id() : Hostile.string(random);
            case ENTITY -> random.nextBoolean() ? event.entity().id() : Hostile.string(random);
            case ARTIFACT_COLLECTION -> event.artifact() != null && random.nextBoolean()
                    ? event.artifact().collection().id() : Hostile.string(random);
        };
        Boolean enabled = random.nextInt(8) == 0 ? Boolean.FALSE : random.nextInt(8) == 0 ? null : Boolean.TRUE;
        return new Automation(null, "fuzz", null, enabled, scope, scopeId, watched, filter, "GENERIC_WEBHOOK",
                new Automation.TriggeredActionConfig(new Automation.WebhookAction("i1", null)));
    }

    /**
     * Returns an event filter for {@code type}: the SDK's shape, usually mutated up to four times, given as a value or
     * as the JSON string W&B stores (its run and metric parts sometimes strings too); or random JSON; or a string that
     * is not JSON at all.
     */
    static JsonNode filter(SplittableRandom random, EventType type) {
        int pick = random.nextInt(20);
        if (pick == 0) {
            return Hostile.json(random, 4);
        }
        if (pick == 1) {
            return Hostile.NODES.textNode(Hostile.string(random));
        }
        JsonNode sdk = type.isRunEvent() ? runFilter(random, type) : mutationFilter(random);
        JsonNode mutated = new JsonMutator(random, 990, 1024 * 1024).mutate(sdk, Math.max(0, random.nextInt(7) - 2));
        return random.nextBoolean() ? Hostile.NODES.textNode(JsonMutator.text(mutated)) : mutated;
    }

    /** The SDK's {@code {"$or":[{"$and":[…]}]}} over alias and tag. */
    private static JsonNode mutationFilter(SplittableRandom random) {
        ObjectNode filter = Hostile.NODES.objectNode();
        ArrayNode and = filter.putArray("$or").addObject().putArray("$and");
        for (int i = random.nextInt(4); i > 0; i--) {
            and.add(condition(random, List.of("alias", "tag"), 3));
        }
        if (random.nextInt(16) == 0) {
            filter.set("$or", alternatives(random, "alias"));
        }
        return filter;
    }

    /**
     * Many alternatives of one condition, up to what a 1 MiB request holds: each search is bounded, but a filter
     * holds many, and explaining why none holds repeats them.
     */
    private static ArrayNode alternatives(SplittableRandom random, String field) {
        ArrayNode or = Hostile.NODES.arrayNode();
        ObjectNode one = random.nextBoolean() ? condition(random, List.of(field), 0)
                : (ObjectNode) Hostile.NODES.objectNode().set(field, Hostile.NODES.objectNode()
                        .put("$regex", Hostile.pickOne(random, REGEXES)));
        int most = (1024 * 1024 - 1000) / (one.toString().length() + 1);
        for (int i = Math.min(most, Hostile.pickOne(random, List.of(10, 100, 1000, 10_000, 100_000))); i > 0; i--) {
            or.add(one);
        }
        return or;
    }

    /** The SDK's run event filter: a run filter and the rule the event type calls for. */
    private static JsonNode runFilter(SplittableRandom random, EventType type) {
        ObjectNode filter = Hostile.NODES.objectNode();
        ObjectNode runFilter = Hostile.NODES.objectNode();
        ArrayNode and = runFilter.putArray("$and");
        for (int i = random.nextInt(3); i > 0; i--) {
            and.add(condition(random, List.of("display_name", "username"), 2));
        }
        if (random.nextInt(16) == 0) {
            runFilter.set("$or", alternatives(random, "display_name"));
        }
        filter.set("run_filter", random.nextBoolean() ? Hostile.NODES.textNode(runFilter.toString()) : runFilter);
        ObjectNode metric = Hostile.NODES.objectNode();
        metric.put("name", Hostile.pickOne(random, List.of("acc", "loss", "")));
        switch (type) {
            case RUN_STATE -> filter.putObject("run_state_filter").set("states", Hostile.NODES.arrayNode()
                    .add(Hostile.pickOne(random, List.of("FINISHED", "failed", "Crashed", "RUNNING", "ZOMBIE"))));
            case RUN_METRIC -> {
                metric.put("agg_op", Hostile.pickOne(random, List.of("AVERAGE", "AVG", "min", "MAX", "MEDIAN")));
                metric.set("window_size", windowSize(random));
                metric.put("cmp_op", Hostile.pickOne(random, List.of("$gt", "$gte", "$lt", "$lte", "$eq", "$ne",
                        "$between")));
                metric.set("threshold", Hostile.number(random));
                filter.putObject("run_metric_filter").set("threshold_filter", metric);
            }
            case RUN_METRIC_CHANGE -> {
                metric.put("agg_op", Hostile.pickOne(random, List.of("AVERAGE", "MIN", "MAX")));
                metric.set("current_window_size", windowSize(random));
                metric.set("prior_window_size", windowSize(random));
                metric.put("change_type", Hostile.pickOne(random, List.of("ABSOLUTE", "RELATIVE", "rel", "PERCENT")));
                metric.put("change_dir", Hostile.pickOne(random, List.of("INCREASE", "DECREASE", "ANY", "dec", "UP")));
                metric.set("change_amount", Hostile.number(random));
                filter.putObject("run_metric_filter").set("change_filter", metric);
            }
            case RUN_METRIC_ZSCORE -> {
                metric.set("window_size", windowSize(random));
                metric.set("threshold", Hostile.number(random));
                metric.put("change_dir", Hostile.pickOne(random, List.of("INCREASE", "DECREASE", "ANY", "inc")));
                filter.putObject("run_metric_filter").set("zscore_filter", metric);
            }
            default -> throw new AssertionError(type);
        }
        if (random.nextInt(4) == 0 && filter.has("run_metric_filter")) {
            filter.put("run_metric_filter", filter.get("run_metric_filter").toString()); // As a string, too.
        }
        return filter;
    }

    private static JsonNode windowSize(SplittableRandom random) {
        return random.nextBoolean() ? Hostile.NODES.numberNode(Hostile.pickOne(random, List.of(1, 2, 3, 5, 30)))
                : Hostile.number(random);
    }

    /** A field condition: a field and its operators, or a logical operator over nested conditions. */
    private static ObjectNode condition(SplittableRandom random, List<String> fields, int depth) {
        ObjectNode condition = Hostile.NODES.objectNode();
        int pick = random.nextInt(depth > 0 ? 10 : 8);
        if (pick >= 8) {
            ArrayNode list = condition.putArray(Hostile.pickOne(random, List.of("$and", "$or", "$nor")));
            for (int i = random.nextInt(3); i > 0; i--) {
                list.add(condition(random, fields, depth - 1));
            }
            return condition;
        }
        String field = random.nextInt(10) == 0 ? Hostile.pickOne(random, FIELDS) : Hostile.pickOne(random, fields);
        if (pick == 0) {
            condition.put(field, Hostile.pickOne(random, List.of("production", "prod", "")));
            return condition;
        }
        ObjectNode operators = condition.putObject(field);
        String op = random.nextInt(6) == 0 ? Hostile.pickOne(random, OPERATORS)
                : Hostile.pickOne(random, List.of("$eq", "$ne", "$gt", "$lte", "$in", "$nin", "$regex", "$regex",
                        "$regex", "$contains", "$exists", "$not"));
        switch (op) {
            case "$regex" -> operators.put(op, Hostile.pickOne(random, REGEXES));
            case "$in", "$nin" -> operators.putArray(op).add("production").add(Hostile.string(random)).addNull();
            case "$exists" -> operators.put(op, random.nextBoolean());
            case "$not" -> operators.putObject(op).put("$regex", Hostile.pickOne(random, REGEXES));
            default -> operators.put(op, Hostile.pickOne(random, List.of("production", "prod", "v1")));
        }
        return condition;
    }
}
