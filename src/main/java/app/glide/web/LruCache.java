package app.glide.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, synchronized least-recently-used map: the per-instance caches of data any
 * replica can rebuild from the database (parsed plan revisions, verified tokens).
 */
public final class LruCache<K, V> {

    private final Map<K, V> entries;

    public LruCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
