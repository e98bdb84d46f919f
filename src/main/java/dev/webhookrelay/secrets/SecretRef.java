package dev.webhookrelay.secrets;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one team secret: the {@code entity} (team) that owns it and the secret's {@code name}. Both are checked
 * here, before any store builds an id from them, so that no input can reach another entity's secrets: entity names are
 * letters, digits, hyphens and underscores; secret names, as in W&B, letters, digits and underscores.
 */
public record SecretRef(String entity, String name) {

    /** W&B entity (team) names. */
    public static final Pattern ENTITY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** W&B secret names. */
    public static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9_]{1,128}");

    public SecretRef {
        Objects.requireNonNull(entity, "entity == null");
        Objects.requireNonNull(name, "name == null");
        if (!ENTITY_NAME.matcher(entity).matches()) {
            throw new IllegalArgumentException("Invalid entity name: " + entity);
        }
        if (!SECRET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid secret name: " + name);
        }
    }

    @Override
    public String toString() {
        return entity + "/" + name;
    }
}
