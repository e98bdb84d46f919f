package dev.webhookrelay.devreceiver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.webhookrelay.secrets.Secret;
import dev.webhookrelay.secrets.SecretRef;
import dev.webhookrelay.secrets.SecretStore;
import dev.webhookrelay.signing.SignatureException;
import dev.webhookrelay.signing.SignatureScheme;
import dev.webhookrelay.signing.SignatureVerifier;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A webhook receiver for the README walkthrough, built only in the dev and test profiles: the production build has
 * none. It records what it receives and checks its signature against the secret named in the URL
 * ({@code ?entity=…&secretRef=…}, and {@code &scheme=…} for a scheme other than {@code wandb}). It listens on its own port ({@code relay.dev-receiver.port}), not behind the Lambda
 * handler: the function handles one invocation at a time, so a delivery to itself would wait on itself.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevReceiver {

    private static final Logger LOG = Logger.getLogger(DevReceiver.class);
    private static final int KEPT = 50;

    /** One request as received, and whether its signature verified (null when there was nothing to verify). */
    public record Received(Instant at, String authorization, String signature, Boolean signatureValid, String body) {
    }

    private final Deque<Received> received = new ArrayDeque<>();

    @Inject
    SecretStore store;

    @Inject
    ObjectMapper mapper;

    @Inject
    DevReceiverConfig config;

    private HttpServer server;

    void start(@Observes StartupEvent startup, Vertx vertx) {
        server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(config.port(), "localhost").onSuccess(s -> LOG.infof(
                "Dev receiver listening on http://localhost:%d/receiver (dev and test builds only)", s.actualPort()));
    }

    private void handle(HttpServerRequest request) {
        if (!request.path().equals("/receiver")) {
            request.response().setStatusCode(404).end();
        } else if (request.method().name().equals("GET")) {
            respond(request, 200, list());
        } else if (request.method().name().equals("POST")) {
            request.body().onSuccess(body -> respond(request, 200, receive(request, body)));
        } else {
            request.response().setStatusCode(405).end();
        }
    }

    private Map<String, Object> receive(HttpServerRequest request, Buffer body) {
        String entity = request.getParam("entity");
        String secretRef = request.getParam("secretRef");
        SignatureScheme scheme = SignatureScheme.fromWire(request.getParam("scheme", "wandb"));
        Boolean valid = null;
        if (entity != null && secretRef != null) {
            valid = verified(scheme, store.find(new SecretRef(entity, secretRef)), request, body);
        }
        String signature = request.getHeader(scheme.signatureHeader());
        String authorization = request.getHeader("Authorization");
        String shown = authorization == null ? null : authorization.replaceAll(" .*", " " + Secret.REDACTED);
        synchronized (received) {
            received.addFirst(new Received(Instant.now(), shown, signature, valid, body.toString(StandardCharsets.UTF_8)));
            while (received.size() > KEPT) {
                received.removeLast();
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("signatureValid", valid);
        return answer;
    }

    private static boolean verified(SignatureScheme scheme, Optional<Secret> secret, HttpServerRequest request,
            Buffer body) {
        if (secret.isEmpty()) {
            return false;
        }
        try {
            SignatureVerifier.of(scheme, List.of(secret.get())).verify(request::getHeader, body.getBytes());
            return true;
        } catch (SignatureException e) {
            return false;
        }
    }

    /** Returns what was received, newest first. */
    List<Received> list() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void respond(HttpServerRequest request, int status, Object body) {
        try {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            request.response().setStatusCode(500).end();
        }
    }
}
