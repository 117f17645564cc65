package io.quarkiverse.hexclave.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.quarkiverse.hexclave.verifier.Verification;

/**
 * Remembers tokens that were verified, by SHA-256 (the token itself is not kept as a key), until they expire, so a
 * client presenting the same token on every request pays for one signature check. Bounded: when full, expired
 * entries are dropped, and if that is not enough the cache starts over. An entry is only used while the key that
 * signed it is still in the key set.
 */
public final class VerifiedTokenCache {

    private record Entry(Verification.Accepted outcome, String kid) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private final int maxSize;
    private final ConcurrentHashMap<ByteBuffer, Entry> entries;

    public VerifiedTokenCache(int maxSize) {
        this.maxSize = maxSize;
        this.entries = maxSize > 0 ? new ConcurrentHashMap<>() : null;
    }

    /** The earlier outcome for {@code token} if it is still valid at {@code expiredBefore} and its key is held. */
    public Verification get(String token, Instant expiredBefore, Predicate<String> keyHeld) {
        if (entries == null) {
            return null;
        }
        ByteBuffer key = digest(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.outcome().principal().expiresAt().isBefore(expiredBefore) || !keyHeld.test(entry.kid())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.outcome();
    }

    public void put(String token, Verification.Accepted outcome, String kid) {
        if (entries == null) {
            return;
        }
        if (entries.size() >= maxSize) {
            Instant now = Instant.now();
            entries.values().removeIf(e -> e.outcome().principal().expiresAt().isBefore(now));
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(digest(token), new Entry(outcome, kid));
    }

    public int size() {
        return entries == null ? 0 : entries.size();
    }

    private static ByteBuffer digest(String token) {
        MessageDigest sha = SHA256.get();
        return ByteBuffer.wrap(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
