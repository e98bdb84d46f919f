package dev.webhookrelay.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mutates a JSON tree at random places, the way a careless or hostile client would: deletes and duplicates members and
 * elements, changes types, swaps values for hostile strings and edge numbers, renames keys, turns objects into their
 * JSON text and JSON text into objects, nests values deeply and repeats them into large arrays.
 *
 * <p>Nesting past what Jackson will write (1,000 levels) is left as a marker string, {@link #expand expanded} once the
 * tree is JSON text; so are huge arrays, to keep trees small. The input tree is never changed.
 */
final class JsonMutator {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A marker for a deep nest or a huge array, written in place of a value and expanded in the JSON text. */
    private static final String MARK = "\u0000fuzz:";
    private static final Pattern MARKED = Pattern.compile("\"\\\\u0000fuzz:(deep|many):(\\d+):([^\"]*)\"");

    private final SplittableRandom random;
    private final int maxDepth;
    private final int maxChars;

    /**
     * A mutator drawing from {@code random} whose trees are at most {@code maxDepth} levels deep (Jackson writes no
     * more than 1,000; a deeper nest is a marker for {@link #expand}) and whose JSON text, expanded, is at most
     * {@code maxChars} long.
     */
    JsonMutator(SplittableRandom random, int maxDepth, int maxChars) {
        this.random = random;
        this.maxDepth = maxDepth;
        this.maxChars = maxChars;
    }

    /** A place in a tree: the root ({@code parent == null}), a member of an object, or an element of an array. */
    private record Slot(ContainerNode<?> parent, String field, int index, JsonNode value) {
    }

    /** Returns a mutated copy of {@code root}, changed {@code times} times. */
    JsonNode mutate(JsonNode root, int times) {
        JsonNode tree = root.deepCopy();
        for (int i = 0; i < times; i++) {
            JsonNode before = tree.deepCopy();
            tree = mutateOnce(tree);
            if (depth(tree) > maxDepth || expandedLength(tree) > maxChars) {
                tree = before; // Nests stacked past what Jackson writes (markers cover those), or too big to send.
            }
        }
        return tree;
    }

    /** Returns how many containers deep {@code node} is: 0 for a scalar. */
    static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    /** Returns the JSON text of {@code tree} with every deep-nest and huge-array marker expanded. */
    static String text(JsonNode tree) {
        try {
            return expand(JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the length of {@link #text}{@code (tree)} without building it. */
    static long expandedLength(JsonNode tree) {
        String json = tree.toString();
        long length = json.length();
        Matcher marked = MARKED.matcher(json);
        while (marked.find()) {
            long n = Long.parseLong(marked.group(2));
            long expanded = marked.group(1).equals("deep")
                    ? (marked.group(3).equals("a") ? 2 * n + 1 : 6 * n + 1)
                    : n * (marked.group(3).length() + 3) + 1;
            length += expanded - marked.group().length();
        }
        return length;
    }

    /** Returns {@code json} with every marker expanded into the nest or array it stands for. */
    static String expand(String json) {
        Matcher marked = MARKED.matcher(json);
        StringBuilder out = new StringBuilder();
        while (marked.find()) {
            int n = Integer.parseInt(marked.group(2));
            String inner = marked.group(3);
            String replacement;
            if (marked.group(1).equals("deep")) {
                replacement = inner.equals("a") ? "[".repeat(n) + "1" + "]".repeat(n)
                        : "{\"a\":".repeat(n) + "1" + "}".repeat(n);
            } else {
                String element = "\"" + inner + "\"";
                replacement = "[" + (element + ",").repeat(n - 1) + element + "]";
            }
            marked.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        marked.appendTail(out);
        return out.toString();
    }

    private JsonNode mutateOnce(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(new Slot(null, null, -1, root), slots, 0);
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode value = slot.value();
        switch (random.nextInt(14)) {
            case 0, 1 -> {
                if (slot.parent() == null) {
                    return root;
                }
                remove(slot);
                return root;
            }
            case 2 -> {
                if (slot.parent() instanceof ArrayNode array) {
                    array.insert(slot.index(), value.deepCopy());
                } else if (slot.parent() instanceof ObjectNode object) {
                    object.set(slot.field() + Hostile.pickOne(random, List.of("", "_", " ", "2")), value.deepCopy());
                }
                return root;
            }
            case 3 -> {
                return replace(root, slot, Hostile.json(random, 2));
            }
            case 4, 5 -> {
                return replace(root, slot, Hostile.NODES.textNode(Hostile.string(random)));
            }
            case 6 -> {
                return replace(root, slot, retype(value));
            }
            case 7 -> {
                return replace(root, slot, Hostile.number(random));
            }
            case 8 -> {
                return replace(root, slot, Hostile.NODES.textNode(value.toString()));
            }
            case 9 -> {
                return replace(root, slot, parsedOrSame(value));
            }
            case 10 -> {
                return replace(root, slot, deep(value));
            }
            case 11 -> {
                return replace(root, slot, many(value));
            }
            case 12 -> {
                if (slot.parent() instanceof ObjectNode object) {
                    object.remove(slot.field());
                    object.set(renamed(slot.field()), value);
                }
                return root;
            }
            default -> {
                return replace(root, slot, random.nextBoolean() ? Hostile.NODES.nullNode()
                        : Hostile.NODES.booleanNode(random.nextBoolean()));
            }
        }
    }

    private void collect(Slot slot, List<Slot> slots, int depth) {
        slots.add(slot);
        JsonNode value = slot.value();
        if (depth > 40) {
            return; // Deep nests are mutated at their top only.
        }
        if (value instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                collect(new Slot(object, member.getKey(), -1, member.getValue()), slots, depth + 1);
            }
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(new Slot(array, null, i, array.get(i)), slots, depth + 1);
            }
        }
    }

    private static void remove(Slot slot) {
        if (slot.parent() instanceof ObjectNode object) {
            object.remove(slot.field());
        } else {
            ((ArrayNode) slot.parent()).remove(slot.index());
        }
    }

    private static JsonNode replace(JsonNode root, Slot slot, JsonNode value) {
        if (slot.parent() == null) {
            return value;
        }
        if (slot.parent() instanceof ObjectNode object) {
            object.set(slot.field(), value);
        } else {
            ((ArrayNode) slot.parent()).set(slot.index(), value);
        }
        return root;
    }

    /** Returns {@code value} as another type: a string as a number, an object as an array of its values, and so on. */
    private JsonNode retype(JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            try {
                return Hostile.NODES.numberNode(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return random.nextBoolean() ? Hostile.NODES.arrayNode().add(value) : Hostile.number(random);
            }
        }
        if (value.isNumber() || value.isBoolean() || value.isNull()) {
            return Hostile.NODES.textNode(value.asText());
        }
        if (value.isObject()) {
            ArrayNode values = Hostile.NODES.arrayNode();
            value.forEach(values::add);
            return values;
        }
        ObjectNode indexed = Hostile.NODES.objectNode();
        for (int i = 0; i < value.size(); i++) {
            indexed.set(Integer.toString(i), value.get(i));
        }
        return indexed;
    }

    /** Returns the JSON value a string holds, as W&B's filters and templates are strings holding JSON; else itself. */
    private static JsonNode parsedOrSame(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            return JSON.readTree(value.textValue());
        } catch (Exception e) {
            return value;
        }
    }

    /** Returns {@code value} nested in arrays or objects, from a few levels to past the parser's limit of 1,000. */
    private JsonNode deep(JsonNode value) {
        int depth = Hostile.pickOne(random, List.of(10, 100, 500, 990, 998, 999, 1000, 1001, 1100, 5000));
        boolean arrays = random.nextBoolean();
        if (depth > maxDepth / 2) {
            return Hostile.NODES.textNode(MARK + "deep:" + depth + ":" + (arrays ? "a" : "o"));
        }
        JsonNode nested = value;
        for (int i = 0; i < depth; i++) {
            nested = arrays ? Hostile.NODES.arrayNode().add(nested) : Hostile.NODES.objectNode().set("a", nested);
        }
        return nested;
    }

    /** Returns a large array: {@code value} repeated, or a marker for thousands of short strings. */
    private JsonNode many(JsonNode value) {
        int size = value.toString().length();
        if (random.nextBoolean() || size > 2000) {
            int n = Hostile.pickOne(random, List.of(101, 1000, 20_000, 60_000));
            return Hostile.NODES.textNode(MARK + "many:" + n + ":" + Hostile.word(random, 1 + random.nextInt(8)));
        }
        ArrayNode array = Hostile.NODES.arrayNode();
        for (int i = Hostile.pickOne(random, List.of(2, 50, 101, 500)); i > 0; i--) {
            array.add(value.deepCopy());
        }
        return array;
    }

    private String renamed(String key) {
        return switch (random.nextInt(6)) {
            case 0 -> key.toUpperCase(Locale.ROOT);
            case 1 -> key + " ";
            case 2 -> "";
            case 3 -> "$" + key;
            case 4 -> Hostile.string(random);
            default -> key.isEmpty() ? "x" : key.substring(1);
        };
    }
}
