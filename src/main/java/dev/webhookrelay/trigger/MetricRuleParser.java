package dev.webhookrelay.trigger;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compiles the SDK's metric filters ({@code threshold_filter}, {@code change_filter}, {@code zscore_filter}) into
 * {@link RunRule}s. Keys are checked as strictly as the SDK's models ({@code extra="forbid"}), and absent keys take the
 * SDK's defaults: a threshold window of 1; a change window of 1 and a prior window equal to the current one; a z-score
 * window of 30, threshold of 3 and direction {@code ANY}.
 */
final class MetricRuleParser {

    /** Largest window accepted, so that window arithmetic cannot overflow. */
    static final int MAX_WINDOW = 1_000_000;

    private static final Set<String> THRESHOLD_KEYS = Set.of("name", "agg_op", "window_size", "cmp_op", "threshold");
    private static final Set<String> CHANGE_KEYS = Set.of("name", "agg_op", "current_window_size",
            "prior_window_size", "change_type", "change_dir", "change_amount");
    private static final Set<String> ZSCORE_KEYS = Set.of("name", "window_size", "threshold", "change_dir");

    private MetricRuleParser() {
    }

    /** Returns the compiled {@code threshold_filter} found at {@code location}. */
    static ThresholdRule threshold(JsonNode filter, String location) {
        checkKeys(filter, THRESHOLD_KEYS, location);
        String cmp = requiredText(filter, "cmp_op", location);
        Comparison comparison = Comparison.named(cmp);
        if (comparison == null) {
            throw new InvalidFilterException("Unknown cmp_op " + cmp + " at " + location
                    + "; expected $gt, $gte, $lt, $lte, $eq or $ne");
        }
        return new ThresholdRule(name(filter, location), aggregation(filter, location),
                window(filter, "window_size", 1, location), comparison,
                number(filter, "threshold", null, false, location));
    }

    /** Returns the compiled {@code change_filter} found at {@code location}. */
    static ChangeRule change(JsonNode filter, String location) {
        checkKeys(filter, CHANGE_KEYS, location);
        int current = window(filter, "current_window_size", 1, location);
        String type = requiredText(filter, "change_type", location);
        boolean relative = switch (type.toUpperCase(Locale.ROOT)) {
            case "RELATIVE", "REL" -> true;
            case "ABSOLUTE", "ABS" -> false;
            default -> throw new InvalidFilterException("Unknown change_type " + type + " at " + location
                    + "; expected ABSOLUTE or RELATIVE");
        };
        return new ChangeRule(name(filter, location), aggregation(filter, location), current,
                window(filter, "prior_window_size", current, location), relative,
                direction(filter, null, location), number(filter, "change_amount", null, true, location));
    }

    /** Returns the compiled {@code zscore_filter} found at {@code location}. */
    static ZScoreRule zscore(JsonNode filter, String location) {
        checkKeys(filter, ZSCORE_KEYS, location);
        return new ZScoreRule(name(filter, location), window(filter, "window_size", 30, location),
                number(filter, "threshold", 3.0, true, location), direction(filter, Direction.ANY, location));
    }

    private static void checkKeys(JsonNode filter, Set<String> known, String location) {
        if (!filter.isObject()) {
            throw new InvalidFilterException("Expected an object at " + location + ", got "
                    + ConditionParser.kind(filter));
        }
        for (Map.Entry<String, JsonNode> entry : filter.properties()) {
            String key = entry.getKey();
            if (!known.contains(key)) {
                throw new InvalidFilterException("Unknown key '" + key + "' at " + location + "; expected "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static String name(JsonNode filter, String location) {
        String name = requiredText(filter, "name", location);
        if (name.isBlank()) {
            throw new InvalidFilterException("Empty metric name at " + location + ".name");
        }
        return name;
    }

    private static Aggregation aggregation(JsonNode filter, String location) {
        JsonNode agg = filter.get("agg_op");
        if (agg == null || agg.isNull()) {
            return null;
        }
        Aggregation aggregation = agg.isTextual() ? Aggregation.named(agg.textValue()) : null;
        if (aggregation == null) {
            throw new InvalidFilterException("Unknown agg_op " + text(agg) + " at " + location
                    + "; expected AVERAGE, MIN, MAX or null");
        }
        return aggregation;
    }

    private static Direction direction(JsonNode filter, Direction fallback, String location) {
        JsonNode dir = filter.get("change_dir");
        if ((dir == null || dir.isNull()) && fallback != null) {
            return fallback;
        }
        Direction direction = dir != null && dir.isTextual() ? Direction.named(dir.textValue()) : null;
        if (direction == null) {
            throw new InvalidFilterException((dir == null || dir.isNull() ? "Missing change_dir" : "Unknown change_dir "
                    + text(dir)) + " at " + location + "; expected INCREASE, DECREASE or ANY");
        }
        return direction;
    }

    private static int window(JsonNode filter, String key, int fallback, String location) {
        JsonNode window = filter.get(key);
        if (window == null || window.isNull()) {
            return fallback;
        }
        if (!window.isIntegralNumber() || !window.canConvertToInt() || window.intValue() < 1
                || window.intValue() > MAX_WINDOW) {
            throw new InvalidFilterException("Expected a whole number from 1 to " + MAX_WINDOW + " at " + location
                    + "." + key + ", got " + ConditionParser.kind(window));
        }
        return window.intValue();
    }

    private static double number(JsonNode filter, String key, Double fallback, boolean positive, String location) {
        JsonNode number = filter.get(key);
        if (number == null || number.isNull()) {
            if (fallback != null) {
                return fallback;
            }
            throw new InvalidFilterException("Missing " + key + " at " + location);
        }
        double value = number.doubleValue();
        if (!number.isNumber() || !Double.isFinite(value) || (positive && value <= 0)) {
            throw new InvalidFilterException("Expected a " + (positive ? "positive " : "") + "number at " + location
                    + "." + key + ", got " + ConditionParser.kind(number));
        }
        return value;
    }

    private static String requiredText(JsonNode filter, String key, String location) {
        JsonNode text = filter.get(key);
        if (text == null || text.isNull()) {
            throw new InvalidFilterException("Missing " + key + " at " + location);
        }
        if (!text.isTextual()) {
            throw new InvalidFilterException("Expected a string at " + location + "." + key + ", got "
                    + ConditionParser.kind(text));
        }
        return text.textValue();
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : ConditionParser.kind(node);
    }
}
