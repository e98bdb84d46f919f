package dev.webhookrelay.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.webhookrelay.tenancy.Caller;

/**
 * Checks every call before it is read: the optional shared API key ({@link InboundKeys}), then the size the body says
 * it has ({@link BodyLimit} counts the bytes of a body that does not say). Either failure is a problem detail, and
 * nothing is parsed or sent.
 */
class InboundFilters {

    /** The largest request body accepted: 1 MiB. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    @Inject
    InboundKeys apiKeys;

    @ServerRequestFilter(preMatching = true)
    RestResponse<Problem> checkApiKey(ContainerRequestContext request) {
        if (!apiKeys.required()) {
            return null;
        }
        return apiKeys.matches(request.getHeaderString(Caller.API_KEY_HEADER)) ? null
                : ProblemMapper.problem(401, "unauthorized", "Unauthorized",
                        "Send a valid API key in the " + Caller.API_KEY_HEADER + " header", null);
    }

    @ServerRequestFilter(preMatching = true)
    RestResponse<Problem> checkBodySize(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null; // BodyLimit counts the bytes as they are read.
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ProblemMapper.problem(400, "invalid-request", "Invalid request",
                    "Content-Length is not a number: " + length, null);
        }
        return bytes <= MAX_BODY_BYTES ? null
                : tooLarge("Request body is " + bytes + " bytes; the limit is " + MAX_BODY_BYTES + " bytes (1 MiB)");
    }

    /** Returns the problem detail of a body over the limit, {@code detail} saying by how much. */
    static RestResponse<Problem> tooLarge(String detail) {
        return ProblemMapper.problem(413, "request-too-large", "Request too large", detail, null);
    }
}
