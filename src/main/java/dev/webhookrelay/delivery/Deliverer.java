package dev.webhookrelay.delivery;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.net.ssl.SSLException;

import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
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
@Startup // Built at start-up so that a bad relay.egress.allowed-cidrs stops the function there; prime() builds the client.
@ApplicationScoped
public class Deliverer {

    /**
     * How much of a response body is captured: twice the 4 KiB a report shows, so that a secret the target echoes across
     * that boundary is still seen whole, and redacted, before the body is cut.
     */
    public static final int RESPONSE_CAPTURE_BYTES = 8192;

    private final DeliveryConfig config;
    private final EgressGuard guard;
    private final RetryPolicy retry;
    private final Vertx vertx;
    private volatile HttpClient client;

    @Inject
    Deliverer(DeliveryConfig config, EgressConfig egress, Vertx vertx, EgressGuard.Dns dns) {
        this.config = config;
        this.guard = new EgressGuard(egress.allowedCidrs().orElse(List.of()).stream().map(Cidr::parse).toList(), dns);
        this.vertx = vertx;
        this.retry = new RetryPolicy(config.retry().maxAttempts(), config.retry().initialBackoff(),
                config.retry().maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Returns why {@code url} may not be reached, or empty when it may, without connecting: the egress guard's refusal,
     * or a host that does not resolve within the connect timeout or by {@code deadline}. The stage never completes
     * exceptionally, and the caller never blocks.
     */
    public CompletionStage<Optional<String>> checkEgress(URI url, Deadline deadline) {
        return checked(url, deadline)
                .handle((address, error) -> error == null ? Optional.empty() : Optional.of(message(unwrap(error))));
    }

    /**
     * Returns the outcome of sending {@code request}, retried as {@link RetryPolicy} says and finished by
     * {@code deadline}. Every attempt sends the identical bytes and headers. The stage never completes exceptionally:
     * every failure is a {@link DeliveryResult} that says why. Host names resolve on a worker thread, each lookup
     * bounded like a connection (connect timeout, deadline), so the caller never blocks and no lookup holds a delivery.
     */
    public CompletionStage<DeliveryResult> deliver(OutboundRequest request, Deadline deadline) {
        return attemptFrom(request, deadline, new Tries());
    }

    /**
     * Returns the outcome of one attempt at sending {@code request}, finished by {@code deadline}, with no retry: the
     * queue consumer of the async mode retries on its own schedule. A refused target is an attempt that is not
     * retryable. The stage never completes exceptionally.
     */
    public CompletionStage<SingleAttempt> attemptOnce(OutboundRequest request, Deadline deadline) {
        return sendOnce(request, deadline, new Tries())
                .thenApply(sent -> new SingleAttempt(sent.attempt(), RetryPolicy.isRetryable(sent.attempt()),
                        RetryPolicy.parseRetryAfter(sent.retryAfter(), Instant.now()).orElse(null)))
                .exceptionally(error -> new SingleAttempt(new Attempt(null, 0.0, message(unwrap(error)), null), false,
                        null));
    }

    /** The attempts of one delivery so far, and whether any of them passed the egress guard. */
    private static final class Tries {
        private final List<Attempt> attempts = new ArrayList<>();
        private volatile boolean contacted;

        DeliveryResult result(boolean delivered, String reason) {
            return new DeliveryResult(delivered, reason, attempts, contacted);
        }
    }

    private CompletionStage<DeliveryResult> attemptFrom(OutboundRequest request, Deadline deadline, Tries tries) {
        return sendOnce(request, deadline, tries)
                .thenCompose(sent -> {
                    tries.attempts.add(sent.attempt());
                    if (sent.attempt().succeeded()) {
                        return CompletableFuture.completedFuture(tries.result(true, null));
                    }
                    RetryPolicy.Decision decision = retry.afterFailure(sent.attempt(), tries.attempts.size(),
                            sent.retryAfter(), deadline.remaining(), Instant.now());
                    if (!decision.retry()) {
                        return CompletableFuture.completedFuture(tries.result(false, decision.stopReason()));
                    }
                    return sleep(decision.delay()).thenCompose(ignored -> attemptFrom(request, deadline, tries));
                })
                .exceptionally(error -> tries.result(false, message(unwrap(error))));
    }

    /**
     * Returns the address the egress guard allows for {@code url}. The guard's DNS lookup blocks, so it runs on a worker
     * thread; it is abandoned (and fails with {@code dns: timeout}) once it has taken the connect timeout, or when the
     * deadline comes first. A lookup still queued then never starts; one already blocked in the resolver ends on its own.
     */
    private CompletionStage<InetAddress> checked(URI url, Deadline deadline) {
        long limitMs = Math.max(1, Math.min(config.connectTimeout().toMillis(), deadline.remaining().toMillis()));
        CompletableFuture<InetAddress> result = new CompletableFuture<>();
        long timer = vertx.setTimer(limitMs, id -> result.completeExceptionally(new DeliveryException(
                "dns: timeout: " + url.getHost() + " did not resolve within " + limitMs + " ms")));
        vertx.executeBlocking(() -> result.isDone() ? null : guard.check(url), false)
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    if (done.succeeded()) {
                        result.complete(done.result());
                    } else {
                        result.completeExceptionally(done.cause());
                    }
                });
        return result;
    }

    /** Returns what a report says of {@code cause}: a delivery failure's own message, else {@link #describe}. */
    private static String message(Throwable cause) {
        return cause instanceof DeliveryException ? cause.getMessage() : describe(cause);
    }

    /**
     * Returns one attempt, and marks {@code tries} contacted once the egress guard passed; the stage fails only with an
     * {@link EgressDeniedException}, for a refused target.
     */
    private CompletionStage<Sent> sendOnce(OutboundRequest request, Deadline deadline, Tries tries) {
        long started = System.nanoTime();
        return checked(request.url(), deadline)
                .thenCompose(address -> {
                    tries.contacted = true;
                    return attempt(request, address, deadline);
                })
                .handle((sent, error) -> {
                    if (error == null) {
                        return sent;
                    }
                    Throwable cause = unwrap(error);
                    if (cause instanceof EgressDeniedException) {
                        throw new CompletionException(cause);
                    }
                    // DNS and any other failure before connecting count as an attempt, and may be retried.
                    return new Sent(new Attempt(null, elapsedMs(started), message(cause), null), null);
                });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private CompletableFuture<Void> sleep(Duration delay) {
        CompletableFuture<Void> woken = new CompletableFuture<>();
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> woken.complete(null));
        return woken;
    }

    /** One attempt's report entry, with the target's {@code Retry-After} header, if any. */
    private record Sent(Attempt attempt, String retryAfter) {
    }

    private CompletionStage<Sent> attempt(OutboundRequest request, InetAddress address, Deadline deadline) {
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
        CompletableFuture<Sent> result = new CompletableFuture<>();
        long timer = vertx.setTimer(remainingMs, id -> result.complete(new Sent(new Attempt(null, elapsedMs(started),
                "timeout: dispatch deadline reached", null), null)));
        httpClient().request(options)
                .compose(clientRequest -> send(clientRequest, request.body(), result))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    result.complete(done.succeeded()
                            ? new Sent(new Attempt(done.result().status, elapsedMs(started), null, done.result().body),
                                    done.result().retryAfter)
                            : new Sent(new Attempt(null, elapsedMs(started), describe(done.cause()), null), null));
                });
        return result;
    }

    private record Response(int status, String body, String retryAfter) {
    }

    private static Future<Response> send(HttpClientRequest clientRequest, byte[] body,
            CompletableFuture<Sent> result) {
        result.whenComplete((sent, error) -> {
            if (sent.attempt().statusCode() == null) {
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
                new Response(response.statusCode(), captured.toString(StandardCharsets.UTF_8),
                        response.getHeader("Retry-After"))));
        return promise.future();
    }

    /**
     * Returns the error class and message of a failed attempt, by the types in its cause chain: {@code timeout},
     * {@code refused}, {@code tls}, {@code dns}, {@code reset} or, for any other failure, {@code io}.
     */
    static String describe(Throwable error) {
        return errorClass(error) + ": " + error.getMessage();
    }

    private static String errorClass(Throwable error) {
        // A timeout first: Netty's ConnectTimeoutException is also a ConnectException.
        if (inChain(error, TimeoutException.class, SocketTimeoutException.class,
                io.netty.channel.ConnectTimeoutException.class, io.netty.handler.timeout.TimeoutException.class)) {
            return "timeout";
        }
        if (inChain(error, ConnectException.class)) {
            return "refused";
        }
        if (inChain(error, SSLException.class)) {
            return "tls";
        }
        if (inChain(error, UnknownHostException.class)) {
            return "dns";
        }
        if (inChain(error, HttpClosedException.class, StreamResetException.class, ClosedChannelException.class)
                || inChain(error, SocketException.class)
                        && !inChain(error, NoRouteToHostException.class, PortUnreachableException.class,
                                BindException.class)) {
            return "reset"; // The connection was closed or reset under the attempt.
        }
        return "io";
    }

    @SafeVarargs
    private static boolean inChain(Throwable error, Class<? extends Throwable>... types) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static double elapsedMs(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 100_000.0) / 10.0;
    }

    /** Builds the HTTP client and its pool now rather than on the first delivery: for init, which SnapStart snapshots. */
    public void prime() {
        httpClient();
    }

    private HttpClient httpClient() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) config.connectTimeout().toMillis())
                            .setKeepAlive(true)
                            .setVerifyHost(true)
                            .setForceSni(true)
                            .setTryUseCompression(false),
                            new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerTarget()));
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
