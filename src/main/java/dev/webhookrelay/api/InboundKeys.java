package dev.webhookrelay.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;

/**
 * The inbound API keys of {@code relay.inbound.api-keys}, checked at start-up. Immutable, so safe for concurrent use.
 * The setting fails closed: set but empty (such as {@code RELAY_INBOUND_API_KEYS=""}, which the configuration would
 * otherwise read as unset) or holding a blank key, it stops the function at start-up rather than open the API. A
 * refused start is seen at deploy time with its reason in the log; answering 401 to everyone would look like clients
 * sending wrong keys.
 */
@ApplicationScoped
@Startup
class InboundKeys {

    static final String SETTING = "relay.inbound.api-keys";

    private final List<byte[]> keys;

    @Inject
    InboundKeys(InboundConfig config, Config raw) {
        this(config.apiKeys(), raw.getConfigValue(SETTING).getRawValue());
    }

    /**
     * Creates the keys {@code keys}, the setting as parsed, whose raw text is {@code raw} (null when it is not set).
     *
     * @throws IllegalStateException if the setting is set, but to no key or to a blank one
     */
    InboundKeys(Optional<List<String>> keys, String raw) {
        List<String> given = keys.orElse(List.of());
        if (raw != null && (given.isEmpty() || given.stream().anyMatch(String::isBlank))) {
            // Never echo the setting: it holds keys.
            throw new IllegalStateException(SETTING + " is set but holds an empty key: set one or more keys "
                    + "separated by commas, or remove the setting to rely on IAM authorisation alone");
        }
        this.keys = given.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Returns whether calls must present a key. */
    boolean required() {
        return !keys.isEmpty();
    }

    /** Returns whether {@code presented} (null when absent) is one of the keys, compared in constant time. */
    boolean matches(String presented) {
        byte[] bytes = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (byte[] key : keys) {
            matched |= MessageDigest.isEqual(key, bytes); // Every key is compared: no early exit to time.
        }
        return matched;
    }
}
