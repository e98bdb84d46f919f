package dev.webhookrelay.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code relay.priming.*}: when {@link SnapStartPriming} runs its dry run besides before a SnapStart snapshot. */
@ConfigMapping(prefix = "relay.priming")
public interface PrimingConfig {

    /**
     * Whether init also runs the dry run, for a function without SnapStart that would rather have a longer init and a
     * faster first invocation (and for measuring what the SnapStart hook takes off the first invocation). Default false.
     */
    @WithDefault("false")
    boolean atStartUp();
}
