package dev.webhookrelay.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void loadsOncePerKey() {
        BoundedCache<String, String> cache = new BoundedCache<>(4);
        AtomicInteger loads = new AtomicInteger();

        cache.get("a", k -> k + loads.incrementAndGet());
        String again = cache.get("a", k -> k + loads.incrementAndGet());

        assertThat(again).isEqualTo("a1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void neverHoldsMoreThanItsBound() {
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(8);

        for (int i = 0; i < 1000; i++) {
            cache.get(i, k -> k * 2);
            assertThat(cache.size()).isLessThanOrEqualTo(8);
        }
        assertThat(cache.get(999, k -> -1)).isEqualTo(1998);
    }

    @Test
    void failedLoadIsNotCached() {
        BoundedCache<String, String> cache = new BoundedCache<>(4);

        assertThatThrownBy(() -> cache.get("a", k -> {
            throw new InvalidFilterException("bad");
        })).isInstanceOf(InvalidFilterException.class);

        assertThat(cache.size()).isZero();
        assertThat(cache.get("a", k -> "loaded")).isEqualTo("loaded");
    }

    @Test
    void boundMustBePositive() {
        assertThatThrownBy(() -> new BoundedCache<>(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSize < 1: 0");
    }
}
