package dev.webhookrelay.devreceiver;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The dev receiver of the walkthrough: {@code relay.dev-receiver.*}. Read only in dev and test builds. */
@ConfigMapping(prefix = "relay.dev-receiver")
public interface DevReceiverConfig {

    /** The port the dev receiver listens on, on localhost. Default 8090. */
    @WithDefault("8090")
    int port();
}
