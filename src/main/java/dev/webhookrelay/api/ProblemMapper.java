package dev.webhookrelay.api;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.webhookrelay.dispatch.InvalidRequestException;
import dev.webhookrelay.queue.QueueException;
import dev.webhookrelay.secrets.SecretStoreException;
import dev.webhookrelay.state.StateStoreException;
import dev.webhookrelay.tenancy.TenancyException;

/**
 * Maps every failure to an RFC 9457 problem detail: 400 for a body that is not JSON of the right shape, 403 for a
 * caller that may not act for the request's entity, 422 for one that cannot be carried out, 503 when the secret store,
 * the delivery queue or the status store cannot answer, 500 (with no detail) for a bug. Messages name fields and
 * secrets, never secret values.
 */
class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String TYPE_PREFIX = "urn:webhook-relay:problem:";

    @ServerExceptionMapper
    RestResponse<Problem> invalidRequest(InvalidRequestException e) {
        return problem(422, "invalid-request", "Request cannot be carried out", e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    RestResponse<Problem> tooLarge(BodyLimit.TooLargeException e) {
        return InboundFilters.tooLarge(e.getMessage());
    }

    @ServerExceptionMapper
    RestResponse<Problem> forbidden(TenancyException e) {
        return problem(403, "forbidden", "Caller may not act for this entity", e.getMessage(), null);
    }

    @ServerExceptionMapper
    RestResponse<Problem> constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return problem(400, "invalid-request", "Invalid request", detail, errors);
    }

    @ServerExceptionMapper
    RestResponse<Problem> unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String message = e.getOriginalMessage();
        if (e.getLocation() != null) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return problem(400, "invalid-json", "Request body is not valid", field == null ? message : field + ": " + message,
                field == null ? null : List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    RestResponse<Problem> mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e); // Takes precedence over Quarkus' own mapper, which answers in another shape.
    }

    @ServerExceptionMapper
    RestResponse<Problem> secretStore(SecretStoreException e) {
        if (e.reason() == SecretStoreException.Reason.ACCESS_DENIED) {
            return problem(422, "secret-access-denied", "Secret cannot be read", e.getMessage(), null);
        }
        LOG.warnf("Secret store unavailable for %s: %s", e.ref(), e.getMessage());
        return unavailable("secret-store-unavailable", "Secret store unavailable",
                e.getMessage() + "; nothing was sent, retry later");
    }

    @ServerExceptionMapper
    RestResponse<Problem> queue(QueueException e) {
        LOG.warnf("Delivery queue unavailable: %s", e.getMessage());
        return unavailable("queue-unavailable", "Delivery queue unavailable",
                e.getMessage() + "; retry later: deliveries already queued are not queued twice");
    }

    @ServerExceptionMapper
    RestResponse<Problem> stateStore(StateStoreException e) {
        LOG.warnf("Delivery status store unavailable: %s", e.getMessage());
        return unavailable("state-store-unavailable", "Delivery status store unavailable",
                e.getMessage() + "; retry later");
    }

    private static RestResponse<Problem> unavailable(String type, String title, String detail) {
        return RestResponse.ResponseBuilder.<Problem> create(503)
                .entity(new Problem(TYPE_PREFIX + type, title, 503, detail, null))
                .type(Problem.MEDIA_TYPE).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    RestResponse<Problem> webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json); // Quarkus wraps what Jackson could not read.
        }
        int status = e.getResponse().getStatus();
        Response.StatusType info = e.getResponse().getStatusInfo();
        return problem(status, "http-" + status, info.getReasonPhrase(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    RestResponse<Problem> unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return problem(500, "internal-error", "Internal error", "The relay failed unexpectedly; see its logs", null);
    }

    static RestResponse<Problem> problem(int status, String type, String title, String detail,
            List<Problem.FieldError> errors) {
        return RestResponse.ResponseBuilder.<Problem> create(status)
                .entity(new Problem(TYPE_PREFIX + type, title, status, detail, errors))
                .type(Problem.MEDIA_TYPE).build();
    }

    /** Returns the violation's property path without the method and parameter names, e.g. {@code event.eventType}. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (index++ < 2) {
                continue; // The resource method and its parameter.
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** Returns the JSON path of a mapping error, e.g. {@code automations[0].triggeringEventType}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
