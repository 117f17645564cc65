package io.quarkiverse.hexclave.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small bounded cache whose entries expire: least recently used entries go first when full. Thread-safe (one
 * lock, never held during a load). For a few thousand entries at most.
 *
 * @param <K> key
 * @param <V> value
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final int maxSize;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> entries;

    public TtlCache(int maxSize, Duration ttl, Clock clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive, got " + maxSize);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        this.maxSize = maxSize;
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > TtlCache.this.maxSize;
            }
        };
    }

    /** The live value for {@code key}, if any. */
    public synchronized Optional<V> get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expiresAt())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /** Stores {@code value} for the TTL. */
    public void put(K key, V value) {
        put(key, value, null);
    }

    /** Stores {@code value} for the TTL, or until {@code notAfter} if that comes first. */
    public synchronized void put(K key, V value, Instant notAfter) {
        Instant expiresAt = clock.instant().plus(ttl);
        if (notAfter != null && notAfter.isBefore(expiresAt)) {
            expiresAt = notAfter;
        }
        entries.put(key, new Entry<>(value, expiresAt));
    }

    /** Forgets {@code key}. */
    public synchronized void invalidate(K key) {
        entries.remove(key);
    }

    /** Forgets everything. */
    public synchronized void clear() {
        entries.clear();
    }

    /** Entries held, including expired ones not yet noticed. */
    public synchronized int size() {
        return entries.size();
    }

    public Duration ttl() {
        return ttl;
    }
}
