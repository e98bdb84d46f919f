package dev.webhookrelay.delivery;

/**
 * One try at sending a request: the target's {@code statusCode} (null when no response came), how long it took, the
 * {@code error} that ended it (null when a response came) and the start of the response body: the first 8 KiB as
 * captured, the first 4 KiB, redacted, in a report.
 */
public record Attempt(Integer statusCode, double durationMs, String error, String responseBody) {

    /** Returns whether the target answered with a 2xx status. */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** Returns what ended this attempt, in a report's words: the status the target answered, else the error. */
    public String failure() {
        return statusCode != null ? "target answered " + statusCode : error;
    }
}
