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

    /** Returns {@code text} with every secret this delivery used shown as {@code ***}. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (Secret secret : secrets) {
            if (!secret.reveal().isEmpty()) {
                redacted = redacted.replace(secret.reveal(), Secret.REDACTED);
            }
        }
        return redacted;
    }
}
