package dev.webhookrelay.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every call before it is read: the optional shared API key (compared in constant time), then the size of the
 * body. Either failure is a problem detail, and nothing is parsed or sent.
 */
class InboundFilters {

    /** The header that carries a shared API key. */
    static final String API_KEY_HEADER = "X-Relay-Api-Key";

    /** The largest request body accepted: 1 MiB. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final List<byte[]> apiKeys;

    @Inject
    InboundFilters(InboundConfig config) {
        this.apiKeys = config.apiKeys().orElse(List.of()).stream()
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    RestResponse<Problem> checkApiKey(ContainerRequestContext request) {
        if (apiKeys.isEmpty()) {
            return null;
        }
        String given = request.getHeaderString(API_KEY_HEADER);
        byte[] presented = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (byte[] key : apiKeys) {
            matched |= MessageDigest.isEqual(key, presented); // Every key is compared: no early exit to time.
        }
        return matched ? null
                : ProblemMapper.problem(401, "unauthorized", "Unauthorized",
                        "Send a valid API key in the " + API_KEY_HEADER + " header", null);
    }

    @ServerRequestFilter(preMatching = true)
    RestResponse<Problem> checkBodySize(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null; // The HTTP layer's own limit (quarkus.http.limits.max-body-size) still applies.
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ProblemMapper.problem(400, "invalid-request", "Invalid request",
                    "Content-Length is not a number: " + length, null);
        }
        return bytes <= MAX_BODY_BYTES ? null
                : ProblemMapper.problem(413, "request-too-large", "Request too large",
                        "Request body is " + bytes + " bytes; the limit is " + MAX_BODY_BYTES + " bytes (1 MiB)", null);
    }
}
