package io.quarkiverse.hexclave.verifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Remembers what was decided about tokens, so that a client presenting the same token again pays for one check.
 * <ul>
 * <li>Keyed by the token's {@link AccessToken#digest() digest} (the SHA-256 of its signed part); an entry holds the
 * verified claims and the signature part it was verified with, never the token: a token matches only if its signed
 * part hashes to the key <em>and</em> its signature part is the one verified, character for character.</li>
 * <li>Bounded in bytes: each entry is weighed by the heap it holds (about 1 KiB for a typical Hexclave token), and
 * the cache holds at most {@code capacity} KiB. Caffeine's W-TinyLFU decides what to evict, one entry at a time, so a
 * flood of new tokens cannot push out the ones presented again and again.</li>
 * <li>An entry lives until its {@code validUntil} (the token's expiry plus the clock skew, or sooner), and is only
 * used while the key that signed it is still held.</li>
 * </ul>
 * Thread-safe.
 */
final class VerifiedTokenCache {

    /**
     * The weight budget per unit of capacity: a typical Hexclave token's entry (about 1.2 KiB measured, with a
     * generous e-mail and name), rounded up.
     */
    static final long BYTES_PER_TOKEN = 1536;
    /** What an entry holds besides its claims: the entry, its digest key, Caffeine's node. */
    private static final int ENTRY_OVERHEAD = 200;

    /**
     * @param claims the verified claims, or {@code null} for a remembered rejection
     * @param rejection the rejection, or {@code null} for an acceptance
     * @param signature the signature part the token was judged with
     * @param kid the key that verified the signature, or {@code null} when Hexclave judged the token
     * @param validUntil when the entry stops being used
     */
    record Entry(VerifiedClaims claims, Verification.Rejected rejection, String signature, String kid,
            Instant validUntil) {

        int weight() {
            return ENTRY_OVERHEAD + 48 + signature.length() + (claims == null ? 64 : claims.estimatedBytes());
        }
    }

    private final long maximumWeight;
    private final Clock clock;
    /** Made at the first put: an application pays for Caffeine at its first verified token, not at start-up. */
    private volatile Cache<AccessToken.TokenDigest, Entry> cache;

    /** @param capacity how many typical tokens fit: the budget is {@code capacity} × {@value #BYTES_PER_TOKEN} bytes */
    VerifiedTokenCache(int capacity, Clock clock) {
        this.clock = clock;
        this.maximumWeight = capacity * BYTES_PER_TOKEN;
    }

    private Cache<AccessToken.TokenDigest, Entry> cache() {
        Cache<AccessToken.TokenDigest, Entry> made = cache;
        if (made == null) {
            synchronized (this) { // no blocking inside: builds an empty cache
                made = cache;
                if (made == null) {
                    made = Store.build(maximumWeight, clock);
                    cache = made;
                }
            }
        }
        return made;
    }

    /**
     * Builds the Caffeine cache. A class of its own, loaded at the first put: Caffeine's types in this class's own
     * methods would load (and open Caffeine's jar) when the verifier is made.
     */
    private static final class Store {

        static Cache<AccessToken.TokenDigest, Entry> build(long maximumWeight, Clock clock) {
            return Caffeine.newBuilder()
                    .maximumWeight(maximumWeight)
                    .weigher((AccessToken.TokenDigest key, Entry entry) -> entry.weight())
                    .expireAfter(new Expiry<AccessToken.TokenDigest, Entry>() {
                        @Override
                        public long expireAfterCreate(AccessToken.TokenDigest key, Entry entry, long currentTime) {
                            return nanosUntil(clock, entry.validUntil());
                        }

                        @Override
                        public long expireAfterUpdate(AccessToken.TokenDigest key, Entry entry, long currentTime,
                                long currentDuration) {
                            return nanosUntil(clock, entry.validUntil());
                        }

                        @Override
                        public long expireAfterRead(AccessToken.TokenDigest key, Entry entry, long currentTime,
                                long currentDuration) {
                            return currentDuration;
                        }
                    })
                    .ticker(() -> clock.millis() * 1_000_000L)
                    .executor(Runnable::run) // maintenance on the caller's thread: no pool, no surprise threads
                    .build();
        }

        private static long nanosUntil(Clock clock, Instant validUntil) {
            long millis = Duration.between(clock.instant(), validUntil).toMillis();
            return Math.max(0, millis) * 1_000_000L;
        }
    }

    /**
     * The entry for {@code token}, if its signed part and signature match one judged before, it is still valid, and
     * (for a verified signature) its key is still held. The token object remembers the answer, so asking again for the
     * same object (the mechanism's issuer check, then the verifier) hashes and looks up once; expiry and key are
     * checked on every call.
     */
    Entry get(AccessToken token, Predicate<String> keyHeld) {
        Entry entry;
        if (token.lookedUpIn(this)) {
            entry = token.cacheEntry(); // asked before for this very token (the mechanism's check, then the verifier)
        } else {
            Cache<AccessToken.TokenDigest, Entry> held = cache;
            entry = held == null ? null : held.getIfPresent(token.digest());
            if (entry != null && !token.hasSignaturePart(entry.signature())) {
                entry = null;
            }
            token.rememberLookup(this, entry);
        }
        if (entry == null) {
            return null;
        }
        if (clock.instant().isAfter(entry.validUntil()) || (entry.kid() != null && !keyHeld.test(entry.kid()))) {
            cache().asMap().remove(token.digest(), entry);
            token.rememberLookup(this, null);
            return null;
        }
        return entry;
    }

    void put(AccessToken token, Entry entry) {
        if (clock.instant().isBefore(entry.validUntil())) {
            cache().put(token.digest(), entry);
            token.rememberLookup(this, entry);
        }
    }

    /** Entries currently held (approximately: expired ones may linger until the next maintenance). */
    long size() {
        Cache<AccessToken.TokenDigest, Entry> held = cache;
        return held == null ? 0 : held.estimatedSize();
    }

    /** The weight held, in bytes. */
    long weightedBytes() {
        Cache<AccessToken.TokenDigest, Entry> held = cache;
        return held == null ? 0 : held.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Runs pending maintenance (evictions, expiries) now; for tests. */
    void cleanUp() {
        Cache<AccessToken.TokenDigest, Entry> held = cache;
        if (held != null) {
            held.cleanUp();
        }
    }
}
