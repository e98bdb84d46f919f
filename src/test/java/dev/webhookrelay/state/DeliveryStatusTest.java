package dev.webhookrelay.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The legal moves of an async delivery's status, every pair of the table (issue 11). */
class DeliveryStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            // from      to         legal
            "QUEUED,    QUEUED,    true",
            "QUEUED,    DELIVERED, true",
            "QUEUED,    FAILED,    true",
            "FAILED,    QUEUED,    true",
            "FAILED,    FAILED,    false",
            "FAILED,    DELIVERED, false",
            "DELIVERED, QUEUED,    false",
            "DELIVERED, FAILED,    false",
            "DELIVERED, DELIVERED, false",
    })
    void transitionTable(DeliveryStatus from, DeliveryStatus to, boolean legal) {
        assertThat(from.canBecome(to)).isEqualTo(legal);
    }

    @Test
    void aDeliveredRecordCannotBeRequeued() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        DeliveryRecord delivered = DeliveryRecord.queued("dlv_1", "e", "a", "i", "{}", now, now.plusSeconds(60))
                .withAttempt(new AttemptRecord(now, 200, 1.0, null, ""), DeliveryStatus.DELIVERED, null, now,
                        now.plusSeconds(60));

        assertThatThrownBy(() -> delivered.requeued(now, now.plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Delivery dlv_1 cannot go from DELIVERED to QUEUED");
    }
}
