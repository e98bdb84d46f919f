package dev.webhookrelay.dispatch;

import java.util.List;

import dev.webhookrelay.delivery.OutboundRequest;
import dev.webhookrelay.secrets.Secret;

/**
 * One automation's delivery, rendered and signed, ready to send: the exact {@code request}, the {@code reported} form of
 * it with credentials redacted, and the {@code secrets} it used, so that a target echoing one back is redacted too.
 */
public record PreparedDelivery(
        String automation,
        String integration,
        String deliveryId,
        List<String> warnings,
        OutboundRequest request,
        ReportedRequest reported,
        List<Secret> secrets) {

    /** How much of a response body a report shows: 4 KiB of UTF-8. */
    static final int RESPONSE_BODY_BYTES = 4096;

    /** Returns {@code text} with every secret this delivery used shown as {@code ***}, in any JSON-escaped form. */
    String redact(String text) {
        return Redactor.of(secrets).redact(text);
    }

    /** Returns a captured response body redacted, then cut to the first {@link #RESPONSE_BODY_BYTES} (see {@link Redactor}). */
    String redactResponse(String body) {
        return Redactor.of(secrets).redact(body, RESPONSE_BODY_BYTES);
    }
}
