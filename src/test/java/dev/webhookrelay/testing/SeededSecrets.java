package dev.webhookrelay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The secrets the tests seed the memory store with: {@code src/test/resources/secrets.json}. */
public final class SeededSecrets {

    /** The seed file of the test profile. */
    public static final Path SEED = Path.of("src/test/resources/secrets.json");

    private SeededSecrets() {
    }

    /**
     * Returns every seeded secret value, those of secrets bound to destinations ({@code {"value": …}}) included.
     *
     * @throws IllegalStateException if the seed holds none, so that a scan for them cannot pass vacuously
     */
    public static List<String> values() {
        List<String> values = new ArrayList<>();
        try {
            for (JsonNode entity : Requests.JSON.readTree(SEED.toFile())) {
                for (JsonNode secret : entity) {
                    values.add(secret.isObject() ? secret.get("value").textValue() : secret.textValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (values.isEmpty() || values.stream().anyMatch(value -> value == null || value.isEmpty())) {
            throw new IllegalStateException("No or empty secret values in " + SEED);
        }
        return values;
    }
}
