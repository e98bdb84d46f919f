package dev.webhookrelay.secrets;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one team secret: the {@code entity} (team) that owns it and the secret's {@code name}. Both are checked
 * here, before any store builds an id from them, so that no input can reach another entity's secrets: entity names are
 * letters, digits, hyphens and underscores; secret names, as in W&B, letters, digits and underscores.
 */
public record SecretRef(String entity, String name) {

    /** W&B entity (team) names, as a regular expression that a whole name must match. */
    public static final String ENTITY_NAME = "[A-Za-z0-9_-]{1,128}";

    /** W&B secret names, as a regular expression that a whole name must match. */
    public static final String SECRET_NAME = "[A-Za-z0-9_]{1,128}";

    private static final Pattern ENTITY_NAME_PATTERN = Pattern.compile(ENTITY_NAME);
    private static final Pattern SECRET_NAME_PATTERN = Pattern.compile(SECRET_NAME);

    public SecretRef {
        Objects.requireNonNull(entity, "entity == null");
        Objects.requireNonNull(name, "name == null");
        if (!ENTITY_NAME_PATTERN.matcher(entity).matches()) {
            throw new IllegalArgumentException("Invalid entity name: " + entity);
        }
        if (!SECRET_NAME_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid secret name: " + name);
        }
    }

    @Override
    public String toString() {
        return entity + "/" + name;
    }
}
