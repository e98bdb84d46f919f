package dev.webhookrelay.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.webhookrelay.delivery.Attempt;
import dev.webhookrelay.model.Integration;

/** The retry decision of the async mode, over every index of the default schedule (issue 11). */
class RetryDeciderTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final RetrySchedule SCHEDULE = RetrySchedule.parse("5s,5m,30m,2h,5h,10h,10h");
    static final QueuedJob JOB = new QueuedJob("tiny-ml", "deploy", new Integration("i1", "hook",
            "https://example.com/hook", null, null, null), "{}", Map.of());

    static DeliveryMessage message(int scheduleIndex) {
        return new DeliveryMessage("dlv_1", scheduleIndex + 1, scheduleIndex, Trigger.SCHEDULE, NOW, JOB);
    }

    /** random() = 0.5: no jitter at all, whatever the fraction. */
    static RetryDecider decider(double random) {
        return new RetryDecider(SCHEDULE, 0.1, Duration.ofHours(12), () -> random);
    }

    static AttemptResult retryable(Integer status, Duration retryAfter) {
        return new AttemptResult.Retryable(new Attempt(status, 10, status == null ? "refused: nope" : null, ""),
                retryAfter);
    }

    @ParameterizedTest(name = "attempt at index {0} fails → next in {1}")
    @CsvSource({
            // index  wait
            "0,       PT5S",
            "1,       PT5M",
            "2,       PT30M",
            "3,       PT2H",
            "4,       PT5H",
            "5,       PT10H",
            "6,       PT10H",
    })
    void aRetryableFailureWaitsTheScheduleAtItsIndex(int index, Duration wait) {
        Decision decision = decider(0.5).decide(message(index), retryable(503, null), NOW);

        assertThat(decision).isEqualTo(new Decision.RetryAt(NOW.plus(wait)));
    }

    @ParameterizedTest(name = "random {0} → {1}")
    @CsvSource({
            // random  wait of the 5 min step
            "0.0,      PT4M30S",
            "0.5,      PT5M",
            "0.99,     PT5M29.4S",
    })
    void jitterVariesTheWaitByTheFractionBothWays(double random, Duration wait) {
        assertThat(decider(random).decide(message(1), retryable(500, null), NOW))
                .isEqualTo(new Decision.RetryAt(NOW.plus(wait)));
    }

    @ParameterizedTest(name = "Retry-After {0} at index 0 → {1}")
    @CsvSource({
            // asked   waited
            "PT1S,     PT5S",     // shorter than the schedule: the schedule wins
            "PT1M,     PT1M",     // longer: the target wins
            "PT48H,    PT12H",    // longer than the cap: the cap
    })
    void retryAfterWinsWhenLongerUpToTheCap(Duration asked, Duration waited) {
        assertThat(decider(0.5).decide(message(0), retryable(429, asked), NOW))
                .isEqualTo(new Decision.RetryAt(NOW.plus(waited)));
    }

    @Test
    void theAttemptAfterTheLastWaitGivesUp() {
        assertThat(decider(0.5).decide(message(7), retryable(null, null), NOW)).isEqualTo(new Decision.GiveUp(
                "refused: nope; gave up after 8 attempts of the retry schedule"));
    }

    @Test
    void aPermanentFailureGivesUpAtOnceAndASuccessIsDone() {
        Attempt notFound = new Attempt(404, 3, null, "");

        assertThat(decider(0.5).decide(message(0), new AttemptResult.Permanent(notFound), NOW))
                .isEqualTo(new Decision.GiveUp("target answered 404"));
        assertThat(decider(0.5).decide(message(3), new AttemptResult.Delivered(new Attempt(204, 3, null, "")), NOW))
                .isEqualTo(new Decision.Done());
    }
}
