package dev.webhookrelay.payload;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that all the payloads rendered for one request may take together, so that a request of many automations
 * cannot make the function hold (or report) more than that, whatever each payload's own limit allows. One per request;
 * safe for concurrent use, though a request's payloads are rendered one after another: two renders that run at once
 * may each take what is left.
 */
public final class RenderBudget {

    /** The default total of one request's rendered payloads, in bytes: 4 MiB, under Lambda's 6 MB response. */
    public static final long DEFAULT_TOTAL_BYTES = 4L * 1024 * 1024;

    private final long total;
    private final AtomicLong spent = new AtomicLong();

    private RenderBudget(long total) {
        this.total = total;
    }

    /** Returns a budget of {@code totalBytes} for one request's payloads. */
    public static RenderBudget of(long totalBytes) {
        if (totalBytes < 0) {
            throw new IllegalArgumentException("totalBytes < 0: " + totalBytes);
        }
        return new RenderBudget(totalBytes);
    }

    /** Returns a budget of {@link #DEFAULT_TOTAL_BYTES} for one request's payloads. */
    public static RenderBudget perRequest() {
        return of(DEFAULT_TOTAL_BYTES);
    }

    /** Returns the bytes this budget allows in all. */
    public long total() {
        return total;
    }

    /** Returns the bytes that are left for the payloads still to render. */
    public long remaining() {
        return Math.max(0, total - spent.get());
    }

    void spend(int bytes) {
        spent.addAndGet(bytes);
    }
}
