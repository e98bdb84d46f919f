package dev.webhookrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingSecretStoreTest {

    private static final SecretRef TOKEN = new SecretRef("tiny-ml", "GITHUB_TOKEN");
    private static final SecretRef MISSING = new SecretRef("tiny-ml", "MISSING");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(30);
    private static final String LOOKUP_THREAD = "caching-secret-store-test-lookup-";

    private final TestClock clock = new TestClock();
    private final CountingStore store = new CountingStore(Map.of(TOKEN, Secret.of("ghp_value")));
    private final CachingSecretStore cache = new CachingSecretStore(store, TTL, NEGATIVE_TTL, 100, clock);
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(8,
            task -> new Thread(task, LOOKUP_THREAD + threads.incrementAndGet()));

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void secondLookupIsServedFromCache() {
        assertThat(cache.find(TOKEN)).contains(Secret.of("ghp_value"));
        clock.advance(TTL.minusSeconds(1));
        assertThat(cache.find(TOKEN)).contains(Secret.of("ghp_value"));
        assertThat(store.calls(TOKEN)).isEqualTo(1);
    }

    @Test
    void secretIsFetchedAgainOnceTtlHasPassed() {
        cache.find(TOKEN);
        clock.advance(TTL);
        store.put(TOKEN, Secret.of("ghp_rotated"));
        assertThat(cache.find(TOKEN)).contains(Secret.of("ghp_rotated"));
        assertThat(store.calls(TOKEN)).isEqualTo(2);
    }

    /** A SnapStart restore moves the wall clock forward by however long the snapshot slept: the entry expires. */
    @Test
    void secretFetchedBeforeSnapshotExpiresAfterRestore() {
        cache.find(TOKEN);
        clock.advance(Duration.ofDays(3));
        cache.find(TOKEN);
        assertThat(store.calls(TOKEN)).isEqualTo(2);
    }

    @Test
    void secretIsFetchedAgainWhenClockGoesBack() {
        cache.find(TOKEN);
        clock.advance(Duration.ofSeconds(-1));
        cache.find(TOKEN);
        assertThat(store.calls(TOKEN)).isEqualTo(2);
    }

    @Test
    void missingSecretIsRememberedForNegativeTtlOnly() {
        assertThat(cache.find(MISSING)).isEmpty();
        clock.advance(NEGATIVE_TTL.minusSeconds(1));
        assertThat(cache.find(MISSING)).isEmpty();
        assertThat(store.calls(MISSING)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        store.put(MISSING, Secret.of("created_meanwhile"));
        assertThat(cache.find(MISSING)).contains(Secret.of("created_meanwhile"));
        assertThat(store.calls(MISSING)).isEqualTo(2);
    }

    @Test
    void failureIsNeverCached() {
        store.failWith(new SecretStoreException(SecretStoreException.Reason.UNAVAILABLE, TOKEN, "store down", null));
        assertThatThrownBy(() -> cache.find(TOKEN))
                .isInstanceOf(SecretStoreException.class)
                .hasMessage("store down");
        store.failWith(null);
        assertThat(cache.find(TOKEN)).contains(Secret.of("ghp_value"));
        assertThat(store.calls(TOKEN)).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void concurrentLookupsOfOneSecretMakeOneCall() throws Exception {
        store.blockUntil(new CountDownLatch(1));
        List<Future<Optional<Secret>>> lookups = startLookups(8, TOKEN);
        store.awaitCallers(1);
        awaitAllWaiting(lookups);
        store.release();
        for (Future<Optional<Secret>> lookup : lookups) {
            assertThat(lookup.get(10, TimeUnit.SECONDS)).contains(Secret.of("ghp_value"));
        }
        assertThat(store.calls(TOKEN)).isEqualTo(1);
    }

    @Test
    void concurrentLookupsShareOneFailureThenRetry() throws Exception {
        store.blockUntil(new CountDownLatch(1));
        store.failWith(new SecretStoreException(SecretStoreException.Reason.UNAVAILABLE, TOKEN, "throttled", null));
        List<Future<Optional<Secret>>> lookups = startLookups(4, TOKEN);
        store.awaitCallers(1);
        awaitAllWaiting(lookups);
        store.release();
        for (Future<Optional<Secret>> lookup : lookups) {
            assertThatThrownBy(() -> lookup.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(SecretStoreException.class)
                    .hasMessage("throttled")
                    .satisfies(e -> assertThat(((SecretStoreException) e).reason())
                            .isEqualTo(SecretStoreException.Reason.UNAVAILABLE));
        }
        assertThat(store.calls(TOKEN)).isEqualTo(1);

        store.failWith(null);
        assertThat(cache.find(TOKEN)).contains(Secret.of("ghp_value"));
        assertThat(store.calls(TOKEN)).isEqualTo(2);
    }

    @Test
    void cacheHoldsAtMostMaxEntries() {
        CachingSecretStore small = new CachingSecretStore(store, TTL, NEGATIVE_TTL, 3, clock);
        for (int i = 0; i < 10; i++) {
            small.find(new SecretRef("tiny-ml", "SECRET_" + i));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(small.size()).isEqualTo(3);
        // The newest answers stay: SECRET_9 is served without a call.
        small.find(new SecretRef("tiny-ml", "SECRET_9"));
        assertThat(store.calls(new SecretRef("tiny-ml", "SECRET_9"))).isEqualTo(1);
    }

    @Test
    void zeroTtlTurnsCachingOff() {
        CachingSecretStore uncached = new CachingSecretStore(store, Duration.ZERO, Duration.ZERO, 100, clock);
        uncached.find(TOKEN);
        uncached.find(TOKEN);
        assertThat(store.calls(TOKEN)).isEqualTo(2);
    }

    @Test
    void negativeTtlIsRejected() {
        assertThatThrownBy(() -> new CachingSecretStore(store, Duration.ofSeconds(-1), NEGATIVE_TTL, 100, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ttl < 0: PT-1S");
    }

    private List<Future<Optional<Secret>>> startLookups(int count, SecretRef ref) {
        List<Future<Optional<Secret>>> lookups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lookups.add(executor.submit(() -> cache.find(ref)));
        }
        return lookups;
    }

    /** Waits until every lookup has either reached the store or is waiting on the cache for the first one. */
    private void awaitAllWaiting(List<Future<Optional<Secret>>> lookups) throws InterruptedException {
        // Waiters park in CompletableFuture.join, the one caller on the store's latch: both inside the cache.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long parked = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith(LOOKUP_THREAD))
                    .filter(thread -> thread.getState() == Thread.State.WAITING
                            || thread.getState() == Thread.State.TIMED_WAITING)
                    .filter(thread -> waitsInCache(thread.getStackTrace()))
                    .count();
            if (parked >= lookups.size()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Lookups did not all reach the cache");
    }

    private static boolean waitsInCache(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(CachingSecretStore.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** A store over a map that counts calls, and can be made to block or fail. */
    static final class CountingStore implements SecretStore {

        private final Map<SecretRef, Secret> secrets;
        private final Map<SecretRef, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final AtomicInteger callers = new AtomicInteger();
        private volatile CountDownLatch gate;
        private volatile RuntimeException failure;

        CountingStore(Map<SecretRef, Secret> secrets) {
            this.secrets = new ConcurrentHashMap<>(secrets);
        }

        @Override
        public Optional<Secret> find(SecretRef ref) {
            calls.computeIfAbsent(ref, key -> new AtomicInteger()).incrementAndGet();
            callers.incrementAndGet();
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                try {
                    waitFor.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            RuntimeException fail = failure;
            if (fail != null) {
                throw fail;
            }
            return Optional.ofNullable(secrets.get(ref));
        }

        int calls(SecretRef ref) {
            AtomicInteger count = calls.get(ref);
            return count == null ? 0 : count.get();
        }

        void put(SecretRef ref, Secret secret) {
            secrets.put(ref, secret);
        }

        void failWith(RuntimeException e) {
            failure = e;
        }

        void blockUntil(CountDownLatch latch) {
            gate = latch;
        }

        void release() {
            gate.countDown();
            gate = null;
        }

        void awaitCallers(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (callers.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(callers.get()).isEqualTo(count);
        }
    }
}
