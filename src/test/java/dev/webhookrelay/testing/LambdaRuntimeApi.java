package dev.webhookrelay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the AWS Lambda Runtime API (the {@code AWS_LAMBDA_RUNTIME_API} a function polls), so that the
 * packaged function can be driven exactly as Lambda drives it: {@link #invoke} queues an event, the function's runtime
 * client fetches it from {@code /invocation/next} and posts the result to {@code /invocation/{id}/response}.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";

    private record Invocation(String requestId, String event) {
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CountDownLatch polled = new CountDownLatch(1);
    /** {@link System#nanoTime()} of the function's first poll: the end of its init phase; 0 until then. */
    private final AtomicLong firstPollNanos = new AtomicLong();

    private LambdaRuntimeApi(HttpServer server) {
        this.server = server;
    }

    /** Returns a runtime API listening on a free loopback port. */
    public static LambdaRuntimeApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LambdaRuntimeApi api = new LambdaRuntimeApi(server);
            server.createContext(BASE, api::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Lambda runtime API stand-in", e);
        }
    }

    /** Returns the value for {@code AWS_LAMBDA_RUNTIME_API}: {@code host:port}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Returns the function's response to {@code event}, waiting up to {@code timeout}. */
    public String invoke(String event, Duration timeout) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<String> result = new CompletableFuture<>();
        results.put(requestId, result);
        pending.add(new Invocation(requestId, event));
        try {
            return CompletableFuture.anyOf(result, initError.thenApply(error -> {
                throw new AssertionError("Function failed to initialise: " + error);
            })).thenApply(String.class::cast).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("No response from the function within " + timeout, e);
        } finally {
            results.remove(requestId);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (path.equals(BASE + "/invocation/next")) {
            next(exchange);
        } else if (path.startsWith(BASE + "/invocation/") && path.endsWith("/response")) {
            complete(exchange, path, new String(body, StandardCharsets.UTF_8));
        } else if (path.startsWith(BASE + "/invocation/") && path.endsWith("/error")) {
            complete(exchange, path, "ERROR " + new String(body, StandardCharsets.UTF_8));
        } else if (path.equals(BASE + "/init/error")) {
            initError.complete(new String(body, StandardCharsets.UTF_8));
            answer(exchange, 202, "{}");
        } else {
            answer(exchange, 404, "{}");
        }
    }

    /**
     * Waits until the function first asks for an invocation, that is until its runtime client is up (it has unpacked
     * and loaded its native library by then, so another function may start without racing it for the same file).
     */
    public void awaitFirstPoll(Duration timeout) {
        try {
            if (!polled.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The function did not poll for an invocation within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Returns {@link System#nanoTime()} of the function's first request for an invocation, 0 before it: when its init
     * phase ended (what Lambda calls Init, and what SnapStart snapshots), so that the rest up to its first response is
     * the first invocation.
     */
    public long firstPollNanos() {
        return firstPollNanos.get();
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPollNanos.compareAndSet(0, System.nanoTime());
        polled.countDown();
        Invocation invocation;
        try {
            invocation = pending.take(); // Long poll, as the real API does.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + Duration.ofSeconds(29).toMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:webhook-relay");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
        answer(exchange, 200, invocation.event());
    }

    private void complete(HttpExchange exchange, String path, String result) throws IOException {
        String requestId = path.substring((BASE + "/invocation/").length(), path.lastIndexOf('/'));
        CompletableFuture<String> future = results.get(requestId);
        if (future != null) {
            future.complete(result);
        }
        answer(exchange, 202, "{}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
