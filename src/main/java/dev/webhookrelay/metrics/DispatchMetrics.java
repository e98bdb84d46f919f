package dev.webhookrelay.metrics;

import java.io.PrintStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.webhookrelay.model.TenantDomain;

/**
 * Records the metrics of each dispatch as CloudWatch Embedded Metric Format documents on standard output, where Lambda
 * hands them to CloudWatch Logs, which extracts the metrics: namespace {@code relay.metrics.namespace}, metrics
 * {@code Deliveries} (sent or refused), {@code Failures}, {@code Skipped}, {@code Attempts} (HTTP attempts) and
 * {@code Latency} (milliseconds per delivery, retries included), under the dimension sets {@code [FunctionName]} and
 * {@code [FunctionName, IntegrationHost]}. {@code IntegrationHost} is a host the relay contacted (passed the egress
 * guard), at most {@value #MAX_HOSTS} of them per dispatch, the others {@value #OTHER_HOSTS}; automations it did not
 * contact count under {@value #NO_HOST}. One document per dispatch and host value, so usually one per dispatch.
 * Safe for concurrent use.
 */
@ApplicationScoped
public class DispatchMetrics {

    /** The function's name where nothing else names it, as in dev and plain JVM runs. */
    static final String DEFAULT_FUNCTION_NAME = "webhook-relay";

    /** The host dimension of an automation whose target the relay did not contact: skipped, refused, unresolved. */
    static final String NO_HOST = "none";

    /** The most contacted hosts one dispatch gives a dimension value of their own; the others share {@link #OTHER_HOSTS}. */
    static final int MAX_HOSTS = 10;

    /** The host dimension of the contacted hosts of a dispatch past its first {@link #MAX_HOSTS}. */
    static final String OTHER_HOSTS = "other";

    private final boolean enabled;
    private final EmfWriter writer;
    private final InstantSource clock;
    private final Consumer<String> out;

    @Inject
    DispatchMetrics(MetricsConfig config) {
        this(config, functionName(System.getenv("AWS_LAMBDA_FUNCTION_NAME")), InstantSource.system(),
                DispatchMetrics::printLine);
    }

    DispatchMetrics(MetricsConfig config, String functionName, InstantSource clock, Consumer<String> out) {
        this.enabled = config.enabled();
        this.writer = new EmfWriter(config.namespace(), functionName);
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.out = Objects.requireNonNull(out, "out == null");
    }

    /** Writes the metrics of one dispatch's automations, unless {@code relay.metrics.enabled} is off. */
    public void record(List<DeliverySample> samples) {
        if (!enabled || samples.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, List<DeliverySample>> byHost = new LinkedHashMap<>();
        int named = 0;
        for (DeliverySample sample : samples) {
            String host = integrationHost(sample.targetHost());
            if (!byHost.containsKey(host) && !host.equals(NO_HOST)) {
                // Bounded per dispatch: each distinct value is a billed custom metric.
                host = named < MAX_HOSTS ? host : OTHER_HOSTS;
                named += named < MAX_HOSTS ? 1 : 0;
            }
            byHost.computeIfAbsent(host, key -> new ArrayList<>()).add(sample);
        }
        byHost.forEach((host, group) -> {
            for (int from = 0; from < group.size(); from += EmfWriter.MAX_VALUES) {
                out.accept(writer.write(now, host,
                        group.subList(from, Math.min(group.size(), from + EmfWriter.MAX_VALUES))));
            }
        });
    }

    /** Returns the {@code IntegrationHost} dimension value of {@code host}: lower case, tenant domains ({@link TenantDomain}) collapsed. */
    static String integrationHost(String host) {
        if (host == null || host.isBlank()) {
            return NO_HOST;
        }
        String name = host.toLowerCase(Locale.ROOT);
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return TenantDomain.of(bare).map(TenantDomain::domain).orElse(bare);
    }

    /** Writes {@code line} to standard output, as read now (Lambda's runtime replaces it) and flushed at once. */
    private static void printLine(String line) {
        PrintStream out = System.out;
        out.println(line);
        out.flush();
    }

    private static String functionName(String lambdaFunctionName) {
        return lambdaFunctionName == null || lambdaFunctionName.isBlank() ? DEFAULT_FUNCTION_NAME : lambdaFunctionName;
    }
}
