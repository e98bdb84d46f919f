package dev.webhookrelay.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void loadsOncePerKey() {
        BoundedCache<String, String> cache = BoundedCache.ofEntries(4);
        AtomicInteger loads = new AtomicInteger();

        cache.get("a", k -> k + loads.incrementAndGet());
        String again = cache.get("a", k -> k + loads.incrementAndGet());

        assertThat(again).isEqualTo("a1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void neverHoldsMoreThanItsBound() {
        BoundedCache<Integer, Integer> cache = BoundedCache.ofEntries(8);

        for (int i = 0; i < 1000; i++) {
            cache.get(i, k -> k * 2);
            assertThat(cache.size()).isLessThanOrEqualTo(8);
        }
        assertThat(cache.get(999, k -> -1)).isEqualTo(1998);
    }

    @Test
    void evictsTheLeastRecentlyUsedEntryFirst() {
        BoundedCache<String, String> cache = BoundedCache.ofEntries(2);
        cache.get("a", k -> "A");
        cache.get("b", k -> "B");

        cache.get("a", k -> "reloaded"); // "a" is now the most recent
        cache.get("c", k -> "C");

        assertThat(cache.get("a", k -> "reloaded")).isEqualTo("A");
        assertThat(cache.get("b", k -> "reloaded")).isEqualTo("reloaded");
    }

    @Test
    void summedKeyWeightNeverPassesItsBound() {
        BoundedCache<String, Integer> cache = BoundedCache.ofWeight(1000, 10, String::length);

        for (int i = 0; i < 100; i++) {
            cache.get("k".repeat(1 + i % 4) + i, String::length);
            assertThat(cache.weight()).isLessThanOrEqualTo(10);
        }
        assertThat(cache.size()).isBetween(1, 10);
    }

    @Test
    void manyHeavyKeysEvictByWeightLongBeforeTheCountBound() {
        BoundedCache<String, String> cache = BoundedCache.ofWeight(1024, 8 * 1024, String::length);

        for (int i = 0; i < 100; i++) {
            cache.get(i + "x".repeat(1024), k -> "v");
        }

        assertThat(cache.size()).isEqualTo(7);
        assertThat(cache.weight()).isLessThanOrEqualTo(8 * 1024);
    }

    @Test
    void keyHeavierThanTheWholeBoundIsReturnedButNotKept() {
        BoundedCache<String, String> cache = BoundedCache.ofWeight(4, 3, String::length);
        cache.get("ab", k -> "kept");

        assertThat(cache.get("abcd", k -> "loaded")).isEqualTo("loaded");

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.weight()).isEqualTo(2);
    }

    @Test
    void failedLoadIsNotCached() {
        BoundedCache<String, String> cache = BoundedCache.ofEntries(4);

        assertThatThrownBy(() -> cache.get("a", k -> {
            throw new IllegalStateException("bad");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(cache.size()).isZero();
        assertThat(cache.get("a", k -> "loaded")).isEqualTo("loaded");
    }

    @Test
    void concurrentUseKeepsBothBoundsAndEveryAnswerRight() throws Exception {
        BoundedCache<String, Integer> cache = BoundedCache.ofWeight(16, 64, String::length);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                runs.add(CompletableFuture.supplyAsync(() -> {
                    boolean right = true;
                    for (int i = 0; i < 2000; i++) {
                        String key = "key" + ((i * 7 + seed) % 50);
                        right &= cache.get(key, String::hashCode) == key.hashCode();
                    }
                    return right;
                }, pool));
            }
            for (CompletableFuture<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(16);
        assertThat(cache.weight()).isLessThanOrEqualTo(64);
    }

    @Test
    void boundsMustBePositive() {
        assertThatThrownBy(() -> BoundedCache.ofEntries(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEntries < 1: 0");
        assertThatThrownBy(() -> BoundedCache.ofWeight(1, 0, String::length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWeight < 1: 0");
    }
}
