package dev.webhookrelay.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.webhookrelay.api.DispatchRequest;
import dev.webhookrelay.model.Automation;
import dev.webhookrelay.payload.EventVariables;
import dev.webhookrelay.payload.RenderedPayload;
import dev.webhookrelay.payload.TemplateRenderer;
import dev.webhookrelay.secrets.InMemorySecretStore;
import dev.webhookrelay.secrets.Secret;
import dev.webhookrelay.secrets.SecretRef;
import dev.webhookrelay.signing.SignatureScheme;
import dev.webhookrelay.signing.Signer;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.trigger.TriggerEvaluator;
import dev.webhookrelay.trigger.Verdict;

/**
 * The in-process work of one dispatch of the sample GitHub-dispatch request ({@code events/github-dispatch.json}: one
 * {@code ADD_ARTIFACT_ALIAS} event, one integration with an access token and a signing secret, one automation with an
 * alias {@code $regex} filter and W&B's GitHub template), against the floor of its signing step: a raw HMAC-SHA256
 * over the same rendered bytes.
 * <ul>
 * <li>{@code pipeline}: everything the function does for it before sending: bind the request bytes to a
 * {@link DispatchRequest} (Jackson), then {@link Planner#plan}, the function's own planner, built outside CDI on the
 * memory store: every check (integration ids, templates, filters), {@link EventVariables}, the trigger
 * ({@link TriggerEvaluator}), the delivery id, both secrets looked up, the template rendered
 * ({@link TemplateRenderer}) with its redacted copy, the body signed ({@link Signer}, {@code wandb} scheme), the
 * headers built. Warm caches (filters, templates), as in a warm function. Not included: bean validation, the
 * sending ({@link Sender}), the report and its JSON, the HTTP and Lambda layers.
 * <li>{@code parse}, {@code trigger}, {@code variables}, {@code render}, {@code sign}: the steps of {@code pipeline}
 * alone, to see where its time goes.
 * <li>{@code hmacNewMac}: {@code Mac.getInstance}, {@code init}, {@code doFinal} over the rendered body: a new
 * {@link Mac} per call, as the signer does (it must be safe for concurrent use).
 * <li>{@code hmacReusedMac}: {@code doFinal} on one initialised {@link Mac}: the physical floor.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineBenchmark {

    /** The sample request, on the class path from {@code ../events} (see pom.xml). */
    static final String REQUEST = "/github-dispatch.json";

    /** Bound as the Quarkus ObjectMapper binds it: unknown properties are ignored. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Secret TOKEN = Secret.of(SeededSecrets.TOKEN);
    private static final Secret SIGNING_SECRET = Secret.of(SeededSecrets.SIGNING_SECRET);

    private final TriggerEvaluator triggers = new TriggerEvaluator();
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final Signer signer = new Signer();
    /** The function's planner on the memory store, with relay.delivery.deadline's default; nothing is sent. */
    private final Planner planner = new Planner(new InMemorySecretStore(Map.of(
            new SecretRef("tiny-ml", "GITHUB_TOKEN"), TOKEN, new SecretRef("tiny-ml", "SIGNING_SECRET"), SIGNING_SECRET)),
            Duration.ofSeconds(25));

    private byte[] requestBytes;
    private DispatchRequest request;
    private Map<String, String> variables;
    private Map<String, Secret> templateSecrets;
    private List<Secret> signingKeys;
    private String template;
    private byte[] body;
    private byte[] key;
    private Mac reusedMac;

    @Setup
    public void setUp() throws IOException, GeneralSecurityException {
        try (InputStream in = PipelineBenchmark.class.getResourceAsStream(REQUEST)) {
            if (in == null) {
                throw new IllegalStateException(REQUEST + " is not on the class path");
            }
            requestBytes = in.readAllBytes();
        }
        request = JSON.readValue(requestBytes, DispatchRequest.class);
        Automation automation = request.automations().get(0);
        if (!triggers.evaluate(request.event(), automation).fires()) {
            throw new IllegalStateException("The sample automation must fire on the sample event");
        }
        variables = EventVariables.of(request.event());
        template = DeliveryPreparer.templateText(automation.action().requestPayload(), "requestPayload");
        if (!template.contains("${event_author}")) {
            throw new IllegalStateException("The sample template is not W&B's GitHub example");
        }
        templateSecrets = Map.of(DeliveryPreparer.ACCESS_TOKEN, TOKEN, "SIGNING_SECRET", SIGNING_SECRET);
        signingKeys = List.of(SIGNING_SECRET);
        body = renderer.render(template, variables, templateSecrets).body();
        key = SIGNING_SECRET.utf8();
        reusedMac = Mac.getInstance("HmacSHA256");
        reusedMac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(hmacNewMac());
        String signed = signer.sign(SignatureScheme.WANDB, "dlv_x", body, signingKeys).get(Signer.X_WANDB_SIGNATURE);
        if (!expected.equals(signed) || !expected.equals(HexFormat.of().formatHex(hmacReusedMac()))) {
            throw new IllegalStateException("The signer and the raw HMAC disagree");
        }
        if (!(pipeline().automations().get(0) instanceof Planned.Send send)) {
            throw new IllegalStateException("The pipeline planned no delivery");
        }
        if (!expected.equals(send.delivery().request().headers().get(Signer.X_WANDB_SIGNATURE))) {
            throw new IllegalStateException("The pipeline signed other bytes than the raw HMAC");
        }
    }

    @Benchmark
    public Plan pipeline() throws IOException {
        DispatchRequest parsed = JSON.readValue(requestBytes, DispatchRequest.class);
        return planner.plan(parsed.event(), parsed.integrations(), parsed.automations());
    }

    @Benchmark
    public DispatchRequest parse() throws IOException {
        return JSON.readValue(requestBytes, DispatchRequest.class);
    }

    @Benchmark
    public Verdict trigger() {
        return triggers.evaluate(request.event(), request.automations().get(0));
    }

    @Benchmark
    public Map<String, String> variables() {
        return EventVariables.of(request.event());
    }

    @Benchmark
    public RenderedPayload render() {
        return renderer.render(template, variables, templateSecrets);
    }

    @Benchmark
    public Map<String, String> sign() {
        return signer.sign(SignatureScheme.WANDB, "dlv_x", body, signingKeys);
    }

    @Benchmark
    public byte[] hmacNewMac() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(body);
    }

    @Benchmark
    public byte[] hmacReusedMac() {
        return reusedMac.doFinal(body);
    }
}
