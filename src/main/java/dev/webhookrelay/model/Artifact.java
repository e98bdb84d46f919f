package dev.webhookrelay.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The artifact version an event concerns. {@code metadata} holds the version's top-level metadata keys with their JSON
 * values, in the order given.
 */
public record Artifact(String id, NamedRef collection, Integer versionIndex, String versionString,
        Map<String, JsonNode> metadata) {

    public Artifact {
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
