package dev.webhookrelay.secrets;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * A real local AWS API: {@code moto_server} run as a subprocess on a free loopback port. Use it as a JUnit 5 extension
 * ({@code @RegisterExtension static final MotoServer moto = new MotoServer();} starts it before the class's tests and
 * stops it after), or call {@link #start()} and {@link #stop()} yourself, as {@link MotoResource} does. A stopped server
 * starts again on the same port, with no state. Moto accepts any credentials until {@link #enforceAuth()}.
 *
 * <p>If {@code moto_server} is not on the {@code PATH}, {@link #start()} fails and says how to install it.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "testing";
    public static final String SECRET_ACCESS_KEY = "testing";
    public static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));

    static final String EXECUTABLE = "moto_server";
    static final String INSTALL_HINT = "The secrets tests run against a real local AWS API: install it with"
            + " `pip install 'moto[server]'` (Python 3.9+), then check that `" + EXECUTABLE + " --help` runs";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String HOST = "127.0.0.1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String executable;
    private Process process;
    private int port;
    private Path log;

    public MotoServer() {
        this(EXECUTABLE);
    }

    MotoServer(String executable) {
        this.executable = executable;
    }

    /** Starts the server, if it is not running, and returns once it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path found = findOnPath(executable).orElseThrow(() -> new IllegalStateException(
                executable + " is not on the PATH. " + INSTALL_HINT));
        boolean keepPort = port != 0;
        for (int attempt = 1;; attempt++) {
            if (!keepPort) {
                port = freeLoopbackPort();
            }
            try {
                launch(found);
                return;
            } catch (IllegalStateException e) {
                // Another process may have taken the free port before moto bound it: try another one.
                if (keepPort || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Stops the server and returns once its port is closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted stopping " + EXECUTABLE, e);
        }
        process = null;
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (accepts() && Instant.now().isBefore(deadline)) {
            pause();
        }
    }

    /** Stops and starts the server on the same port, with no state. */
    public void restart() {
        stop();
        start();
    }

    /** Returns whether the server process is running. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Returns the server's endpoint, {@code http://127.0.0.1:PORT}, for {@code endpointOverride}. */
    public synchronized URI endpoint() {
        if (port == 0) {
            throw new IllegalStateException("MotoServer was never started");
        }
        return URI.create("http://" + HOST + ":" + port);
    }

    /** Forgets every resource (secrets, IAM users). */
    public void reset() {
        post("/moto-api/reset", "");
    }

    /** Checks credentials and IAM policies from now on, as AWS does; by default moto accepts any request. */
    public void enforceAuth() {
        post("/moto-api/reset-auth", "0");
    }

    /** Accepts any request again, as after start-up. */
    public void relaxAuth() {
        post("/moto-api/reset-auth", "inf");
    }

    /** Returns a Secrets Manager client for this server, with the dummy credentials, to seed secrets. */
    public SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(REGION))
                .endpointOverride(endpoint())
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    /** Creates the secret {@code id} holding the text {@code value}. */
    public void createSecret(String id, String value) {
        try (SecretsManagerClient client = secretsManager()) {
            client.createSecret(request -> request.name(id).secretString(value));
        }
    }

    /** Creates the secret {@code id} holding the text {@code value}, with the tags {@code tags} (key to value). */
    public void createSecret(String id, String value, Map<String, String> tags) {
        try (SecretsManagerClient client = secretsManager()) {
            client.createSecret(request -> request.name(id).secretString(value).tags(tags.entrySet().stream()
                    .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                    .toList()));
        }
    }

    /** Creates the secret {@code id} holding the bytes {@code value}. */
    public void createBinarySecret(String id, byte[] value) {
        try (SecretsManagerClient client = secretsManager()) {
            client.createSecret(request -> request.name(id).secretBinary(SdkBytes.fromByteArray(value)));
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void launch(Path executable) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "moto"));
            log = logs.resolve("moto-server-" + port + ".log");
            process = new ProcessBuilder(executable.toString(), "-H", HOST, "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + executable, e);
        }
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                process = null;
                throw new IllegalStateException(EXECUTABLE + " exited with " + exit + " on port " + port + ":\n"
                        + tail(log));
            }
            if (answers()) {
                return;
            }
            pause();
        }
        stop();
        throw new IllegalStateException(EXECUTABLE + " did not answer on port " + port + " within " + STARTUP_TIMEOUT
                + ":\n" + tail(log));
    }

    private boolean answers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint().resolve("/moto-api/data.json"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for " + EXECUTABLE, e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void post(String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint().resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + " to " + EXECUTABLE + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " to " + EXECUTABLE + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static Optional<Path> findOnPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
