package dev.webhookrelay.dispatch;

import java.util.ArrayList;
import java.util.List;

import dev.webhookrelay.delivery.Attempt;

/**
 * Keeps a report under Lambda's 6 MB response limit (the report is JSON inside Lambda's JSON response, so each character
 * echoed may cost up to 7 bytes there) by capping what it echoes: each {@code request.body} shows at most its first
 * {@value #MAX_BODY_CHARS} characters, all of them together at most {@value #MAX_BODIES_CHARS}, and the response
 * bodies of all attempts together at most {@value #MAX_RESPONSE_BODIES_CHARS}, in request order. A cut body says so
 * ({@code request.bodyTruncated}), and so does the report ({@code truncated}). Every delivery is still reported; what
 * was sent is never cut. Everything else a report holds is bounded by the request's own size, its 100 automations and
 * the 2,048 characters of a URL. Stateless.
 */
final class ReportLimits {

    /** The most characters of one delivery's body a report shows: GitHub's 64 KB limit, and more than Slack or Teams take. */
    static final int MAX_BODY_CHARS = 64 * 1024;

    /** The most characters of request bodies one report shows in all. */
    static final int MAX_BODIES_CHARS = 256 * 1024;

    /** The most characters of response bodies one report shows in all (32 whole 4 KiB captures). */
    static final int MAX_RESPONSE_BODIES_CHARS = 128 * 1024;

    private ReportLimits() {
    }

    /** Returns the report of {@code deliveries}, with what they echo cut to the limits. */
    static DispatchReport fit(List<DeliveryReport> deliveries) {
        int bodiesLeft = MAX_BODIES_CHARS;
        int responsesLeft = MAX_RESPONSE_BODIES_CHARS;
        boolean truncated = false;
        List<DeliveryReport> fitted = new ArrayList<>(deliveries.size());
        for (DeliveryReport delivery : deliveries) {
            ReportedRequest request = delivery.request();
            if (request != null && request.body() != null) {
                String body = cut(request.body(), Math.min(MAX_BODY_CHARS, bodiesLeft));
                bodiesLeft -= body.length();
                if (body.length() < request.body().length()) {
                    request = request.withBodyCut(body);
                    truncated = true;
                }
            }
            List<Attempt> attempts = new ArrayList<>(delivery.attempts().size());
            for (Attempt attempt : delivery.attempts()) {
                String response = attempt.responseBody();
                if (response != null) {
                    String shown = cut(response, responsesLeft);
                    responsesLeft -= shown.length();
                    if (shown.length() < response.length()) {
                        attempt = new Attempt(attempt.statusCode(), attempt.durationMs(), attempt.error(), shown);
                        truncated = true;
                    }
                }
                attempts.add(attempt);
            }
            fitted.add(new DeliveryReport(delivery.automation(), delivery.integration(), delivery.outcome(),
                    delivery.reason(), delivery.deliveryId(), delivery.warnings(), request, attempts));
        }
        return new DispatchReport(fitted, truncated);
    }

    /** Returns the first {@code max} characters of {@code text} at most, never half a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
