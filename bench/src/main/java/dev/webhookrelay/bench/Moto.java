package dev.webhookrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.webhookrelay.testing.Requests;

/**
 * A local AWS Secrets Manager ({@code moto_server}, as the tests use) holding the team secrets of the sample
 * requests, so that the relay can start as it does in production: {@code relay.secrets.store=aws-secrets-manager}.
 */
final class Moto implements AutoCloseable {

    private final Process process;
    private final int port;

    private Moto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code moto_server} on a free loopback port and creates {@code wandb/<entity>/<name>} for each secret. */
    static Moto start(Map<String, String> secrets, Path log) {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process;
        try {
            process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start moto_server (pip install 'moto[server]')", e);
        }
        Moto moto = new Moto(process, port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(moto.endpoint() + "/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    moto.close();
                    throw new IllegalStateException("moto_server did not come up; see " + log, e);
                }
                sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        secrets.forEach((id, value) -> moto.createSecret(http, id, value));
        return moto;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void createSecret(HttpClient http, String id, String value) {
        ObjectNode body = Requests.JSON.createObjectNode().put("Name", id).put("SecretString", value);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "secretsmanager.CreateSecret")
                // Moto takes the region (and the account, from the key) from the credential scope; it checks nothing.
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/secretsmanager/"
                        + "aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("CreateSecret " + id + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
