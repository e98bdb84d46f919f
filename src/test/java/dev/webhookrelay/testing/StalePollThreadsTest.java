package dev.webhookrelay.testing;

import static dev.webhookrelay.testing.Relay.dispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link StalePollThreads} against a stand-in for the poll thread a stopped application leaves behind: a thread of the
 * same name that takes one event from the mock event server and drops it.
 */
@QuarkusTest
class StalePollThreadsTest extends WithReceiver {

    @Test
    void theStaleThreadIsFedAProbeAndNoRequestIsLost() throws InterruptedException {
        AtomicReference<String> taken = new AtomicReference<>();
        Thread stale = new Thread(() -> taken.set(takeOneEvent()), StalePollThreads.POLL_THREAD);
        stale.setDaemon(true);
        stale.start();

        new StalePollThreads().afterConstruct(this);

        stale.join(Duration.ofSeconds(5).toMillis());
        assertThat(stale.isAlive()).as("the stale poll thread is still waiting for an event").isFalse();
        assertThat(taken.get()).contains("/__stale-poll-thread-probe");
        dispatch(Requests.githubDispatch(receiver.url("/hook")))
                .statusCode(200)
                .body("deliveries[0].outcome", equalTo("DELIVERED"));
        assertThat(receiver.received()).hasSize(1);
    }

    /** Polls the mock event server for the next event, as the Lambda poll loop does, and returns it unanswered. */
    private static String takeOneEvent() {
        URI next = URI.create("http://localhost:" + StalePollThreads.mockEventServerPort()
                + AmazonLambdaApi.API_BASE_PATH_TEST + AmazonLambdaApi.API_PATH_INVOCATION_NEXT);
        try {
            HttpURLConnection connection = (HttpURLConnection) next.toURL().openConnection();
            try (InputStream event = connection.getInputStream()) {
                return new String(event.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
