package dev.webhookrelay.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A store that holds its secrets in memory, for local runs and tests. Immutable once built, so safe for concurrent use.
 * {@link #fromSeedFile} reads {@code {"<entity>": {"<NAME>": "<value>"}}}, where a secret bound to destinations is
 * {@code {"value": "<value>", "destinations": ["https://api.github.com/repos/acme/"]}} instead of its value.
 */
public final class InMemorySecretStore implements SecretStore {

    private final Map<SecretRef, Secret> secrets;

    public InMemorySecretStore(Map<SecretRef, Secret> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    /** Returns a store seeded from the JSON file at {@code path}. */
    public static InMemorySecretStore fromSeedFile(Path path, ObjectMapper mapper) {
        try (InputStream in = Files.newInputStream(path)) {
            return fromJson(mapper.readTree(in), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read secrets seed file " + path, e);
        }
    }

    static InMemorySecretStore fromJson(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Secrets seed file must hold a JSON object of entities: " + source);
        }
        Map<SecretRef, Secret> secrets = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entities = root.fields(); entities.hasNext();) {
            Map.Entry<String, JsonNode> entity = entities.next();
            if (!entity.getValue().isObject()) {
                throw new IllegalArgumentException(
                        "Secrets of entity " + entity.getKey() + " must be a JSON object in " + source);
            }
            for (Iterator<Map.Entry<String, JsonNode>> named = entity.getValue().fields(); named.hasNext();) {
                Map.Entry<String, JsonNode> secret = named.next();
                SecretRef ref = new SecretRef(entity.getKey(), secret.getKey());
                secrets.put(ref, secret(ref, secret.getValue(), source));
            }
        }
        return new InMemorySecretStore(secrets);
    }

    /** Returns the secret {@code ref} seeded as {@code seeded}: a JSON string, or an object with its destinations. */
    private static Secret secret(SecretRef ref, JsonNode seeded, String source) {
        if (seeded.isTextual()) {
            return Secret.of(seeded.textValue());
        }
        // Name the secret, never echo its value.
        JsonNode value = seeded.path("value");
        JsonNode destinations = seeded.path("destinations");
        if (!seeded.isObject() || seeded.size() != 2 || !value.isTextual() || !destinations.isArray()) {
            throw new IllegalArgumentException("Secret " + ref + " must be a JSON string, or an object with a string "
                    + "\"value\" and an array \"destinations\" (and nothing else), in " + source);
        }
        List<String> prefixes = new ArrayList<>();
        for (JsonNode destination : destinations) {
            if (!destination.isTextual()) {
                throw new IllegalArgumentException("Destinations of secret " + ref + " must be strings in " + source);
            }
            prefixes.add(destination.textValue());
        }
        try {
            return Secret.of(value.textValue()).withDestinations(Destinations.parse(prefixes));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Secret " + ref + " in " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Secret> find(SecretRef ref) {
        return Optional.ofNullable(secrets.get(ref));
    }
}
