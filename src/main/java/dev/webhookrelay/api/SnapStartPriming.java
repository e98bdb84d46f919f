package dev.webhookrelay.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import dev.webhookrelay.delivery.Deliverer;
import dev.webhookrelay.secrets.Secret;
import dev.webhookrelay.secrets.SecretStore;
import dev.webhookrelay.signing.SignatureScheme;
import dev.webhookrelay.signing.Signer;
import dev.webhookrelay.tenancy.Caller;

import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.runtime.StartupEvent;

/**
 * Moves the first request's set-up into init, where SnapStart snapshots it. At start-up it builds the clients (the
 * delivery HTTP client; the secret store's AWS client, primed without reading a secret). Before a SnapStart (CRaC)
 * checkpoint it also dry-runs a built-in sample dispatch through the very path of a request: an API Gateway event
 * handed to Quarkus' Lambda HTTP handler, the inbound filters, JSON binding, bean validation, the dispatch (trigger,
 * render, egress check), the report's JSON and the HTTP response; then a signature with a dummy key. The sample names
 * no secret and is a dry run to an address literal (example.com's, so no DNS lookup): nothing is read from the secret
 * store, nothing is sent, no metrics are recorded, and its one delivery log line names the automation
 * {@code relay-priming}. The snapshot holds loaded classes and compiled code, never a secret or the function's
 * credentials. {@code relay.priming.at-start-up} runs the dry run at start-up too.
 */
@ApplicationScoped
class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    /** The sample request of the dry run, on the class path. */
    static final String SAMPLE = "/priming/dispatch.json";

    @Inject
    Deliverer deliverer;

    @Inject
    SecretStore store;

    @Inject
    PrimingConfig config;

    @Inject
    InboundConfig inbound;

    void onStart(@Observes StartupEvent event) {
        deliverer.prime();
        store.prime();
        Core.getGlobalContext().register(this); // CRaC holds resources weakly; this bean lives as long as the app.
        if (config.atStartUp()) {
            dryRun();
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        dryRun();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: credentials are resolved on each AWS call and secrets read on demand, after the restore.
    }

    /** Runs the sample dispatch as a dry run and returns the function's response; logs, never throws, on failure. */
    APIGatewayV2HTTPResponse dryRun() {
        try {
            byte[] sample = sample();
            APIGatewayV2HTTPResponse response = new LambdaHttpHandler().handleRequest(event(sample), null);
            if (response.getStatusCode() != 200) {
                LOG.warnf("The priming dry run was answered %d; the first request will do its own set-up",
                        response.getStatusCode());
            }
            new Signer().sign(SignatureScheme.WANDB, "dlv_priming", sample, List.of(Secret.of("priming-key")));
            return response;
        } catch (RuntimeException e) {
            LOG.warnf("The priming dry run failed; the first request will do its own set-up: %s", e.toString());
            return null;
        }
    }

    /** Returns the API Gateway HTTP API event of {@code POST /v1/dispatch?dryRun=true} with {@code body}. */
    private APIGatewayV2HTTPEvent event(byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        headers.put("content-length", Integer.toString(body.length));
        inbound.apiKeys().filter(keys -> !keys.isEmpty())
                .ifPresent(keys -> headers.put(Caller.API_KEY_HEADER.toLowerCase(Locale.ROOT),
                        keys.get(0)));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath("/v1/dispatch")
                .withRawQueryString("dryRun=true")
                .withQueryStringParameters(Map.of("dryRun", "true"))
                .withHeaders(headers)
                .withBody(new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withRequestId("relay-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST")
                                .withPath("/v1/dispatch")
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .build())
                        .build())
                .build();
    }

    private static byte[] sample() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
