package dev.webhookrelay.api;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who may call the relay: {@code relay.inbound.*}. */
@ConfigMapping(prefix = "relay.inbound")
public interface InboundConfig {

    /**
     * Shared keys, for deployments without IAM in front of the relay: when set, every call must send one of them in
     * the {@code X-Relay-Api-Key} header. Several keys allow rotation. Default none: the relay relies on the API
     * Gateway's IAM authorisation. Secret values: never logged.
     */
    Optional<List<String>> apiKeys();
}
