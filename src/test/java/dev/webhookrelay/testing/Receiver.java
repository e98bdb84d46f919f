package dev.webhookrelay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a loopback address for tests: it records every request (method, path, headers, exact body
 * bytes) and answers with scripted responses, in order, then with the default. Start one per test class.
 */
public final class Receiver implements AutoCloseable {

    /**
     * A request as received, with the {@link System#nanoTime} at which its body had been read. Header names are
     * case-insensitive.
     */
    public record Received(String method, String path, Map<String, String> headers, byte[] body, long receivedNanos) {

        public String header(String name) {
            return headers.get(name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A scripted answer: a status, a body, extra headers, and a delay before answering. */
    public record Response(int status, String body, Map<String, String> headers, Duration delay) {

        public static Response status(int status) {
            return new Response(status, "", Map.of(), Duration.ZERO);
        }

        public Response withBody(String body) {
            return new Response(status, body, headers, delay);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> copy = new TreeMap<>(headers);
            copy.put(name, value);
            return new Response(status, body, copy, delay);
        }

        public Response after(Duration delay) {
            return new Response(status, body, headers, delay);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Response> script = new ConcurrentLinkedQueue<>();
    private volatile Response fallback = Response.status(204);
    private volatile Function<Received, String> echo;

    private Receiver(HttpServer server) {
        this.server = server;
    }

    /** Returns a receiver listening on {@code host} (e.g. 127.0.0.1, 127.0.0.2, ::1) on a free port. */
    public static Receiver start(String host) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 64);
            Receiver receiver = new Receiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start receiver on " + host, e);
        }
    }

    /** Returns a receiver on 127.0.0.1. */
    public static Receiver start() {
        return start("127.0.0.1");
    }

    /** Returns the URL of {@code path} on this receiver. */
    public URI url(String path) {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        host = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + host + ":" + address.getPort() + path);
    }

    /** Answers the next requests with {@code responses}, in order; later ones get the default. */
    public Receiver enqueue(Response... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** Answers every unscripted request with {@code response}. */
    public Receiver byDefault(Response response) {
        fallback = response;
        return this;
    }

    /** Answers every unscripted request with 200 and the body {@code echo} makes of it, as an echoing target does. */
    public Receiver echoing(Function<Received, String> echo) {
        this.echo = echo;
        return this;
    }

    /** Returns every request received so far, in arrival order. */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Returns the next request, waiting up to {@code timeout} for it. */
    public Received takeRequest(Duration timeout) {
        try {
            Received next = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("No request within " + timeout);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Forgets what was received and scripted. */
    public void reset() {
        received.clear();
        arrivals.clear();
        script.clear();
        fallback = Response.status(204);
        echo = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body,
                System.nanoTime());
        received.add(request);
        arrivals.add(request);
        Response response = script.poll();
        Function<Received, String> echoing = echo;
        if (response == null) {
            response = echoing == null ? fallback : Response.status(200).withBody(echoing.apply(request));
        }
        try {
            Thread.sleep(response.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        } catch (IOException e) {
            // The client gave up (deadline or reset); nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
