package dev.webhookrelay.trigger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.webhookrelay.model.EventType;

/**
 * Compiles an automation's {@code eventFilter}, in the shapes the {@code wandb} SDK emits, into a
 * {@link CompiledFilter}. The filter, and the {@code run_filter} and {@code metric_filter} inside a run event's filter,
 * may each be a JSON string, as W&B stores them, or a JSON value.
 * <ul>
 * <li>Artifact events take a field expression over {@code alias} and {@code tag}:
 * {@code {"$or":[{"$and":[{"alias":{"$regex":"^prod"}}]}]}}. W&B's read-back form {@code {"filter": …}} is unwrapped.
 * <li>Run events take {@code {"run_filter": …, "run_metric_filter": {…}, "run_state_filter": {…}, "metric_filter": …}}:
 * a field expression over {@code display_name} and {@code username}, and the one rule the event type calls for:
 * {@code threshold_filter} for {@code RUN_METRIC} (or the legacy {@code metric_filter}), {@code change_filter} for
 * {@code RUN_METRIC_CHANGE}, {@code zscore_filter} for {@code RUN_METRIC_ZSCORE}, and {@code run_state_filter} for
 * {@code RUN_STATE}. A rule for another event type is an error, not a skip: such an automation could never fire.
 * </ul>
 * An absent, null, empty-string or empty-object filter is no filter. Thread-safe.
 */
final class FilterParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String RUN_FILTER = "run_filter";
    private static final String RUN_METRIC_FILTER = "run_metric_filter";
    private static final String RUN_STATE_FILTER = "run_state_filter";
    private static final String METRIC_FILTER = "metric_filter";
    private static final List<String> RUN_KEYS = List.of(RUN_FILTER, RUN_METRIC_FILTER, RUN_STATE_FILTER,
            METRIC_FILTER);
    private static final Set<String> METRIC_KINDS = Set.of("threshold_filter", "change_filter", "zscore_filter");

    private final ConditionParser conditions;

    FilterParser(RegexGuard regexes) {
        this.conditions = new ConditionParser(regexes);
    }

    /**
     * Returns the text that identifies {@code eventFilter} in a cache: its string, or its compact JSON; null when the
     * automation has no filter.
     */
    static String text(JsonNode eventFilter) {
        if (eventFilter == null || eventFilter.isNull() || eventFilter.isMissingNode()) {
            return null;
        }
        if (eventFilter.isTextual()) {
            return eventFilter.textValue().isBlank() ? null : eventFilter.textValue();
        }
        return eventFilter.isObject() && eventFilter.isEmpty() ? null : eventFilter.toString();
    }

    /**
     * Returns the compiled filter of an automation on {@code type} events.
     *
     * @throws InvalidFilterException naming what is wrong and where
     */
    CompiledFilter parse(EventType type, JsonNode eventFilter) {
        JsonNode root = tree(eventFilter, "the filter");
        if (root != null && root.size() == 1 && root.has("filter")) {
            root = tree(root.get("filter"), "filter");
        }
        if (root == null || root.isEmpty()) {
            return CompiledFilter.NONE;
        }
        if (type.isRunEvent()) {
            return parseRunFilter(type, root);
        }
        for (String key : RUN_KEYS) {
            if (root.has(key)) {
                throw new InvalidFilterException(key + " is for run events; " + type
                        + " filters are field expressions such as {\"$or\":[{\"$and\":[{\"alias\":{\"$eq\":\"prod\"}}]}]}");
            }
        }
        return new CompiledFilter(conditions.parse(root, type, ""), null);
    }

    private CompiledFilter parseRunFilter(EventType type, JsonNode root) {
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            if (!RUN_KEYS.contains(key)) {
                throw new InvalidFilterException("Unknown key '" + key + "' in the " + type + " filter; run event"
                        + " filters are {\"run_filter\": …, \"" + ruleKey(type) + "\": …}");
            }
        }
        JsonNode runFilter = tree(root.get(RUN_FILTER), RUN_FILTER);
        Condition condition = runFilter == null ? Condition.ALWAYS : conditions.parse(runFilter, type, RUN_FILTER);
        return new CompiledFilter(condition, rule(type, root));
    }

    /** The rule part of a run event's filter: its kind, such as {@code change_filter}, and where it is. */
    private record Part(String kind, JsonNode filter, String location) {
    }

    private static RunRule rule(EventType type, JsonNode root) {
        Part part = part(root);
        String expected = ruleKey(type);
        if (part == null) {
            throw new InvalidFilterException(type + " filters need " + expected);
        }
        if (!expected.endsWith(part.kind())) {
            throw new InvalidFilterException(part.kind() + " does not apply to " + type + " automations, which need "
                    + expected);
        }
        return switch (type) {
            case RUN_STATE -> states(part.filter());
            case RUN_METRIC -> MetricRuleParser.threshold(part.filter(), part.location());
            case RUN_METRIC_CHANGE -> MetricRuleParser.change(part.filter(), part.location());
            case RUN_METRIC_ZSCORE -> MetricRuleParser.zscore(part.filter(), part.location());
            default -> throw new AssertionError(type);
        };
    }

    /** Returns the filter's run state or metric part, or null when it has neither. */
    private static Part part(JsonNode root) {
        JsonNode state = present(root.get(RUN_STATE_FILTER));
        Part metric = metricPart(root);
        if (state != null && metric != null) {
            throw new InvalidFilterException("A filter has either run_state_filter or a metric filter, not both");
        }
        return state != null ? new Part(RUN_STATE_FILTER, state, RUN_STATE_FILTER) : metric;
    }

    /**
     * Returns the one filter in {@code run_metric_filter}, else the legacy {@code metric_filter} (a threshold filter),
     * else null. The legacy filter is checked even when {@code run_metric_filter} overrides it.
     */
    private static Part metricPart(JsonNode root) {
        JsonNode legacy = tree(root.get(METRIC_FILTER), METRIC_FILTER);
        JsonNode metrics = present(root.get(RUN_METRIC_FILTER));
        if (metrics != null) {
            if (!metrics.isObject()) {
                throw new InvalidFilterException("Expected an object at " + RUN_METRIC_FILTER + ", got "
                        + ConditionParser.kind(metrics));
            }
            List<String> kinds = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : metrics.properties()) {
                if (!METRIC_KINDS.contains(entry.getKey())) {
                    throw new InvalidFilterException("Unknown key '" + entry.getKey() + "' at " + RUN_METRIC_FILTER
                            + "; expected threshold_filter, change_filter or zscore_filter");
                }
                if (present(entry.getValue()) != null) {
                    kinds.add(entry.getKey());
                }
            }
            if (kinds.size() > 1) {
                throw new InvalidFilterException("More than one metric filter at " + RUN_METRIC_FILTER + ": "
                        + String.join(", ", kinds));
            }
            if (kinds.size() == 1) {
                String kind = kinds.get(0);
                return new Part(kind, metrics.get(kind), RUN_METRIC_FILTER + "." + kind);
            }
        }
        return legacy == null ? null : new Part("threshold_filter", legacy, METRIC_FILTER);
    }

    /** The SDK coerces a single state to a list, and so do we. */
    private static StateRule states(JsonNode filter) {
        if (!filter.isObject()) {
            throw new InvalidFilterException("Expected an object at " + RUN_STATE_FILTER + ", got "
                    + ConditionParser.kind(filter));
        }
        for (Map.Entry<String, JsonNode> entry : filter.properties()) {
            if (!entry.getKey().equals("states")) {
                throw new InvalidFilterException("Unknown key '" + entry.getKey() + "' at " + RUN_STATE_FILTER
                        + "; expected states");
            }
        }
        JsonNode states = filter.path("states");
        List<JsonNode> listed = new ArrayList<>();
        if (states.isArray()) {
            states.forEach(listed::add);
        } else if (states.isTextual()) {
            listed.add(states);
        } else {
            throw new InvalidFilterException("Expected a list of run states at " + RUN_STATE_FILTER + ".states");
        }
        Set<String> canonical = new HashSet<>();
        for (JsonNode state : listed) {
            String name = state.isTextual() ? StateRule.canonical(state.textValue()) : null;
            if (name == null || !StateRule.KNOWN.contains(name)) {
                throw new InvalidFilterException("Unknown run state " + (state.isTextual() ? state.textValue()
                        : ConditionParser.kind(state)) + " at " + RUN_STATE_FILTER
                        + ".states; expected RUNNING, FINISHED, FAILED or CRASHED");
            }
            canonical.add(name);
        }
        if (canonical.isEmpty()) {
            throw new InvalidFilterException("No run state at " + RUN_STATE_FILTER + ".states");
        }
        return new StateRule(canonical);
    }

    private static String ruleKey(EventType type) {
        return switch (type) {
            case RUN_STATE -> RUN_STATE_FILTER;
            case RUN_METRIC -> RUN_METRIC_FILTER + ".threshold_filter";
            case RUN_METRIC_CHANGE -> RUN_METRIC_FILTER + ".change_filter";
            case RUN_METRIC_ZSCORE -> RUN_METRIC_FILTER + ".zscore_filter";
            default -> throw new AssertionError(type);
        };
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /**
     * Returns {@code node} as a JSON object: parsed when it is a string. Returns null when it is absent, null, or an
     * empty or {@code null} string.
     */
    private static JsonNode tree(JsonNode node, String location) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        JsonNode parsed = node.isTextual() ? parse(node.textValue(), location) : node;
        if (parsed == null || parsed.isNull()) {
            return null;
        }
        if (!parsed.isObject()) {
            throw new InvalidFilterException("Expected a JSON object in " + location + ", got "
                    + ConditionParser.kind(parsed));
        }
        return parsed;
    }

    /** Returns the JSON value of {@code text}, or null when it is blank. */
    private static JsonNode parse(String text, String location) {
        if (text.isBlank()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode parsed = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new InvalidFilterException("Invalid JSON in " + location + " at "
                        + position(parser.currentTokenLocation()) + ": more content after the value");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int detail = message.indexOf(" (start marker");
            throw new InvalidFilterException("Invalid JSON in " + location
                    + (e.getLocation() == null ? "" : " at " + position(e.getLocation())) + ": "
                    + (detail < 0 ? message : message.substring(0, detail)), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // Reading a String does no I/O.
        }
    }

    private static String position(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
