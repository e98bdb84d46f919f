package dev.webhookrelay.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryStateStore} does (issue 11); each store's test class supplies the store. */
abstract class DeliveryStateStoreContract {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration TTL = Duration.ofDays(30);

    final AtomicReference<Instant> now = new AtomicReference<>(START);
    final InstantSource clock = now::get;
    DeliveryStateStore store;

    /** Returns an empty store reading time from {@code clock}. */
    abstract DeliveryStateStore newStore(InstantSource clock);

    @BeforeEach
    void createStore() {
        store = newStore(clock);
    }

    static DeliveryRecord queued(String id, Instant at) {
        return DeliveryRecord.queued(id, "tiny-ml", "deploy-on-prod", "github-dispatch", "{\"template\":\"{}\"}", at,
                at.plus(TTL));
    }

    static AttemptRecord attempt(Instant at, int status) {
        return new AttemptRecord(at, status, 12.5, null, "{\"ok\":false}");
    }

    @Test
    void createStoresARecordThatFindReturnsAsWritten() {
        DeliveryRecord record = queued("dlv_1", START);

        assertThat(store.create(record)).isTrue();

        assertThat(store.find("dlv_1")).contains(record);
        assertThat(store.find("dlv_unknown")).isEmpty();
    }

    @Test
    void createIsRefusedWhileALiveRecordHasTheId() {
        store.create(queued("dlv_1", START));
        DeliveryRecord other = queued("dlv_1", START.plusSeconds(5));

        assertThat(store.create(other)).isFalse();

        assertThat(store.find("dlv_1").orElseThrow().updatedAt()).isEqualTo(START);
    }

    @Test
    void anExpiredRecordIsAbsentAndMayBeCreatedAgain() {
        store.create(queued("dlv_1", START));
        now.set(START.plus(TTL));

        assertThat(store.find("dlv_1")).isEmpty();
        assertThat(store.create(queued("dlv_1", now.get()))).isTrue();
        assertThat(store.find("dlv_1").orElseThrow().updatedAt()).isEqualTo(START.plus(TTL));
    }

    @Test
    void replaceAppliesOnlyOverTheExpectedStatusAndAttemptCount() {
        DeliveryRecord record = queued("dlv_1", START);
        store.create(record);
        DeliveryRecord afterFirst = record.withAttempt(attempt(START, 503), DeliveryStatus.QUEUED,
                START.plusSeconds(5), START, START.plus(TTL));

        assertThat(store.replace(afterFirst, DeliveryStatus.QUEUED, 0)).isTrue();
        // The same attempt applied twice (a duplicate SQS message) finds one attempt already made: a no-op.
        assertThat(store.replace(afterFirst, DeliveryStatus.QUEUED, 0)).isFalse();
        assertThat(store.replace(afterFirst, DeliveryStatus.FAILED, 1)).isFalse();

        DeliveryRecord found = store.find("dlv_1").orElseThrow();
        assertThat(found.attemptCount()).isEqualTo(1);
        assertThat(found.attempts()).containsExactly(attempt(START, 503));
        assertThat(found.nextAttemptAt()).isEqualTo(START.plusSeconds(5));
    }

    @Test
    void replaceOfAnExpiredRecordFails() {
        DeliveryRecord record = queued("dlv_1", START);
        store.create(record);
        now.set(START.plus(TTL).plusSeconds(1));

        assertThat(store.replace(record.requeued(now.get(), now.get().plus(TTL)), DeliveryStatus.QUEUED, 0))
                .isFalse();
    }

    @Test
    void failedSinceListsFailedRecordsChangedSinceTheGivenTime() {
        DeliveryRecord old = queued("dlv_old", START);
        DeliveryRecord recent = queued("dlv_recent", START);
        DeliveryRecord stillQueued = queued("dlv_queued", START);
        for (DeliveryRecord record : List.of(old, recent, stillQueued)) {
            store.create(record);
        }
        store.replace(old.withAttempt(attempt(START, 500), DeliveryStatus.FAILED, null, START, START.plus(TTL)),
                DeliveryStatus.QUEUED, 0);
        Instant later = START.plus(Duration.ofHours(2));
        store.replace(recent.withAttempt(attempt(later, 500), DeliveryStatus.FAILED, null, later, later.plus(TTL)),
                DeliveryStatus.QUEUED, 0);

        assertThat(store.failedSince(START.plus(Duration.ofHours(1)), Optional.empty(), 10))
                .extracting(DeliveryRecord::deliveryId).containsExactly("dlv_recent");
        assertThat(store.failedSince(START, Optional.empty(), 10)).hasSize(2);
        assertThat(store.failedSince(START, Optional.empty(), 1)).hasSize(1);
    }

    @Test
    void failedSinceOfAnEntityCountsTheLimitAmongItsRecordsOnly() {
        for (int i = 0; i < 20; i++) {
            storeFailed(DeliveryRecord.queued("dlv_other_" + i, "other-team", "deploy-on-prod", "github-dispatch", "{}",
                    START, START.plus(TTL)));
        }
        storeFailed(queued("dlv_tiny", START));

        assertThat(store.failedSince(START, Optional.of("tiny-ml"), 1))
                .extracting(DeliveryRecord::deliveryId).containsExactly("dlv_tiny");
        assertThat(store.failedSince(START, Optional.of("other-team"), 30)).hasSize(20)
                .extracting(DeliveryRecord::entity).containsOnly("other-team");
        assertThat(store.failedSince(START, Optional.of("no-such-team"), 10)).isEmpty();
    }

    /** Stores {@code record} and fails its first attempt. */
    void storeFailed(DeliveryRecord record) {
        store.create(record);
        store.replace(record.withAttempt(attempt(START, 500), DeliveryStatus.FAILED, null, START, START.plus(TTL)),
                DeliveryStatus.QUEUED, 0);
    }

    @Test
    void deleteRemovesTheRecord() {
        store.create(queued("dlv_1", START));

        store.delete("dlv_1");

        assertThat(store.find("dlv_1")).isEmpty();
    }
}
