package dev.webhookrelay.runwindow;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** W&B's once-per-run rule for run events: {@code relay.run-window.*}. */
@ConfigMapping(prefix = "relay.run-window")
public interface RunWindowConfig {

    /**
     * Whether an automation on run events fires at most once per run within {@link #duration()}. Default true, as
     * W&B does; false lets every matching event fire.
     */
    @WithDefault("true")
    boolean enabled();

    /** How long an automation that fired for a run stays quiet for that run. Default 24 hours, W&B's period. */
    @WithDefault("24h")
    Duration duration();
}
