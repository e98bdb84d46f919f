package dev.webhookrelay.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who sent a request: the IAM {@code principal} that API Gateway's IAM authorizer authenticated (in canonical form, see
 * {@link PrincipalArn}), and the SHA-256 {@code apiKeyDigest} of the inbound API key presented, each when there is one.
 * Immutable. The principal is read only from the Lambda event's {@code requestContext.authorizer.iam.userArn}, never
 * from a header; the key is kept only as its digest, and is checked against {@code relay.inbound.api-keys} by the
 * inbound filter, not here.
 */
public record Caller(Optional<String> principal, Optional<String> apiKeyDigest) {

    /** The header that carries an inbound API key. */
    public static final String API_KEY_HEADER = "X-Relay-Api-Key";

    /** A caller with no identity at all. */
    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Optional.empty());

    public Caller {
        Objects.requireNonNull(principal, "principal == null");
        Objects.requireNonNull(apiKeyDigest, "apiKeyDigest == null");
        principal = principal.map(PrincipalArn::canonical);
    }

    /** Returns the caller of {@code request}: its Lambda event's IAM principal and its API key, where present. */
    public static Caller of(HttpServerRequest request) {
        Optional<String> principal = Optional.empty();
        if (request.headers() instanceof QuarkusHttpHeaders headers
                && headers.getContextObjects().get(APIGatewayV2HTTPEvent.RequestContext.class)
                        instanceof APIGatewayV2HTTPEvent.RequestContext context
                && context.getAuthorizer() != null && context.getAuthorizer().getIam() != null) {
            principal = Optional.ofNullable(context.getAuthorizer().getIam().getUserArn()).filter(arn -> !arn.isBlank());
        }
        return new Caller(principal, Optional.ofNullable(request.getHeader(API_KEY_HEADER)).map(Caller::digest));
    }

    /** Returns whether the caller has no identity. */
    public boolean isAnonymous() {
        return principal.isEmpty() && apiKeyDigest.isEmpty();
    }

    /**
     * Returns the lowercase hex SHA-256 of {@code apiKey} encoded as UTF-8, as {@code relay.tenancy.api-keys} names
     * keys ({@code printf %s "$KEY" | sha256sum}).
     */
    public static String digest(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        // The digest of a weak key could be brute-forced offline: never print it.
        return "Caller[principal=" + principal.orElse("none") + ", apiKey=" + (apiKeyDigest.isPresent() ? "***" : "none")
                + "]";
    }
}
