package dev.webhookrelay.payload;

/** A payload template cannot be rendered: it is not a JSON object, or it is too large. */
public final class TemplateRenderException extends RuntimeException {

    public TemplateRenderException(String message) {
        super(message);
    }

    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
