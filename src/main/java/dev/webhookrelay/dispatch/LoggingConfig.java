package dev.webhookrelay.dispatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the delivery log lines carry: {@code relay.logging.*}. */
@ConfigMapping(prefix = "relay.logging")
public interface LoggingConfig {

    /**
     * Whether each delivery's log line also carries its payload, as the report shows it: secrets as {@code ***}, and
     * cut to its first 4 KiB. For debugging a template; payloads may hold data the team would not put in logs.
     * Default false.
     */
    @WithDefault("false")
    boolean payloads();
}
