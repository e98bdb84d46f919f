package dev.webhookrelay.runwindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.webhookrelay.state.DeliveryStateStore;

/**
 * W&B's "at most once per run in 24 hours" (issue 14) on each state store; each store's test class supplies the store.
 */
abstract class RunWindowsContract {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration DAY = Duration.ofHours(24);
    static final RunWindowKey KEY = new RunWindowKey("tiny-ml", "id:UHJv", "3xk1q", "name:acc-above-0.6");

    final AtomicReference<Instant> now = new AtomicReference<>(START);
    final InstantSource clock = now::get;
    RunWindows windows;

    /** Returns an empty store reading time from {@code clock}. */
    abstract DeliveryStateStore newStore(InstantSource clock);

    @BeforeEach
    void createWindows() {
        windows = new RunWindows(newStore(clock), true, DAY, clock);
    }

    @Test
    void theFirstClaimWinsAndTheNextSaysWhenTheAutomationMayFireAgain() {
        assertThat(windows.claim(KEY, "acc-above-0.6", "github-dispatch")).isEmpty();

        now.set(START.plus(Duration.ofHours(3)));
        assertThat(windows.claim(KEY, "acc-above-0.6", "github-dispatch")).contains("fired for run 3xk1q at"
                + " 2026-12-01T10:00:00Z; an automation fires at most once per run in 24h: it may fire for this run"
                + " again after 2026-12-02T10:00:00Z");
    }

    @Test
    void aWindowEndsAfterItsDuration() {
        windows.claim(KEY, "acc-above-0.6", "github-dispatch");

        now.set(START.plus(DAY).minusSeconds(1));
        assertThat(windows.claim(KEY, "acc-above-0.6", "github-dispatch")).isPresent();
        now.set(START.plus(DAY));
        assertThat(windows.claim(KEY, "acc-above-0.6", "github-dispatch")).isEmpty();
        assertThat(windows.held(KEY)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("again after 2026-12-03T10:00:00Z"));
    }

    @Test
    void windowsOfOtherRunsAutomationsProjectsAndEntitiesAreTheirOwn() {
        windows.claim(KEY, "acc-above-0.6", "github-dispatch");

        for (RunWindowKey other : List.of(
                new RunWindowKey("tiny-ml", "id:UHJv", "9zq2w", "name:acc-above-0.6"),
                new RunWindowKey("tiny-ml", "id:UHJv", "3xk1q", "name:loss-below-1"),
                new RunWindowKey("tiny-ml", "id:UHJv", "3xk1q", "id:acc-above-0.6"),
                new RunWindowKey("tiny-ml", "id:T3RoZXI=", "3xk1q", "name:acc-above-0.6"),
                new RunWindowKey("other-team", "id:UHJv", "3xk1q", "name:acc-above-0.6"))) {
            assertThat(windows.claim(other, "a", "i")).as("%s", other).isEmpty();
        }
    }

    @Test
    void heldClaimsNothing() {
        assertThat(windows.held(KEY)).isEmpty();
        assertThat(windows.claim(KEY, "acc-above-0.6", "github-dispatch")).isEmpty();
        assertThat(windows.held(KEY)).isPresent();
    }

    @Test
    void aReleasedWindowCanBeClaimedAgain() {
        windows.claim(KEY, "acc-above-0.6", "github-dispatch");
        windows.release(KEY);

        assertThat(windows.claim(KEY, "acc-above-0.6", "github-dispatch")).isEmpty();
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        int claimants = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<String>>> claims = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return windows.claim(KEY, "acc-above-0.6", "github-dispatch");
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<String>> claim : claims) {
                won += claim.get().isEmpty() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
