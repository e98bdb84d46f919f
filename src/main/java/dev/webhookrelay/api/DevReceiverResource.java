package dev.webhookrelay.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import dev.webhookrelay.secrets.Secret;
import dev.webhookrelay.secrets.SecretRef;
import dev.webhookrelay.secrets.SecretStore;
import dev.webhookrelay.signing.SignatureScheme;
import dev.webhookrelay.signing.Signer;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * A webhook receiver inside the app, for the README walkthrough: it records what it receives and checks its
 * {@code X-Wandb-Signature} against the secret named in the URL ({@code ?entity=…&secretRef=…}). Built only in the dev
 * and test profiles: the production build has no such endpoint.
 */
@Path("/dev/receiver")
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevReceiverResource {

    private static final int KEPT = 50;

    /** One request as received, and whether its signature verified (null when there was nothing to verify). */
    public record Received(Instant at, String authorization, String signature, Boolean signatureValid, String body) {
    }

    private final Deque<Received> received = new ArrayDeque<>();

    @Inject
    SecretStore store;

    /** Records a delivery and returns whether its signature verified. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> receive(byte[] body, @HeaderParam(Signer.X_WANDB_SIGNATURE) String signature,
            @HeaderParam("Authorization") String authorization, @RestQuery String entity,
            @RestQuery String secretRef) {
        Boolean valid = null;
        if (entity != null && secretRef != null) {
            Optional<Secret> secret = store.find(new SecretRef(entity, secretRef));
            valid = signature != null && secret.isPresent() && MessageDigest.isEqual(
                    new Signer().sign(SignatureScheme.WANDB, "", body, List.of(secret.get()))
                            .get(Signer.X_WANDB_SIGNATURE).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        }
        String shownAuthorization = authorization == null ? null : authorization.replaceAll(" .*", " " + Secret.REDACTED);
        synchronized (received) {
            received.addFirst(new Received(Instant.now(), shownAuthorization, signature, valid,
                    new String(body, StandardCharsets.UTF_8)));
            while (received.size() > KEPT) {
                received.removeLast();
            }
        }
        return valid == null ? Map.of("received", true) : Map.of("received", true, "signatureValid", valid);
    }

    /** Returns what was received, newest first. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Received> list() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
