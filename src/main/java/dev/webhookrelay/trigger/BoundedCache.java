package dev.webhookrelay.trigger;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent memo of at most {@code maxSize} entries (racing inserts may exceed it briefly, by their number). When it is
 * full, adding an entry evicts an arbitrary one: the
 * working set of a relay (the filters and regexes of a team's automations) is small, so the bound only guards against
 * unbounded growth from many distinct inputs, and reads stay lock-free. A value may be computed twice by racing
 * callers; the loader must be a pure function. Values the loader fails to produce are not cached.
 */
final class BoundedCache<K, V> {

    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
    private final int maxSize;

    BoundedCache(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize < 1: " + maxSize);
        }
        this.maxSize = maxSize;
    }

    /** Returns the value cached for {@code key}, computing and caching it with {@code loader} when absent. */
    V get(K key, Function<? super K, ? extends V> loader) {
        V cached = map.get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = loader.apply(key);
        while (map.size() >= maxSize) {
            Iterator<K> keys = map.keySet().iterator();
            if (!keys.hasNext()) {
                break;
            }
            keys.next();
            keys.remove();
        }
        V raced = map.putIfAbsent(key, loaded);
        return raced != null ? raced : loaded;
    }

    /** Returns the number of cached entries. */
    int size() {
        return map.size();
    }
}
