package dev.webhookrelay.dispatch;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.webhookrelay.delivery.Attempt;

/**
 * Writes the one log line of each delivery that fired. The message reads {@code delivery id=… automation=… …}; the
 * same values are also in the MDC, which the production JSON log format writes as the fields {@code mdc.deliveryId},
 * {@code mdc.automation}, {@code mdc.integration}, {@code mdc.targetHost}, {@code mdc.outcome}, {@code mdc.attempts},
 * {@code mdc.durationMs} and {@code mdc.status} (docs/operations.md queries them). Never a secret; the payload only
 * when {@code relay.logging.payloads} is on, and then as the report shows it.
 */
@ApplicationScoped
class DeliveryLog {

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class);

    /** The most payload characters a log line carries. */
    static final int MAX_PAYLOAD_CHARS = 4096;

    static final List<String> KEYS = List.of("deliveryId", "automation", "integration", "targetHost", "outcome",
            "attempts", "durationMs", "status", "payload");

    private final boolean payloads;

    @Inject
    DeliveryLog(LoggingConfig config) {
        this.payloads = config.payloads();
    }

    /** Logs how {@code prepared} ended: {@code outcome} after {@code attempts}, {@code durationMs} in all. */
    void delivered(PreparedDelivery prepared, Outcome outcome, List<Attempt> attempts, double durationMs) {
        Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        Integer status = last == null ? null : last.statusCode();
        String duration = String.format(Locale.ROOT, "%.1f", durationMs);
        String payload = payloads ? shortened(prepared.reported().body()) : null;
        MDC.put("deliveryId", prepared.deliveryId());
        MDC.put("automation", prepared.automation());
        MDC.put("integration", prepared.integration());
        MDC.put("targetHost", prepared.request().url().getHost());
        MDC.put("outcome", outcome.name());
        MDC.put("attempts", attempts.size());
        MDC.put("durationMs", duration);
        if (status != null) {
            MDC.put("status", status);
        }
        if (payload != null) {
            MDC.put("payload", payload);
        }
        try {
            LOG.infof("delivery id=%s automation=%s integration=%s host=%s outcome=%s attempts=%d durationMs=%s "
                    + "status=%s%s",
                    prepared.deliveryId(), prepared.automation(), prepared.integration(),
                    prepared.request().url().getHost(), outcome, attempts.size(), duration, status,
                    payload == null ? "" : " payload=" + payload);
        } finally {
            KEYS.forEach(MDC::remove);
        }
    }

    private static String shortened(String body) {
        return body == null || body.length() <= MAX_PAYLOAD_CHARS ? body
                : body.substring(0, MAX_PAYLOAD_CHARS) + "…(" + body.length() + " chars)";
    }
}
