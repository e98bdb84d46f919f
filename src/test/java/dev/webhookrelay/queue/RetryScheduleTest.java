package dev.webhookrelay.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.config.WithDefault;

/** Parsing {@code relay.queue.retry-schedule} (issue 11). */
class RetryScheduleTest {

    /** The default as {@link QueueConfig} declares it, not a copy of it. */
    @Test
    void theDefaultIsSvixsScheduleOfEightAttempts() throws NoSuchMethodException {
        RetrySchedule schedule = RetrySchedule.parse(
                QueueConfig.class.getMethod("retrySchedule").getAnnotation(WithDefault.class).value());

        assertThat(schedule.size()).isEqualTo(7);
        assertThat(schedule.wait(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.wait(3)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.wait(6)).isEqualTo(Duration.ofHours(10));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text                 | waits in ms
            "100ms,1s,2m             | 100;1000;120000",
            "' 5s , 1d '             | 5000;86400000",
            "PT90S,0s                | 90000;0",
            "2H                      | 7200000",
    })
    void acceptedSpellings(String text, String millis) {
        RetrySchedule schedule = RetrySchedule.parse(text);
        String[] expected = millis.split(";");

        assertThat(schedule.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(schedule.wait(i).toMillis()).isEqualTo(Long.parseLong(expected[i]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text       | message
            "5s,,5m       | relay.queue.retry-schedule has a wait that is not a duration: '' (use 5s, 5m, 2h, 1d or ISO-8601 such as PT90S)",
            "5 minutes    | relay.queue.retry-schedule has a wait that is not a duration: '5 minutes' (use 5s, 5m, 2h, 1d or ISO-8601 such as PT90S)",
            "PT-5S        | relay.queue.retry-schedule has a negative wait: 'PT-5S'",
            "' '          | relay.queue.retry-schedule must list at least one wait, such as 5s,5m,30m",
    })
    void rejectedValuesNameTheKey(String text, String message) {
        assertThatThrownBy(() -> RetrySchedule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
