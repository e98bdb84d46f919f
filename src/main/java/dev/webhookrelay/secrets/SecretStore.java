package dev.webhookrelay.secrets;

import java.util.Optional;

/**
 * Resolves team secrets. Implementations must be safe for concurrent use. A secret that does not exist is an empty
 * result, not an error; a store that cannot answer throws {@link SecretStoreException}, whose message never holds a
 * secret value.
 */
public interface SecretStore {

    /** Returns the value of the secret {@code ref}, or empty when the entity has no such secret. */
    Optional<Secret> find(SecretRef ref);
}
