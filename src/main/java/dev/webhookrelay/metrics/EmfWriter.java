package dev.webhookrelay.metrics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes one CloudWatch Embedded Metric Format document: a single line of JSON holding the {@code _aws} metadata
 * (timestamp, namespace, dimension sets, metric names and units), then the dimension values and the metric values at
 * the root, as the EMF specification lays it out. Immutable and safe for concurrent use.
 *
 * <p>
 * Dimensions stay few on purpose, since every distinct combination is a metric CloudWatch bills: the function's name,
 * and the function's name with the target host. Automation names, integration names and delivery ids are never
 * dimensions.
 */
final class EmfWriter {

    static final String FUNCTION_NAME = "FunctionName";
    static final String INTEGRATION_HOST = "IntegrationHost";

    static final String DELIVERIES = "Deliveries";
    static final String FAILURES = "Failures";
    static final String SKIPPED = "Skipped";
    static final String ATTEMPTS = "Attempts";
    static final String LATENCY = "Latency";

    static final String COUNT = "Count";
    static final String MILLISECONDS = "Milliseconds";

    /** The most values one metric may carry in one document, per the EMF specification. */
    static final int MAX_VALUES = 100;

    private static final JsonFactory JSON = new JsonFactory();

    private final String namespace;
    private final String functionName;

    EmfWriter(String namespace, String functionName) {
        this.namespace = Objects.requireNonNull(namespace, "namespace == null");
        this.functionName = Objects.requireNonNull(functionName, "functionName == null");
        if (namespace.isBlank() || functionName.isBlank()) {
            throw new IllegalArgumentException("namespace and function name must not be blank");
        }
    }

    /**
     * Returns the document of {@code samples}, all of them to {@code integrationHost}, at {@code at}: one line, no line
     * break. Latency is left out when no sample attempted anything.
     *
     * @throws IllegalArgumentException if there are more than {@link #MAX_VALUES} samples
     */
    String write(Instant at, String integrationHost, List<DeliverySample> samples) {
        if (samples.size() > MAX_VALUES) {
            throw new IllegalArgumentException("At most " + MAX_VALUES + " samples per document: " + samples.size());
        }
        long delivered = count(samples, DeliverySample.Result.DELIVERED);
        long failed = count(samples, DeliverySample.Result.FAILED);
        long skipped = count(samples, DeliverySample.Result.SKIPPED);
        long attempts = samples.stream().mapToLong(DeliverySample::attempts).sum();
        List<Double> latencies = samples.stream().filter(s -> s.attempts() > 0).map(DeliverySample::latencyMs).toList();

        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", at.toEpochMilli());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            json.writeArray(new String[] { FUNCTION_NAME }, 0, 1);
            json.writeArray(new String[] { FUNCTION_NAME, INTEGRATION_HOST }, 0, 2);
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            metric(json, DELIVERIES, COUNT);
            metric(json, FAILURES, COUNT);
            metric(json, SKIPPED, COUNT);
            metric(json, ATTEMPTS, COUNT);
            if (!latencies.isEmpty()) {
                metric(json, LATENCY, MILLISECONDS);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();

            json.writeStringField(FUNCTION_NAME, functionName);
            json.writeStringField(INTEGRATION_HOST, integrationHost);
            json.writeNumberField(DELIVERIES, delivered + failed);
            json.writeNumberField(FAILURES, failed);
            json.writeNumberField(SKIPPED, skipped);
            json.writeNumberField(ATTEMPTS, attempts);
            if (!latencies.isEmpty()) {
                json.writeArrayFieldStart(LATENCY);
                for (double latency : latencies) {
                    json.writeNumber(Math.round(latency * 10) / 10.0); // 0.1 ms is all the precision worth storing.
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // A StringWriter does not fail.
        }
        return out.toString();
    }

    private static void metric(JsonGenerator json, String name, String unit) throws IOException {
        json.writeStartObject();
        json.writeStringField("Name", name);
        json.writeStringField("Unit", unit);
        json.writeEndObject();
    }

    private static long count(List<DeliverySample> samples, DeliverySample.Result result) {
        return samples.stream().filter(s -> s.result() == result).count();
    }
}
