package dev.webhookrelay.payload;

import java.util.List;
import java.util.Objects;

/**
 * A rendered payload: {@code body} is the exact bytes to sign and send (UTF-8 JSON); {@code redactedBody} is the same
 * text with every secret shown as {@code ***}, for reports; {@code warnings} name the unknown variables that rendered
 * blank. The body array is shared, not copied: nobody may modify it.
 */
public record RenderedPayload(byte[] body, String redactedBody, List<String> warnings) {

    public RenderedPayload {
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(redactedBody, "redactedBody == null");
        warnings = List.copyOf(warnings);
    }
}
