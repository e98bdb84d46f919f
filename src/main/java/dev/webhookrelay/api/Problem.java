package dev.webhookrelay.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field with what is wrong with it; it never holds a
 * secret value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
