package dev.webhookrelay.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Holds every request body to {@link InboundFilters#MAX_BODY_BYTES} as it is read, whether or not the request said its
 * Content-Length (a chunked body, or a Lambda event without that header): past the limit, reading stops with a
 * {@link TooLargeException}, a 413 problem detail, and nothing is parsed or sent.
 */
@Provider
class BodyLimit implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream(), InboundFilters.MAX_BODY_BYTES));
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Jackson wraps what the stream throws (JsonMappingException, through the reference chain): unwrap it.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLargeException tooLarge) {
                    throw tooLarge;
                }
            }
            throw e;
        }
    }

    /** A body that was longer than the limit. */
    static final class TooLargeException extends RuntimeException {

        TooLargeException(long limit) {
            super("Request body is over the limit of " + limit + " bytes (1 MiB)");
        }
    }

    /** A stream that throws once more than {@code limit} bytes have been read from it. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) {
            read += bytes;
            if (read > limit) {
                throw new TooLargeException(limit);
            }
        }
    }
}
