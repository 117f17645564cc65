package io.quarkiverse.hexclave.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.quarkiverse.hexclave.verifier.Verification;

/**
 * Remembers, for a short time, which tokens Hexclave accepted in the {@code rest} and {@code both} verification
 * modes, keyed by the token's SHA-256 (the token itself is never stored). Rejections are not remembered. An entry
 * never outlives its token's {@code exp}.
 */
public final class RestVerificationCache {

    private final Duration ttl;
    private final int maxSize;
    private final Supplier<Instant> clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Verification.Accepted verification, Instant until) {
    }

    public RestVerificationCache(Duration ttl, int maxSize) {
        this(ttl, maxSize, Instant::now);
    }

    RestVerificationCache(Duration ttl, int maxSize, Supplier<Instant> clock) {
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    boolean enabled() {
        return maxSize > 0 && !ttl.isZero() && !ttl.isNegative();
    }

    /** Whether a live entry exists for the token. */
    public boolean contains(String token) {
        return get(token) != null;
    }

    /** The cached acceptance, or {@code null}. */
    public Verification get(String token) {
        if (!enabled()) {
            return null;
        }
        String key = key(token);
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (!clock.get().isBefore(e.until)) {
            entries.remove(key, e);
            return null;
        }
        return e.verification;
    }

    /** Remembers an acceptance; ignores rejections. */
    public void put(String token, Verification verification) {
        if (!enabled() || !(verification instanceof Verification.Accepted accepted)) {
            return;
        }
        Instant now = clock.get();
        Instant until = now.plus(ttl);
        Instant exp = accepted.principal().expiresAt();
        if (exp.isBefore(until)) {
            until = exp;
        }
        if (entries.size() >= maxSize) {
            evictExpiredOrAny(now);
        }
        entries.put(key(token), new Entry(accepted, until));
    }

    private void evictExpiredOrAny(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.until));
        Iterator<String> it = entries.keySet().iterator();
        while (entries.size() >= maxSize && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
