package dev.webhookrelay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StallTest {

    @Test
    void aSocketTimeoutAnywhereInTheCausesIsAStall() {
        assertThat(Stall.isTimeout(new AssertionError("x", new UncheckedIOException(
                new SocketTimeoutException("Read timed out"))))).isTrue();
        assertThat(Stall.isTimeout(new AssertionError("x", new UncheckedIOException(new IOException("reset")))))
                .isFalse();
    }

    @Test
    void theSummaryShowsWhereThePollThreadWaits() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread poll = new Thread(() -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, StalePollThreads.POLL_THREAD);
        poll.setDaemon(true);
        poll.start();
        try {
            while (poll.getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(5);
            }
            // The poll thread of the application the other tests started may be listed too.
            assertThat(Stall.describe())
                    .startsWith("poll thread(s): ")
                    .contains("TIMED_WAITING at Unsafe.park")
                    .contains("CountDownLatch.await")
                    .contains("others: {");
        } finally {
            never.countDown();
            poll.join();
        }
    }
}
