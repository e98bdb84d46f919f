package dev.webhookrelay.dispatch;

import java.util.Map;

/** The request as a report shows it: the URL, the headers with credentials as {@code ***}, the body with secrets as {@code ***}. */
public record ReportedRequest(String url, Map<String, String> headers, String body) {
}
