package dev.webhookrelay.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** CloudWatch metrics: {@code relay.metrics.*}. */
@ConfigMapping(prefix = "relay.metrics")
public interface MetricsConfig {

    /**
     * Whether each dispatch writes its metrics to standard output in CloudWatch Embedded Metric Format. Default true;
     * application.properties turns it off in dev and tests, where nothing reads them.
     */
    @WithDefault("true")
    boolean enabled();

    /** The CloudWatch namespace of the metrics. Default {@code WebhookRelay}. */
    @WithDefault("WebhookRelay")
    String namespace();
}
