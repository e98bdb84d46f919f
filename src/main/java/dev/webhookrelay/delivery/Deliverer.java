package dev.webhookrelay.delivery;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.net.ssl.SSLException;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends signed requests to their targets. Each request goes through the {@link EgressGuard} and is then sent to the
 * checked address, with TLS still verifying the URL's host name. Redirects are never followed. Connections are pooled
 * per target and reused across dispatches. Safe for concurrent use.
 *
 * <p>
 * Why the Vert.x client rather than the Quarkus REST client: the REST client cannot be told which address to connect
 * to, and connecting to the address the guard checked is what closes the DNS-rebinding gap. Vert.x is the client the
 * REST client is built on, and Quarkus already runs it.
 */
@ApplicationScoped
public class Deliverer {

    /** How much of a response body a report keeps. */
    public static final int RESPONSE_CAPTURE_BYTES = 4096;

    private final DeliveryConfig config;
    private final EgressGuard guard;
    private final Vertx vertx;
    private volatile HttpClient client;

    @Inject
    Deliverer(DeliveryConfig config, EgressConfig egress, Vertx vertx) {
        this.config = config;
        this.guard = new EgressGuard(egress.allowedCidrs().orElse(List.of()).stream().map(Cidr::parse).toList());
        this.vertx = vertx;
    }

    /**
     * Checks that {@code url} may be reached, without connecting.
     *
     * @throws EgressDeniedException if it may not
     * @throws DeliveryException if its host cannot be resolved
     */
    public void checkEgress(URI url) {
        guard.check(url);
    }

    /**
     * Returns the outcome of sending {@code request}, finished by {@code deadline}. The stage never completes
     * exceptionally: every failure is a {@link DeliveryResult} that says why. The host name resolves on a worker
     * thread, so the caller never blocks.
     */
    public CompletionStage<DeliveryResult> deliver(OutboundRequest request, Deadline deadline) {
        return vertx.executeBlocking(() -> guard.check(request.url()), false)
                .toCompletionStage()
                .thenCompose(address -> attempt(request, address, deadline))
                .thenApply(attempt -> new DeliveryResult(attempt.succeeded(),
                        attempt.succeeded() ? null : failureReason(attempt), List.of(attempt)))
                .exceptionally(error -> DeliveryResult.refused(rootMessage(error)));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof DeliveryException ? cause.getMessage() : describe(cause);
    }

    private static String failureReason(Attempt attempt) {
        return attempt.statusCode() != null ? "target answered " + attempt.statusCode() : attempt.error();
    }

    private CompletionStage<Attempt> attempt(OutboundRequest request, InetAddress address, Deadline deadline) {
        URI url = request.url();
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        long remainingMs = Math.max(1, deadline.remaining().toMillis());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(pathAndQuery(url))
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(Math.min(config.connectTimeout().toMillis(), remainingMs))
                .setIdleTimeout(Math.min(config.readTimeout().toMillis(), remainingMs));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            options.putHeader(header.getKey(), header.getValue());
        }
        long started = System.nanoTime();
        CompletableFuture<Attempt> result = new CompletableFuture<>();
        long timer = vertx.setTimer(remainingMs, id -> result.complete(new Attempt(null, elapsedMs(started),
                "timeout: dispatch deadline reached", null)));
        httpClient().request(options)
                .compose(clientRequest -> send(clientRequest, request.body(), result))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    result.complete(done.succeeded()
                            ? new Attempt(done.result().status, elapsedMs(started), null, done.result().body)
                            : new Attempt(null, elapsedMs(started), describe(done.cause()), null));
                });
        return result;
    }

    private record Response(int status, String body) {
    }

    private static Future<Response> send(HttpClientRequest clientRequest, byte[] body,
            CompletableFuture<Attempt> result) {
        result.whenComplete((attempt, error) -> {
            if (attempt.statusCode() == null) {
                clientRequest.reset(); // The deadline passed: drop the connection rather than wait on it.
            }
        });
        return clientRequest.send(Buffer.buffer(body)).compose(response -> capture(response));
    }

    private static Future<Response> capture(HttpClientResponse response) {
        Buffer captured = Buffer.buffer();
        Promise<Response> promise = Promise.promise();
        response.handler(chunk -> {
            int room = RESPONSE_CAPTURE_BYTES - captured.length();
            if (room > 0) {
                captured.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            }
        });
        response.exceptionHandler(promise::tryFail);
        response.endHandler(end -> promise.tryComplete(
                new Response(response.statusCode(), captured.toString(StandardCharsets.UTF_8))));
        return promise.future();
    }

    /** Returns the error class and message of a failed attempt: timeout, refused, tls, reset or io. */
    static String describe(Throwable error) {
        String message = String.valueOf(error.getMessage());
        if (error instanceof TimeoutException || error.getClass().getSimpleName().contains("Timeout")) {
            return "timeout: " + message;
        }
        if (error instanceof ConnectException) {
            return "refused: " + message;
        }
        if (error instanceof SSLException || error.getCause() instanceof SSLException) {
            return "tls: " + message;
        }
        if (message.contains("closed") || message.contains("reset")) {
            return "reset: " + message;
        }
        return "io: " + message;
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static double elapsedMs(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 100_000.0) / 10.0;
    }

    private HttpClient httpClient() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    // Built on first use, not at start-up: a cold start that only validates or skips pays nothing.
                    current = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) config.connectTimeout().toMillis())
                            .setKeepAlive(true)
                            .setMaxPoolSize(config.maxConnectionsPerTarget())
                            .setVerifyHost(true)
                            .setForceSni(true)
                            .setTryUseCompression(false));
                    client = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        HttpClient current = client;
        if (current != null) {
            current.close();
        }
    }
}
