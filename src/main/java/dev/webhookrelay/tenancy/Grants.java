package dev.webhookrelay.tenancy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.secrets.SecretRef;

/**
 * One tenancy setting parsed: which identity (a principal ARN, an API key digest) may act for which entities.
 * Immutable. {@link #parse} accepts only a JSON object whose values are non-empty arrays of entity names, and fails
 * with a message naming the setting and the faulty member.
 */
final class Grants {

    /** W&B entity names, as {@code event.entity.name} is validated. */
    private static final Pattern ENTITY_NAME = Pattern.compile(SecretRef.ENTITY_NAME);

    private final Map<String, Set<String>> entities;

    private Grants(Map<String, Set<String>> entities) {
        this.entities = Map.copyOf(entities);
    }

    /**
     * Returns the grants of setting {@code key} holding {@code json}, each identity passed through {@code canonical}.
     *
     * @throws IllegalArgumentException if {@code json} is not such an object, or {@code canonical} refuses an identity
     */
    static Grants parse(String key, String json, ObjectMapper mapper, UnaryOperator<String> canonical) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Only where: the text could hold an API key pasted by mistake.
            throw new IllegalArgumentException(key + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException(key + " must be a non-empty JSON object from identity to entity names");
        }
        Map<String, Set<String>> entities = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> members = root.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            String identity = canonical.apply(member.getKey());
            JsonNode names = member.getValue();
            if (!names.isArray() || names.isEmpty()) {
                throw new IllegalArgumentException(key + ": " + member.getKey() + " must map to a non-empty array of "
                        + "entity names");
            }
            Set<String> granted = entities.computeIfAbsent(identity, any -> new HashSet<>());
            for (JsonNode name : names) {
                if (!name.isTextual() || !ENTITY_NAME.matcher(name.textValue()).matches()) {
                    throw new IllegalArgumentException(key + ": " + member.getKey() + " maps to " + name
                            + ", which is not an entity name (letters, digits, hyphens and underscores)");
                }
                granted.add(name.textValue());
            }
        }
        entities.replaceAll((identity, granted) -> Set.copyOf(granted));
        return new Grants(entities);
    }

    /** Returns no grants at all. */
    static Grants none() {
        return new Grants(Map.of());
    }

    /** Returns whether {@code identity}, when present, may act for {@code entity}. */
    boolean allows(Optional<String> identity, String entity) {
        return identity.map(entities::get).map(granted -> granted.contains(entity)).orElse(false);
    }
}
