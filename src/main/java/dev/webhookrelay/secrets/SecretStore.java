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

    /**
     * Does ahead of time the set-up the first {@link #find} would do (clients built, classes loaded), without reading
     * any secret or sending anything: for init, and before a SnapStart snapshot, which must hold no secret. Never
     * throws; a store that cannot prepare leaves the work, and any error, to the first lookup.
     */
    default void prime() {
    }
}
