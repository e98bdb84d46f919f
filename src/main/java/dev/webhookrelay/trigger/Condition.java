package dev.webhookrelay.trigger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import dev.webhookrelay.model.Event;

/**
 * A compiled MongoDB-style condition over an event's fields: the logical operators {@code $and $or $nor $not} over
 * field tests. Immutable. {@link #explain} says, in words, why the condition holds or does not; it is only called to
 * build the reason of a skipped automation, so it may repeat the evaluation.
 */
sealed interface Condition {

    /** The condition of an absent filter: the empty {@code $and}, which always holds. */
    Condition ALWAYS = new All(List.of());

    /** Returns whether this condition holds for {@code event}. */
    boolean holds(Event event);

    /** Returns why this condition holds, or does not hold, for {@code event}. */
    String explain(Event event);

    /** Returns the conjunction of {@code conditions}: the condition itself when there is one. */
    static Condition all(List<Condition> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new All(conditions);
    }

    /** Returns the disjunction of {@code conditions}: the condition itself when there is one. */
    static Condition any(List<Condition> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new Any(conditions);
    }

    /** {@code $and}: every condition holds. The empty {@code $and} holds. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(Event event) {
            for (Condition condition : conditions) {
                if (!condition.holds(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String explain(Event event) {
            StringJoiner held = new StringJoiner(" and ");
            for (Condition condition : conditions) {
                if (!condition.holds(event)) {
                    return condition.explain(event);
                }
                held.add(condition.explain(event));
            }
            return conditions.isEmpty() ? "the filter has no conditions" : held.toString();
        }
    }

    /** {@code $or}: some condition holds. The empty {@code $or} does not hold. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(Event event) {
            for (Condition condition : conditions) {
                if (condition.holds(event)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String explain(Event event) {
            if (conditions.isEmpty()) {
                return "$or has no conditions, so it never holds";
            }
            List<String> failed = new ArrayList<>();
            for (Condition condition : conditions) {
                if (condition.holds(event)) {
                    return condition.explain(event);
                }
                failed.add(condition.explain(event));
            }
            return "none of " + failed.size() + " alternatives holds: " + String.join("; ", failed);
        }
    }

    /** {@code $nor}: no condition holds. */
    record None(List<Condition> conditions) implements Condition {
        public None {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean holds(Event event) {
            for (Condition condition : conditions) {
                if (condition.holds(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String explain(Event event) {
            for (Condition condition : conditions) {
                if (condition.holds(event)) {
                    return "$nor excludes it: " + condition.explain(event);
                }
            }
            return "no $nor alternative holds";
        }
    }

    /** {@code $not}: the condition does not hold. */
    record Not(Condition condition) implements Condition {
        @Override
        public boolean holds(Event event) {
            return !condition.holds(event);
        }

        @Override
        public String explain(Event event) {
            return (condition.holds(event) ? "$not excludes it: " : "$not holds: ") + condition.explain(event);
        }
    }

    /** A one-operand comparison of a field: {@code $eq $ne $gt $gte $lt $lte $contains}. */
    record Compare(Field field, Operator op, String operand) implements Condition {
        @Override
        public boolean holds(Event event) {
            return op.test(field.valueOf(event), operand);
        }

        @Override
        public String explain(Event event) {
            String value = field.valueOf(event);
            return subject(field, value) + " " + op.phrase(op.test(value, operand)) + " " + quote(operand);
        }
    }

    /** {@code $in} ({@code negated} false) or {@code $nin}: the field's value is among {@code values}. */
    record Member(Field field, List<String> values, boolean negated) implements Condition {
        public Member {
            values = Collections.unmodifiableList(new ArrayList<>(values)); // May hold null, unlike List.copyOf.
        }

        @Override
        public boolean holds(Event event) {
            return values.contains(field.valueOf(event)) != negated;
        }

        @Override
        public String explain(Event event) {
            String value = field.valueOf(event);
            StringJoiner listed = new StringJoiner(", ", "[", "]");
            values.forEach(v -> listed.add(quote(v)));
            return subject(field, value) + (values.contains(value) ? " is in " : " is not in ") + listed;
        }
    }

    /** {@code $regex}: the pattern matches somewhere in the field's value (a search). An absent field never matches. */
    record Matches(Field field, Pattern pattern) implements Condition {
        @Override
        public boolean holds(Event event) {
            String value = field.valueOf(event);
            return value != null && RegexGuard.find(pattern, value, field);
        }

        @Override
        public String explain(Event event) {
            String value = field.valueOf(event);
            return subject(field, value) + (holds(event) ? " matches " : " does not match ") + pattern.pattern();
        }
    }

    /** {@code $exists}: the event has a value for the field ({@code expected} true) or has none. */
    record Exists(Field field, boolean expected) implements Condition {
        @Override
        public boolean holds(Event event) {
            return (field.valueOf(event) != null) == expected;
        }

        @Override
        public String explain(Event event) {
            String value = field.valueOf(event);
            return value == null ? field + " is absent" : subject(field, value) + " is present";
        }
    }

    private static String subject(Field field, String value) {
        return value == null ? field + " (absent)" : field + " " + quote(value);
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 80 ? "'" + value + "'" : "'" + value.substring(0, 77) + "...'";
    }
}
