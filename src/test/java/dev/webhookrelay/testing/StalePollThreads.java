package dev.webhookrelay.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.test.junit.callback.QuarkusTestAfterConstructCallback;

/**
 * Before a {@code @QuarkusTest} runs, makes sure that only the running application polls the mock Lambda event server.
 *
 * <p>Quarkus keeps one mock event server across the application restarts between test classes. When an application
 * stops, its poll thread can be between two polls: the shutdown's disconnect then finds no connection to close, and
 * the thread opens one more poll to the shared server. That stale thread takes the next event, sees it was stopped,
 * drops the event without answering and ends (quarkusio/quarkus#15195). The event it takes is the next test's first
 * request, which then times out. Here, as long as a stale poll thread is alive next to the application's own, a probe
 * event that nothing acts on ({@code GET} of a path no resource serves) is sent for it to take, so that no test's
 * request is lost.
 */
public final class StalePollThreads implements QuarkusTestAfterConstructCallback {

    private static final Logger LOG = Logger.getLogger(StalePollThreads.class);

    /** The name {@code AbstractLambdaPollLoop} gives its thread in test mode. */
    static final String POLL_THREAD = "Lambda Thread (TEST)";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);

    @Override
    public void afterConstruct(Object testInstance) {
        if (pollThreads() <= 1) {
            return;
        }
        // Built only when needed: a client keeps a selector thread, and this class is loaded again for every application.
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        URI probe = URI.create("http://localhost:" + mockEventServerPort() + "/__stale-poll-thread-probe");
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        int probes = 0;
        while (pollThreads() > 1) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException(pollThreads() + " Lambda poll threads still poll the mock event server "
                        + "after " + probes + " probes: a stale one would take this test's first request");
            }
            send(client, probe);
            probes++;
        }
        LOG.infof("Fed %d probe event(s) to the stale Lambda poll thread of a stopped application before %s", probes,
                testInstance.getClass().getSimpleName());
    }

    /** Returns how many poll threads are alive: the application's own, and any a stopped application left behind. */
    private static long pollThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && POLL_THREAD.equals(thread.getName()))
                .count();
    }

    /** Returns the port of the mock Lambda event server of this test run. */
    static int mockEventServerPort() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.lambda.mock-event-server.test-port", Integer.class)
                .orElse(8081);
    }

    /** Sends one probe event; the stale thread answers none, so a timeout is the expected end of one of them. */
    private static void send(HttpClient client, URI probe) {
        try {
            client.send(HttpRequest.newBuilder(probe).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            // Taken by the stale thread, which then ends.
        } catch (IOException e) {
            throw new IllegalStateException("The mock Lambda event server at " + probe + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while probing the mock Lambda event server", e);
        }
    }
}
