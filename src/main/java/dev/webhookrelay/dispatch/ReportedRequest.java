package dev.webhookrelay.dispatch;

import java.util.Map;

/**
 * The request as a report shows it: the URL (user info as {@code ***}), the headers with credentials as {@code ***},
 * the body with secrets as {@code ***}, the size in bytes of the body that was sent ({@code bodyBytes}), and whether
 * {@code body} shows only its start ({@code bodyTruncated}), to keep the report under Lambda's response limit.
 */
public record ReportedRequest(String url, Map<String, String> headers, String body, int bodyBytes,
        boolean bodyTruncated) {

    /** Returns this request showing only {@code start}, the start of its body. */
    ReportedRequest withBodyCut(String start) {
        return new ReportedRequest(url, headers, start, bodyBytes, true);
    }
}
