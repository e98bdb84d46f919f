package dev.webhookrelay.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A memo of at most {@code maxEntries} entries whose keys weigh at most {@code maxWeight} together, as measured by a
 * weigher (such as a text key's length). When an insert would pass either bound, the least recently used entries are
 * evicted first; an entry heavier than {@code maxWeight} on its own is returned but never kept. Safe for concurrent
 * use: lookups and inserts take one short lock, and the loader runs outside it, so a value may be computed twice by
 * racing callers and the loader must be a pure function. Values the loader fails to produce are not cached.
 *
 * @param <K> the key; it must have value equality and not change while cached
 * @param <V> the value
 */
public final class BoundedCache<K, V> {

    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<? super K> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true); // access order: LRU first
    private long weight;

    private BoundedCache(int maxEntries, long maxWeight, ToLongFunction<? super K> weigher) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries < 1: " + maxEntries);
        }
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight < 1: " + maxWeight);
        }
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = Objects.requireNonNull(weigher, "weigher == null");
    }

    /** Returns an empty cache bounded by entry count only. */
    public static <K, V> BoundedCache<K, V> ofEntries(int maxEntries) {
        return new BoundedCache<>(maxEntries, Long.MAX_VALUE, key -> 0);
    }

    /**
     * Returns an empty cache bounded by entry count and by the sum of {@code weigher} over its keys; the weigher must
     * return the same non-negative weight for equal keys.
     */
    public static <K, V> BoundedCache<K, V> ofWeight(int maxEntries, long maxWeight, ToLongFunction<? super K> weigher) {
        return new BoundedCache<>(maxEntries, maxWeight, weigher);
    }

    /** Returns the value cached for {@code key}, computing and caching it with {@code loader} when absent. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key, "key == null");
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V loaded = Objects.requireNonNull(loader.apply(key), "loader returned null");
        long keyWeight = weigher.applyAsLong(key);
        if (keyWeight < 0) {
            throw new IllegalStateException("Negative weight " + keyWeight + " for a key");
        }
        if (keyWeight > maxWeight) {
            return loaded;
        }
        synchronized (entries) {
            V raced = entries.putIfAbsent(key, loaded);
            if (raced != null) {
                return raced;
            }
            weight += keyWeight;
            evictBeyondBounds();
        }
        return loaded;
    }

    /** Returns the number of cached entries. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Returns the summed weight of the cached keys. */
    public long weight() {
        synchronized (entries) {
            return weight;
        }
    }

    /** Evicts from the least recently used end; the entry just inserted is the most recent, and fits on its own. */
    private void evictBeyondBounds() {
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries || weight > maxWeight) {
            weight -= weigher.applyAsLong(eldest.next().getKey());
            eldest.remove();
        }
    }
}
