package dev.webhookrelay.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.model.EventType;
import dev.webhookrelay.testing.ApiGatewayEvents;
import dev.webhookrelay.testing.Receiver;
import dev.webhookrelay.testing.Requests;
import dev.webhookrelay.testing.SeededSecrets;
import dev.webhookrelay.testing.Stall;
import dev.webhookrelay.testing.WithReceiver;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Mutated requests through the Lambda path (Quarkus' mock Lambda event server, as the other end-to-end tests): valid
 * dispatch and test-webhook requests, mutated as a tree ({@link JsonMutator}) and as bytes (truncated, invalid UTF-8,
 * a BOM, other content types, raw API Gateway events with base64 bodies), sent as dry runs most of the time and for
 * real to a receiver on 127.0.0.1 otherwise. Whatever the input:
 * <ul>
 * <li>the status is one of 200, 400, 401, 413, 415, 422, 502, 503: never a 500, and never later than
 * {@link #BOUND};
 * <li>a 4xx or 503 is an {@code application/problem+json} problem whose {@code status} is the response's;
 * <li>a 200 or 502 is a report: every delivery has a known outcome, and the status is 502 exactly when one failed;
 * <li>a dry run, and any 4xx, sends nothing to the receiver; what it does get is one JSON object;
 * <li>no response, and no line of the test log, holds a seeded secret value ({@code secrets.json}).
 * </ul>
 */
@QuarkusTest
@TestProfile(RequestFuzzTest.WholeResponses.class)
class RequestFuzzTest extends WithReceiver {

    /**
     * Responses written whole rather than chunked past 8 KiB: Quarkus' mock Lambda event server stalls on chunked
     * responses above 8 KiB (quarkusio/quarkus#38502, #44551), and fuzzed reports are often that large. main sets the
     * same in application.properties since 901e0f6; this profile is then redundant, and harmless.
     */
    public static class WholeResponses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest.output-buffer-size", "1048576");
        }
    }

    /** How long one request may take: API Gateway gives up at 29 s; the relay's deadline is 25 s. */
    static final Duration BOUND = Duration.ofSeconds(29);

    static final Set<Integer> STATUSES = Set.of(200, 400, 401, 413, 415, 422, 502, 503);
    static final Set<String> OUTCOMES = Set.of("DELIVERED", "SKIPPED", "DRY_RUN", "FAILED");

    private static final Path LOG = Path.of("target/quarkus-test.log");

    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", (int) BOUND.plusSeconds(10).toMillis()));

    /** One request: where it goes, its bytes and content type, and whether it is a dry run. */
    private record Sent(String path, byte[] body, String contentType, String dryRun, boolean rawEvent) {

        boolean isDryRun() {
            return "true".equalsIgnoreCase(dryRun);
        }

        String shown() {
            return path + "?dryRun=" + dryRun + (rawEvent ? " as a raw API Gateway event" : "") + ", Content-Type "
                    + contentType + ", " + body.length + " bytes: "
                    + Fuzz.abbreviate(new String(body, StandardCharsets.UTF_8), 3000);
        }
    }

    @Test
    void anyRequestGetsAProblemOrAReportAndNeverLeaksASecret() throws Exception {
        fuzz("lambda.request", 300, random -> {
            receiver.byDefault(Hostile.pickOne(random, List.of(Receiver.Response.status(204),
                    Receiver.Response.status(200).withBody("{\"ok\":true}"), Receiver.Response.status(400)
                            .withBody("bad payload"), Receiver.Response.status(410))));
            return request(random);
        }, answer -> {
        });

        String logged = logs();
        assertThat(logged).as("test log").isNotEmpty();
        for (String secret : SeededSecrets.values()) {
            assertThat(logged).as("test log").doesNotContain(secret);
        }
    }

    /**
     * Issue 12: requests sized to exhaust the function, through the raw Lambda event path. Besides the invariants above,
     * the Lambda response (the report inside Lambda's JSON) stays under Lambda's 6 MB limit and shows no user info.
     */
    @Test
    void hostileSizesGetABoundedAnswerUnderTheLambdaLimit() throws Exception {
        fuzz("lambda.hostile", 12, this::hostileSized, answer -> {
            assertThat(answer.lambdaBytes()).as("Lambda response bytes").isLessThan(LAMBDA_RESPONSE_BYTES);
            assertThat(answer.body()).as("response body").doesNotContain(":pw@");
        });
    }

    /**
     * Sends {@code cases} requests made by {@code requests} (after the receiver is reset) and checks each answer: the
     * invariants of this class, then {@code alsoCheck}.
     */
    private void fuzz(String property, int cases, Function<SplittableRandom, Sent> requests,
            Consumer<Answer> alsoCheck) {
        List<String> secrets = SeededSecrets.values();
        Fuzz.Tally tally = new Fuzz.Tally();
        Fuzz.run(property, cases, tally, random -> {
            receiver.reset();
            Sent sent = requests.apply(random);
            try {
                long started = System.nanoTime();
                Answer answer = send(sent);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("time to answer").isLessThan(BOUND);
                check(sent, answer, secrets);
                alsoCheck.accept(answer);
                tally.count(answer.status() + (sent.isDryRun() ? " dry" : ""));
                if (took.toMillis() > 1000) {
                    tally.count("over 1 s");
                }
            } catch (Throwable e) {
                String stall = Stall.isTimeout(e) ? "no answer: " + Stall.describe() + "; " : "";
                throw new AssertionError(stall + "request " + sent.shown(), e);
            }
        });
    }

    /** Lambda's limit on a synchronous response: 6 MB. */
    private static final int LAMBDA_RESPONSE_BYTES = 6 * 1024 * 1024;

    /**
     * Returns one of the issue's hostile sizes, as a raw event: an escaping alias times many placeholders, a 1 MB
     * {@code $in} filter, 100 big bodies to a target that echoes them (secrets included), 100 names that do not resolve,
     * URLs with user info.
     */
    private Sent hostileSized(SplittableRandom random) {
        URI hook = receiver.url("/hook");
        String template = "{\"t\": \"${ACCESS_TOKEN}\", \"a\": \"" + "${alias}".repeat(1 + random.nextInt(4))
                + "\"}";
        ObjectNode request = Requests.dispatch(Requests.JSON.createArrayNode(), new ObjectNode[0]);
        String alias = Hostile.escaping(random, 100 + random.nextInt(1_500));
        int kind = random.nextInt(5);
        switch (kind) {
            case 0 -> {
                alias = Hostile.escaping(random, 600 * 1024);
                template = "{\"a\": \"" + "${alias}".repeat(7_000) + "\"}";
                request.withArray("integrations").add(Requests.integration("i0", hook));
                request.withArray("automations").add(Requests.automation("amplified", "i0", template));
            }
            case 1 -> {
                request.withArray("integrations").add(Requests.integration("i0", hook));
                request.withArray("automations").add(Requests.automation("in-filter", "i0", template)
                        .put("eventFilter", Hostile.bigInFilter(random, random.nextBoolean() ? 60_000 : 1_000_000)));
            }
            default -> {
                for (int i = 0; i < 100; i++) {
                    URI url = switch (kind) {
                        case 2 -> hook;
                        case 3 -> URI.create("https://n" + i + "-" + Hostile.word(random, 8) + ".invalid/hook");
                        default -> URI.create(hook.toString().replace("http://", "http://alice:pw@"));
                    };
                    request.withArray("integrations").add(Requests.integration("i" + i, url));
                    request.withArray("automations").add(Requests.automation("a" + i, "i" + i, template));
                }
            }
        }
        ((ObjectNode) request.get("event")).put("alias", alias);
        receiver.echoing(received -> received.bodyText());
        String dryRun = kind == 3 || random.nextBoolean() ? "true" : "false";
        return new Sent("/v1/dispatch", request.toString().getBytes(StandardCharsets.UTF_8), "application/json", dryRun,
                true);
    }

    /**
     * A response as the client saw it: through RestAssured, or unwrapped from an API Gateway response event; and the
     * size of what the Lambda function answered (the event), or of the body.
     */
    private record Answer(int status, String contentType, String body, Map<String, String> headers, int lambdaBytes) {
    }

    private Answer send(Sent sent) throws Exception {
        if (sent.rawEvent()) {
            ObjectNode event = (ObjectNode) Requests.JSON.readTree(ApiGatewayEvents.post(sent.path(), ""));
            event.put("rawQueryString", "dryRun=" + sent.dryRun());
            event.putObject("queryStringParameters").put("dryRun", sent.dryRun());
            ((ObjectNode) event.get("headers")).put("content-type", sent.contentType());
            event.put("body", Base64.getEncoder().encodeToString(sent.body()));
            event.put("isBase64Encoded", true);
            Response response = given().config(TIMEOUTS).contentType("application/json").body(event.toString())
                    .when().post(AmazonLambdaApi.API_BASE_PATH_TEST);
            assertThat(response.statusCode()).as("Lambda invocation").isEqualTo(200);
            byte[] invocation = response.asByteArray();
            JsonNode result = Requests.JSON.readTree(invocation);
            String body = result.path("body").asText("");
            if (result.path("isBase64Encoded").asBoolean(false)) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            result.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            return new Answer(result.path("statusCode").asInt(), headers.get("Content-Type"), body, headers,
                    invocation.length);
        }
        RequestSpecification request = given().config(TIMEOUTS).body(sent.body());
        if (sent.contentType() != null) {
            request.contentType(sent.contentType());
        }
        if (sent.dryRun() != null) {
            request.queryParam("dryRun", sent.dryRun());
        }
        Response response = request.when().post(sent.path());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().forEach(h -> headers.put(h.getName(), h.getValue()));
        byte[] body = response.asByteArray();
        return new Answer(response.statusCode(), response.contentType(), new String(body, StandardCharsets.UTF_8),
                headers, body.length);
    }

    private void check(Sent sent, Answer answer, List<String> secrets) throws Exception {
        int status = answer.status();
        assertThat(status).as("status, with body %s", Fuzz.abbreviate(answer.body(), 2000)).isIn(STATUSES);
        for (String secret : secrets) {
            assertThat(answer.body()).as("response body").doesNotContain(secret);
            assertThat(answer.headers().toString()).as("response headers").doesNotContain(secret);
        }
        if (status >= 400 && status != 502) {
            assertThat(answer.contentType()).as("content type of a %s", status).startsWith("application/problem+json");
            JsonNode problem = Requests.JSON.readTree(answer.body());
            assertThat(problem.path("status").asInt()).as("problem status").isEqualTo(status);
            assertThat(problem.path("type").asText()).startsWith("urn:webhook-relay:problem:");
            assertThat(problem.path("title").asText()).isNotBlank();
            if (status == 503) {
                assertThat(answer.headers()).containsKey("Retry-After");
            }
        } else {
            assertThat(answer.contentType()).as("content type of a %s", status).startsWith("application/json");
            JsonNode report = Requests.JSON.readTree(answer.body());
            List<JsonNode> deliveries = new ArrayList<>();
            if (sent.path().equals("/v1/dispatch")) {
                assertThat(report.path("deliveries").isArray()).as("deliveries").isTrue();
                report.path("deliveries").forEach(deliveries::add);
            } else {
                deliveries.add(report);
            }
            boolean failed = false;
            for (JsonNode delivery : deliveries) {
                String outcome = delivery.path("outcome").asText();
                assertThat(outcome).isIn(OUTCOMES);
                assertThat(delivery.path("automation").isTextual()).as("automation named").isTrue();
                if (sent.isDryRun()) {
                    assertThat(outcome).as("outcome of a dry run").isNotEqualTo("DELIVERED");
                }
                if (!outcome.equals("DELIVERED") && !outcome.equals("DRY_RUN")) {
                    assertThat(delivery.path("reason").asText()).as("reason of %s", outcome).isNotBlank();
                }
                failed |= outcome.equals("FAILED");
            }
            assertThat(status).as("status of a report with%s a failure", failed ? "" : "out")
                    .isEqualTo(failed ? 502 : 200);
        }
        if (sent.isDryRun() || (status >= 400 && status != 502)) {
            assertThat(receiver.received()).as("requests the receiver got").isEmpty();
        }
        for (Receiver.Received delivered : receiver.received()) {
            assertThat(delivered.header("Content-Type")).isEqualTo("application/json");
            TemplateRendererFuzzTest.assertWellFormedObject(delivered.body());
        }
    }

    /** Returns a request: valid, mutated as a tree, then perhaps as bytes, sent one way or another. */
    private Sent request(SplittableRandom random) {
        boolean test = random.nextInt(5) == 0;
        JsonNode valid = test ? webhookTest(random) : dispatch(random);
        if (random.nextBoolean()) {
            valid = semanticallyBroken(random, valid);
        }
        JsonNode mutated = new JsonMutator(random, 990, 1_100_000).mutate(valid, Math.max(0, random.nextInt(7) - 3));
        byte[] body = JsonMutator.text(mutated).getBytes(StandardCharsets.UTF_8);
        String contentType = "application/json";
        if (random.nextInt(6) == 0) {
            body = mutateBytes(random, body);
        }
        if (random.nextInt(15) == 0) {
            contentType = Hostile.pickOne(random, List.of("application/json; charset=UTF-8", "text/plain",
                    "application/x-www-form-urlencoded", "application/problem+json", "application/json; charset=latin1",
                    "*/*", "application/xml"));
        }
        String dryRun = random.nextInt(7) == 0 ? Hostile.pickOne(random, List.of("false", "false", "1", "yes"))
                : random.nextInt(10) == 0 ? "TRUE" : "true";
        // RestAssured will not send bytes as a form: those go as raw events.
        boolean rawEvent = random.nextInt(10) == 0 || contentType.startsWith("application/x-www-form-urlencoded");
        return new Sent(test ? "/v1/webhooks/test" : "/v1/dispatch", body, contentType, dryRun, rawEvent);
    }

    /**
     * Returns {@code request} (a copy) with well-typed but hostile parts, which pass binding and validation and reach
     * the trigger box, the renderer, the secret store and the signer: a fuzzed event filter, a broken or limit-breaking
     * template, odd event values, missing or wrong-kind secrets, hostile target URLs.
     */
    private static JsonNode semanticallyBroken(SplittableRandom random, JsonNode request) {
        ObjectNode copy = (ObjectNode) request.deepCopy();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            ObjectNode automation = one(random, copy.path("automations"));
            ObjectNode integration = copy.has("integration") ? (ObjectNode) copy.get("integration")
                    : one(random, copy.path("integrations"));
            ObjectNode event = copy.has("event") ? (ObjectNode) copy.get("event") : null;
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    if (automation != null) {
                        EventType type = EventType.fromWire(
                                automation.path("triggeringEventType").asText("ADD_ARTIFACT_ALIAS"));
                        automation.set("eventFilter", TriggerEvaluatorFuzzTest.filter(random, type));
                    }
                }
                case 2, 3 -> {
                    String template = TemplateRendererFuzzTest.mutate(random, Templates.object(random,
                            List.of("alias", "ACCESS_TOKEN", "SIGNING_SECRET", "artifact_metadata.framework")).text());
                    if (automation != null) {
                        action(automation).put("requestPayload", template);
                    } else {
                        copy.put("payload", template);
                    }
                }
                case 4 -> {
                    if (event != null) {
                        String field = Hostile.pickOne(random, List.of("alias", "tag", "author", "id"));
                        event.put(field, Hostile.string(random));
                        event.withObjectProperty("artifact").withObjectProperty("metadata")
                                .put(Hostile.string(random), Hostile.string(random));
                    }
                }
                case 5 -> integration.put(Hostile.pickOne(random, List.of("secretRef", "accessTokenRef")),
                        Hostile.pickOne(random, List.of("MISSING_SECRET", "WHSEC_OLD_SECRET", "GITHUB_TOKEN")));
                case 6 -> integration.withObjectProperty("signature").put("scheme", Hostile.pickOne(random,
                        List.of("standard-webhooks", "github", "wandb-base64", "WANDB", "hmac-sha1")));
                default -> integration.put("urlEndpoint", random.nextInt(4) == 0 ? Hostile.string(random)
                        : Hostile.url(random, portOf(integration.path("urlEndpoint").asText())));
            }
        }
        return copy;
    }

    /** Returns the port of {@code url}, the receiver's until a mutation changed it; else 9, which nothing serves. */
    private static int portOf(String url) {
        try {
            int port = URI.create(url).getPort();
            return port > 0 ? port : 9;
        } catch (IllegalArgumentException e) {
            return 9;
        }
    }

    /** Returns the {@code genericWebhookActionInput} of {@code automation}, made if absent. */
    private static ObjectNode action(ObjectNode automation) {
        return automation.withObjectProperty("triggeredActionConfig").withObjectProperty("genericWebhookActionInput");
    }

    private static ObjectNode one(SplittableRandom random, JsonNode list) {
        return list.isArray() && !list.isEmpty() ? (ObjectNode) list.get(random.nextInt(list.size())) : null;
    }

    /** Byte-level damage that no tree can express: truncation, invalid UTF-8, a BOM, NULs, a body that is no object. */
    private static byte[] mutateBytes(SplittableRandom random, byte[] body) {
        int at = body.length == 0 ? 0 : random.nextInt(body.length);
        return switch (random.nextInt(8)) {
            case 0 -> Arrays.copyOf(body, at);
            case 1 -> splice(body, at, Hostile.pickOne(random, List.of(new byte[] { (byte) 0xC3, 0x28 },
                    new byte[] { (byte) 0xFF }, new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
                    new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF4, (byte) 0x90,
                            (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xE2, (byte) 0x82 })));
            case 2 -> splice(body, 0, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
            case 3 -> splice(body, at, new byte[] { 0 });
            case 4 -> Hostile.pickOne(random, List.of("", "null", "[]", "\"x\"", "1", "{}", "{\"event\":{}}", " "))
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> {
                byte[] copy = body.clone();
                if (copy.length > 0) {
                    copy[at] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 6 -> splice(body, 1, "\"event\":null,".getBytes(StandardCharsets.UTF_8)); // A duplicate key, first.
            default -> splice(body, body.length, Hostile.pickOne(random, List.of("}", ",{}", "\n\n", "garbage"))
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] splice(byte[] body, int at, byte[] inserted) {
        int where = Math.min(at, body.length);
        byte[] out = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, out, 0, where);
        System.arraycopy(inserted, 0, out, where, inserted.length);
        System.arraycopy(body, where, out, where + inserted.length, body.length - where);
        return out;
    }

    /** A valid dispatch: W&B's GitHub example, several schemes and automations, or a run event. */
    private JsonNode dispatch(SplittableRandom random) {
        URI hook = receiver.url("/hook");
        return switch (random.nextInt(4)) {
            case 0 -> Requests.githubDispatch(hook);
            case 1 -> fanOut(random, hook);
            case 2 -> runEvent(random, hook);
            default -> {
                ObjectNode request = Requests.githubDispatch(hook);
                List<String> names = new ArrayList<>(List.of("alias", "event_type", "artifact_metadata.framework",
                        "ACCESS_TOKEN", "SIGNING_SECRET", "entity_name", "artifact_version_string"));
                names.add(Templates.unknownName(random));
                String template = Templates.object(random, names).text();
                ObjectNode action = action((ObjectNode) request.at("/automations/0"));
                if (random.nextBoolean()) {
                    action.put("requestPayload", template);
                } else {
                    action.set("requestPayload", parsedOr(template));
                }
                yield request;
            }
        };
    }

    private static JsonNode parsedOr(String template) {
        try {
            return Requests.JSON.readTree(template);
        } catch (Exception e) {
            return Hostile.NODES.textNode(template);
        }
    }

    /** Three integrations, one per scheme family, and four automations: filtered, disabled, a value filter. */
    private static JsonNode fanOut(SplittableRandom random, URI hook) {
        ObjectNode github = Requests.integration("i1", hook);
        github.putObject("signature").put("scheme", "github");
        ObjectNode standard = Requests.integration("i2", hook);
        standard.put("name", "standard webhooks");
        standard.remove("accessTokenRef");
        standard.put("secretRef", "WHSEC_SIGNING_SECRET");
        standard.putObject("signature").put("scheme", "standard-webhooks").put("previousSecretRef", "WHSEC_OLD_SECRET");
        ObjectNode base64 = Requests.integration("i3", hook);
        base64.put("secretRef", "OLD_SIGNING_SECRET");
        base64.putObject("signature").put("scheme", "wandb-base64");
        ArrayNode integrations = Requests.JSON.createArrayNode().add(github).add(standard).add(base64);

        ObjectNode filtered = Requests.automation("prod-only", "i1", "{\"token\": \"${ACCESS_TOKEN}\","
                + " \"sig\": \"${SIGNING_SECRET}\", \"fw\": \"${artifact_metadata.framework}\"}");
        filtered.put("eventFilter", "{\"$or\":[{\"$and\":[{\"alias\":{\"$regex\":\"^prod\"}}]}]}");
        ObjectNode disabled = Requests.automation("off", "i2", "{\"a\": \"${alias}\"}");
        disabled.put("enabled", false);
        ObjectNode valueFilter = Requests.automation("value-filter", "i3", "{}");
        valueFilter.set("eventFilter", Requests.parse("{\"$or\":[{\"$and\":["
                + "{\"alias\":{\"$in\":[\"production\",\"staging\"]}},{\"tag\":{\"$exists\":false}}]}]}"));
        action(valueFilter).set("requestPayload",
                Requests.parse("{\"v\": \"${artifact_version}\", \"n\": [1, 2.5e3, null]}"));
        ObjectNode standardOne = Requests.automation("standard", "i2", "{\"s\": \"${WHSEC_SIGNING_SECRET}\"}");
        return Requests.dispatch(integrations, filtered, disabled, valueFilter, standardOne);
    }

    /** A run event of each metric kind, with the filter W&B's SDK writes for it. */
    private static JsonNode runEvent(SplittableRandom random, URI hook) {
        String[][] kinds = {
            { "RUN_METRIC", "{\"run_filter\":\"{\\\"$and\\\":[{\\\"display_name\\\":{\\\"$regex\\\":\\\"^exp\\\"}}]}\","
                    + "\"run_metric_filter\":{\"threshold_filter\":{\"name\":\"acc\",\"agg_op\":\"AVERAGE\","
                    + "\"window_size\":3,\"cmp_op\":\"$gt\",\"threshold\":0.5}}}" },
            { "RUN_METRIC_CHANGE", "{\"run_metric_filter\":{\"change_filter\":{\"name\":\"acc\",\"agg_op\":\"MAX\","
                    + "\"current_window_size\":1,\"prior_window_size\":2,\"change_type\":\"ABSOLUTE\","
                    + "\"change_dir\":\"INCREASE\",\"change_amount\":0.01}}}" },
            { "RUN_METRIC_ZSCORE", "{\"run_metric_filter\":{\"zscore_filter\":{\"name\":\"acc\",\"window_size\":2,"
                    + "\"threshold\":1.5,\"change_dir\":\"ANY\"}}}" },
            { "RUN_STATE", "{\"run_state_filter\":{\"states\":[\"FINISHED\",\"CRASHED\"]}}" } };
        String[] kind = kinds[random.nextInt(kinds.length)];
        ObjectNode request = (ObjectNode) Requests.githubDispatch(hook);
        ((ObjectNode) request.get("event")).put("eventType", kind[0]);
        ObjectNode automation = (ObjectNode) request.at("/automations/0");
        automation.put("triggeringEventType", kind[0]);
        automation.put("eventFilter", kind[1]);
        action(automation).put("requestPayload", "{\"run\": \"${run_name}\", \"state\": \"${run_state}\","
                + " \"metric\": \"${metric_name}\", \"value\": \"${metric_value}\"}");
        return request;
    }

    /** A valid test-webhook request: the GitHub integration with a scheme, and a payload given one way or another. */
    private JsonNode webhookTest(SplittableRandom random) {
        ObjectNode request = Requests.JSON.createObjectNode();
        request.putObject("entity").put("name", "tiny-ml");
        ObjectNode integration = Requests.integration("i1", receiver.url("/test"));
        String scheme = Hostile.pickOne(random, List.of("wandb", "wandb-base64", "github", "standard-webhooks"));
        if (scheme.equals("standard-webhooks")) {
            integration.put("secretRef", "WHSEC_SIGNING_SECRET");
        }
        integration.putObject("signature").put("scheme", scheme);
        request.set("integration", integration);
        switch (random.nextInt(3)) {
            case 0 -> request.put("payload", "{\"key1\": \"value1\", \"auth\": \"${SIGNING_SECRET}\"}");
            case 1 -> request.set("payload",
                    Requests.parse("{\"team\": \"${entity_name}\", \"t\": \"${ACCESS_TOKEN}\"}"));
            default -> {
                // No payload: {} is sent.
            }
        }
        return request;
    }

    /** Returns the test log so far, rotated files included, as .ci/run scans it. */
    private static String logs() throws Exception {
        StringBuilder logged = new StringBuilder();
        try (var files = Files.list(LOG.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(LOG.getFileName().toString()))
                    .toList()) {
                logged.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return logged.toString();
    }
}
