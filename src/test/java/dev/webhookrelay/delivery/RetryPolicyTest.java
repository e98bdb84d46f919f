package dev.webhookrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration PLENTY = Duration.ofSeconds(20);

    /** Backoffs of 500 ms doubling to 5 s, with the random draw fixed at {@code draw}. */
    private static RetryPolicy policy(int maxAttempts, double draw) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(5), () -> draw);
    }

    private static Attempt status(int status) {
        return new Attempt(status, 10, null, "");
    }

    private static Attempt error(String error) {
        return new Attempt(null, 10, error, null);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // status, retried
            "408,      true",
            "425,      true",
            "429,      true",
            "500,      true",
            "503,      true",
            "599,      true",
            "400,      false",
            "401,      false",
            "404,      false",
            "422,      false",
            "301,      false",
            "302,      false",
            "307,      false",
    })
    void retriesOnlyTransientStatuses(int status, boolean retried) {
        assertThat(RetryPolicy.isRetryable(status(status))).isEqualTo(retried);
    }

    @Test
    void retriesEveryFailureWithoutAResponse() {
        for (String error : new String[] { "timeout: x", "refused: x", "reset: x", "tls: x", "dns: x", "io: x" }) {
            assertThat(RetryPolicy.isRetryable(error(error))).as(error).isTrue();
        }
    }

    @ParameterizedTest(name = "after attempt {0}, draw {1}: {2} ms")
    @CsvSource({
            // attempts made, random draw, backoff ms
            "1,               0.0,         250",
            "1,               1.0,         500",
            "2,               0.0,         500",
            "2,               1.0,         1000",
            "3,               0.5,         1500",
            "4,               1.0,         4000",
            "5,               1.0,         5000",
            "5,               0.0,         2500",
            "40,              1.0,         5000",
    })
    void backsOffExponentiallyWithEqualJitterUpToTheCap(int attemptsMade, double draw, long millis) {
        assertThat(policy(99, draw).backoff(attemptsMade)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        RetryPolicy.Decision decision = policy(3, 0.5).afterFailure(status(503), 3, null, PLENTY, NOW);
        assertThat(decision.retry()).isFalse();
        assertThat(decision.stopReason()).isEqualTo("target answered 503; gave up after 3 attempts");
    }

    @Test
    void doesNotRetryAClientError() {
        RetryPolicy.Decision decision = policy(3, 0.5).afterFailure(status(404), 1, null, PLENTY, NOW);
        assertThat(decision.stopReason()).isEqualTo("target answered 404");
    }

    @Test
    void usesRetryAfterInsteadOfTheBackoff() {
        RetryPolicy.Decision decision = policy(3, 0.5).afterFailure(status(429), 1, "7", PLENTY, NOW);
        assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void stopsWhenTheWaitWouldPassTheDeadline() {
        RetryPolicy.Decision decision = policy(3, 0.5).afterFailure(status(503), 1, "30", Duration.ofMillis(2500), NOW);
        assertThat(decision.stopReason()).isEqualTo(
                "target answered 503; the target asked to wait 30.0 s (Retry-After), past the dispatch deadline (2.5 s left)");

        RetryPolicy.Decision noTime = policy(3, 1.0).afterFailure(error("timeout: x"), 1, null, Duration.ofMillis(300), NOW);
        assertThat(noTime.stopReason())
                .isEqualTo("timeout: x; the next retry is due in 0.5 s, past the dispatch deadline (0.3 s left)");
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # header value                    | wait in seconds, -1 for none
            0                                 | 0
            120                               | 120
            ' 5 '                             | 5
            Sun, 29 Nov 2026 12:00:30 GMT     | 30
            Sun, 29 Nov 2026 11:59:00 GMT     | 0
            soon                              | -1
            -5                                | -1
            ''                                | -1
            """)
    void readsRetryAfterAsSecondsOrAnHttpDate(String value, long seconds) {
        Optional<Duration> wait = RetryPolicy.parseRetryAfter(value, NOW);
        if (seconds < 0) {
            assertThat(wait).isEmpty();
        } else {
            assertThat(wait).contains(Duration.ofSeconds(seconds));
        }
    }
}
