package dev.webhookrelay.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import dev.webhookrelay.model.EventType;

/**
 * Compiles a MongoDB-style filter expression, as the {@code wandb} SDK emits it, into a {@link Condition}. An
 * expression is an object whose keys are logical operators ({@code $and $or $nor} with an array, {@code $not} with an
 * expression) or field names; several keys are all required. A field maps to an object of operators
 * ({@code {"alias": {"$regex": "^prod"}}}), all required, or to a string or null, meaning {@code $eq}. Every operator,
 * field and operand is checked here, so that evaluation cannot meet one it does not know. Thread-safe.
 */
final class ConditionParser {

    private final RegexGuard regexes;

    ConditionParser(RegexGuard regexes) {
        this.regexes = regexes;
    }

    /**
     * Returns the compiled {@code expression} of a filter on {@code type} events.
     *
     * @param location where the expression is in the filter, for messages: empty at the top, else such as
     *        {@code run_filter}
     * @throws InvalidFilterException naming the bad operator, field or operand and where it is
     */
    Condition parse(JsonNode expression, EventType type, String location) {
        return parse(expression, new Scope(type, Field.of(type)), location);
    }

    /** The event type a filter is for, and the fields its filters may name. */
    private record Scope(EventType type, Set<Field> fields) {
    }

    private Condition parse(JsonNode expression, Scope scope, String location) {
        if (!expression.isObject()) {
            throw new InvalidFilterException("Expected an object at " + where(location) + ", got "
                    + kind(expression));
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : expression.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            String at = location.isEmpty() ? key : location + "." + key;
            switch (key) {
                case "$and" -> conditions.add(Condition.all(parseList(value, scope, at)));
                case "$or" -> conditions.add(Condition.any(parseList(value, scope, at)));
                case "$nor" -> conditions.add(new Condition.None(parseList(value, scope, at)));
                case "$not" -> conditions.add(new Condition.Not(parse(value, scope, at)));
                default -> conditions.add(parseField(key, value, scope, at));
            }
        }
        return Condition.all(conditions);
    }

    private List<Condition> parseList(JsonNode list, Scope scope, String location) {
        if (!list.isArray()) {
            throw new InvalidFilterException("Expected an array at " + location + ", got " + kind(list));
        }
        List<Condition> conditions = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            conditions.add(parse(list.get(i), scope, location + "[" + i + "]"));
        }
        return conditions;
    }

    private Condition parseField(String name, JsonNode condition, Scope scope, String location) {
        if (name.startsWith("$")) {
            throw new InvalidFilterException("Unknown operator " + name + " at " + location
                    + "; expected $and, $or, $nor, $not or a field");
        }
        Field field = Field.named(name);
        if (field == null || !scope.fields().contains(field)) {
            throw new InvalidFilterException("Unknown field '" + name + "' at " + location + "; "
                    + scope.type() + " filters may name " + names(scope.fields()));
        }
        if (condition.isTextual() || condition.isNull()) {
            return new Condition.Compare(field, Operator.EQ, condition.textValue());
        }
        return parseOperators(field, condition, location);
    }

    private Condition parseOperators(Field field, JsonNode operators, String location) {
        if (!operators.isObject()) {
            throw new InvalidFilterException("Expected a string or an object of operators at " + location + ", got "
                    + kind(operators));
        }
        if (operators.isEmpty()) {
            throw new InvalidFilterException("No operator at " + location);
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : operators.properties()) {
            conditions.add(parseOperator(field, entry.getKey(), entry.getValue(), location + "." + entry.getKey()));
        }
        return Condition.all(conditions);
    }

    private Condition parseOperator(Field field, String op, JsonNode operand, String location) {
        switch (op) {
            case "$not":
                return new Condition.Not(parseOperators(field, operand, location));
            case "$in":
            case "$nin":
                return new Condition.Member(field, strings(operand, location), op.equals("$nin"));
            case "$regex":
                return new Condition.Matches(field, regexes.compile(string(operand, location), location));
            case "$exists":
                if (!operand.isBoolean()) {
                    throw new InvalidFilterException("Expected true or false at " + location + ", got "
                            + kind(operand));
                }
                return new Condition.Exists(field, operand.booleanValue());
            default:
                Operator comparison = Operator.named(op);
                if (comparison == null) {
                    throw new InvalidFilterException("Unknown operator " + op + " at " + location + "; expected one"
                            + " of $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $regex, $contains, $exists, $not");
                }
                if (operand.isNull() && comparison.acceptsNull()) {
                    return new Condition.Compare(field, comparison, null);
                }
                return new Condition.Compare(field, comparison, string(operand, location));
        }
    }

    /** A field's operand must be a string: alias, tag, display_name and username are strings. */
    private static String string(JsonNode operand, String location) {
        if (!operand.isTextual()) {
            throw new InvalidFilterException("Expected a string at " + location + ", got " + kind(operand));
        }
        return operand.textValue();
    }

    private static List<String> strings(JsonNode operand, String location) {
        if (!operand.isArray()) {
            throw new InvalidFilterException("Expected an array of strings at " + location + ", got "
                    + kind(operand));
        }
        List<String> values = new ArrayList<>(operand.size());
        for (int i = 0; i < operand.size(); i++) {
            JsonNode item = operand.get(i);
            values.add(item.isNull() ? null : string(item, location + "[" + i + "]"));
        }
        return values;
    }

    private static String names(Set<Field> fields) {
        StringJoiner joined = new StringJoiner(" and ");
        for (Field field : Field.values()) {
            if (fields.contains(field)) {
                joined.add(field.wireName());
            }
        }
        return joined.toString();
    }

    private static String where(String location) {
        return location.isEmpty() ? "the top level" : location;
    }

    /** Returns what a JSON value is, for messages: a type, or a short literal for scalars. */
    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        String literal = node.toString();
        return literal.length() <= 40 ? literal : literal.substring(0, 37) + "...";
    }
}
