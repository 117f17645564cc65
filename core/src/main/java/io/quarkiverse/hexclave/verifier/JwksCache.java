package io.quarkiverse.hexclave.verifier;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.observe.HexclaveObserver;

/**
 * The project's signing keys, fetched lazily and shared by every request.
 * <ul>
 * <li>No network call until the first token needs a key.</li>
 * <li>Single flight: however many requests wait, one fetch runs; they all share its future. No lock is held
 * across the network call.</li>
 * <li>Cached for {@code Cache-Control: max-age}, at most {@link io.quarkiverse.hexclave.config.HexclaveSettings#jwksCacheTime()};
 * when that passes the old keys keep serving while one background refresh runs (stale-while-revalidate).</li>
 * <li>One rate limit for every fetch (first fetch, background refresh, unknown {@code kid}, {@link #refresh()} for
 * readiness checks): no fetch starts within the cooldown of the previous one, so made-up key ids or probes cannot hammer
 * Hexclave; with no keys held, a failed fetch is retried after 2 s, doubling up to the cooldown.</li>
 * <li>A failed refresh keeps the last good keys, for at most the maximum staleness after their fetch (then they are
 * dropped, logged once as HEXCLAVE004); only with no keys do callers see {@link KeysUnavailableException}.</li>
 * </ul>
 */
final class JwksCache {

    private static final Logger LOG = Logger.getLogger(JwksCache.class);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)\"?");
    /** Shortest time keys are kept, whatever the server says, so {@code max-age=0} cannot turn into a fetch per request. */
    static final Duration MIN_CACHE_TIME = Duration.ofSeconds(10);
    /**
     * Largest JWKS body read: 64 KiB. A key set of {@link #MAX_KEYS} P-256 keys is about 4 KiB; a longer answer fails
     * the fetch before it is read whole.
     */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Most keys a key set may hold; Hexclave publishes one or two per user class. More fails the fetch. */
    static final int MAX_KEYS = 20;
    /** With no keys at hand, how long a failed fetch is not retried at first (doubling, at most the cooldown). */
    static final Duration FAILURE_BACKOFF = Duration.ofSeconds(2);

    /** The result of looking a key id up. */
    sealed interface Lookup {
        /** The key, and the one user class it was published for. */
        record Found(Es256.Key key, UserClass userClass) implements Lookup {
        }

        record Unknown(String detail) implements Lookup {
        }
    }

    /** The keys by id, the user class each was published for, when fetched, when due for a refresh. */
    record KeySet(Map<String, Es256.Key> keys, Map<String, UserClass> classes, Instant fetchedAt, Instant expiresAt) {
        Lookup.Found find(String kid) {
            Es256.Key key = keys.get(kid);
            return key == null ? null : new Lookup.Found(key, classes.get(kid));
        }
    }

    /** One key-set answer: its keys and how long it may be cached. */
    private record Answer(Map<String, Es256.Key> keys, Duration cacheTime) {
    }

    private final Map<UserClass, URI> uris;
    private final URI uri;
    private final HexclaveTransport transport;
    private final Duration readTimeout;
    private final Duration maxCacheTime;
    private final Duration cooldown;
    private final Duration maxStale;
    private final Clock clock;
    private final Es256 engine;
    private final Object lock = new Object();
    private final AtomicLong fetches = new AtomicLong();
    private final HexclaveObserver observer;

    private volatile KeySet current; // read through held(), which drops keys past the maximum staleness
    private CompletableFuture<KeySet> inFlight; // guarded by lock
    private Instant notBefore = Instant.MIN; // guarded by lock: no fetch starts before it
    private int failures; // guarded by lock: failed fetches in a row
    private volatile Instant lastFetchStart = Instant.EPOCH;
    private volatile Instant lastCooldownWarning = Instant.EPOCH;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    /**
     * @param uris the key set of each user class whose keys are fetched (normal first): Hexclave publishes each class's
     *        keys in the set of that class and of the wider ones only, so each key is bound to the narrowest set it
     *        appears in
     */
    JwksCache(Map<UserClass, URI> uris, HexclaveTransport transport, Duration readTimeout, Duration maxCacheTime,
            Duration cooldown, Duration maxStale, Clock clock, Es256 engine) {
        this(uris, transport, readTimeout, maxCacheTime, cooldown, maxStale, clock, engine, HexclaveObserver.NONE);
    }

    /** As the constructor above, telling {@code observer} of each fetch. */
    JwksCache(Map<UserClass, URI> uris, HexclaveTransport transport, Duration readTimeout, Duration maxCacheTime,
            Duration cooldown, Duration maxStale, Clock clock, Es256 engine, HexclaveObserver observer) {
        this.observer = HexclaveObserver.safe(observer);
        this.maxStale = maxStale;
        this.engine = engine;
        this.uris = new java.util.EnumMap<>(uris);
        this.uri = this.uris.values().stream().reduce((a, b) -> b).orElseThrow(); // the widest set, for the status
        this.transport = transport;
        this.readTimeout = readTimeout;
        this.maxCacheTime = maxCacheTime;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** The key for {@code kid}, fetching or refreshing as the rules above allow. Fails with {@link KeysUnavailableException}. */
    CompletableFuture<Lookup> lookup(String kid) {
        KeySet keys = held();
        if (keys != null) {
            Lookup.Found found = keys.find(kid);
            if (clock.instant().isAfter(keys.expiresAt())) {
                fetchIfAllowed(); // in the background; the keys at hand keep serving meanwhile
            }
            if (found != null) {
                return CompletableFuture.completedFuture(found);
            }
        }
        // An unknown kid: join the running fetch (it may bring this kid), or start one if the rate limit allows
        CompletableFuture<KeySet> fetch = fetchIfAllowed();
        if (fetch == null) {
            if (keys != null) {
                warnCooldown();
                return CompletableFuture.completedFuture(new Lookup.Unknown("unknown key id; refresh on cooldown"));
            }
            return CompletableFuture.failedFuture(new KeysUnavailableException(
                    "Hexclave's signing keys are unavailable: " + lastError));
        }
        return fetch.handle((fresh, error) -> {
            if (error != null) {
                if (held() != null) {
                    // Keys are at hand and this kid is not among them: a bad token, not an outage.
                    return new Lookup.Unknown("unknown key id; refresh failed");
                }
                throw new CompletionException(unavailable(error));
            }
            Lookup.Found found = fresh.find(kid);
            return found != null ? found : new Lookup.Unknown("unknown key id");
        });
    }

    /**
     * Whether {@link #lookup} would answer "unknown key" at once for {@code kid}: keys are held, {@code kid} is not
     * among them, and a refresh is on cooldown with none running.
     */
    boolean refusesWithoutFetch(String kid) {
        KeySet keys = held();
        return keys != null && !keys.keys().containsKey(kid) && !mayFetch();
    }

    /** Whether {@code kid} is among the keys currently held. */
    boolean holds(String kid) {
        KeySet keys = held();
        return keys != null && keys.keys().containsKey(kid);
    }

    /**
     * The key for {@code kid} if it is held, without fetching or refreshing anything; {@code null} otherwise. For
     * callers that must not block: they fall back to {@link #lookup} off their thread.
     */
    Lookup.Found cached(String kid) {
        KeySet keys = held();
        if (keys == null || clock.instant().isAfter(keys.expiresAt())) {
            return null; // due for a refresh: let lookup() start it
        }
        return keys.find(kid);
    }

    /** Whether a fetch is running (callers may join it) or the rate limit allows a new one. */
    private boolean mayFetch() {
        synchronized (lock) {
            return inFlight != null || !clock.instant().isBefore(notBefore);
        }
    }

    /**
     * Fetches the keys now if the rate limit allows; completes with the keys held (possibly stale) when it does not,
     * or with {@link KeysUnavailableException} when none are held. For readiness checks and warm-ups.
     */
    CompletableFuture<KeySet> refresh() {
        CompletableFuture<KeySet> fetch = fetchIfAllowed();
        if (fetch != null) {
            return fetch;
        }
        KeySet keys = held();
        return keys != null ? CompletableFuture.completedFuture(keys)
                : CompletableFuture.failedFuture(new KeysUnavailableException(
                        "Hexclave's signing keys are unavailable: " + lastError));
    }

    /**
     * The one gate of every fetch: joins the running one, else starts one unless the rate limit says not yet (then
     * {@code null}). A fetch is not started within the cooldown of the previous one; after a failed fetch with no keys
     * held, not within the failure back-off (2 s, doubling with each further failure, at most the cooldown).
     */
    private CompletableFuture<KeySet> fetchIfAllowed() {
        CompletableFuture<KeySet> future;
        Instant now = clock.instant();
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            if (now.isBefore(notBefore)) {
                return null;
            }
            future = new CompletableFuture<>();
            inFlight = future;
            notBefore = now.plus(cooldown);
        }
        lastFetchStart = now;
        fetches.incrementAndGet();
        CompletableFuture<KeySet> result = future;
        long start = System.nanoTime();
        try {
            fetch().whenComplete((keys, error) -> {
                observer.keyFetch(error == null, Duration.ofNanos(System.nanoTime() - start));
                complete(result, keys, error);
            });
        } catch (RuntimeException e) {
            observer.keyFetch(false, Duration.ofNanos(System.nanoTime() - start));
            complete(result, null, e);
        }
        return result;
    }

    /**
     * The keys held, or {@code null}: none were fetched yet, or the last successful fetch is older than the maximum
     * staleness (refreshes kept failing), in which case they are dropped here, once, with an error log.
     */
    private KeySet held() {
        KeySet keys = current;
        if (keys == null || !clock.instant().isAfter(keys.fetchedAt().plus(maxStale))) {
            return keys;
        }
        boolean dropped;
        synchronized (lock) {
            dropped = current == keys;
            if (dropped) {
                current = null;
            }
        }
        if (dropped) {
            LOG.errorf("HEXCLAVE004: Dropped Hexclave's signing keys from %s: they were fetched at %s, more than %s ago "
                    + "(jwks.max-stale), and every refresh since has failed (%s); requests with Hexclave "
                    + "tokens are answered as 'service unavailable' until a fetch succeeds", uri, keys.fetchedAt(),
                    maxStale, lastError);
        }
        return null;
    }

    JwksStatus status() {
        KeySet keys = held();
        return new JwksStatus(uri, keys == null ? java.util.Set.of() : java.util.Set.copyOf(keys.keys().keySet()),
                Optional.ofNullable(keys).map(KeySet::fetchedAt), Optional.ofNullable(keys).map(KeySet::expiresAt),
                fetches.get(), Optional.ofNullable(lastError), Optional.ofNullable(lastErrorAt));
    }

    // ---------------------------------------------------------------------------------------------------------

    private void complete(CompletableFuture<KeySet> result, KeySet keys, Throwable error) {
        Instant now = clock.instant();
        KeySet previous = held();
        synchronized (lock) {
            inFlight = null;
            if (error == null) {
                failures = 0;
            } else {
                failures = Math.min(failures + 1, 16);
                // With keys held they serve meanwhile: the cooldown. Without, the back-off (it may be shorter).
                notBefore = now.plus(previous != null ? cooldown : failureBackoff(failures));
            }
        }
        if (error == null) {
            current = keys;
            lastError = null;
            lastErrorAt = null;
            result.complete(keys);
            return;
        }
        String reason = describe(error);
        lastError = reason;
        lastErrorAt = clock.instant();
        if (previous != null) {
            LOG.warnf("HEXCLAVE001: Could not refresh Hexclave's signing keys from %s (%s); still using the %d keys "
                    + "fetched at %s", uri, reason, previous.keys().size(), previous.fetchedAt());
            // Do not ask again before the cooldown: the stale keys serve meanwhile.
            current = new KeySet(previous.keys(), previous.classes(), previous.fetchedAt(),
                    clock.instant().plus(cooldownOrMin()));
        } else {
            LOG.errorf("HEXCLAVE002: Could not fetch Hexclave's signing keys from %s (%s); requests with Hexclave "
                    + "tokens are answered as 'service unavailable' until it succeeds", uri, reason);
        }
        result.completeExceptionally(error);
    }

    private CompletableFuture<KeySet> fetch() {
        // The transport bounds the whole exchange, body included, by the read timeout: a stalled answer fails the
        // fetch and frees the in-flight slot. The sets of the classes are fetched side by side; any failure fails all.
        List<UserClass> classes = List.copyOf(uris.keySet());
        List<CompletableFuture<Answer>> answers = new java.util.ArrayList<>();
        for (UserClass userClass : classes) {
            HexclaveRequest request = new HexclaveRequest("GET", uris.get(userClass), Map.of("accept", "application/json"),
                    null, readTimeout);
            answers.add(transport.send(request).toCompletableFuture().thenApply(this::parse));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, Es256.Key> keys = new LinkedHashMap<>();
            Map<String, UserClass> keyClasses = new java.util.HashMap<>();
            Duration cacheTime = maxCacheTime;
            for (int i = 0; i < classes.size(); i++) {
                Answer answer = answers.get(i).join();
                for (Map.Entry<String, Es256.Key> key : answer.keys().entrySet()) {
                    if (keyClasses.putIfAbsent(key.getKey(), classes.get(i)) == null) {
                        keys.put(key.getKey(), key.getValue()); // first (narrowest) set it appears in
                    }
                }
                cacheTime = answer.cacheTime().compareTo(cacheTime) < 0 ? answer.cacheTime() : cacheTime;
            }
            Instant now = clock.instant();
            return new KeySet(Map.copyOf(keys), Map.copyOf(keyClasses), now, now.plus(cacheTime));
        });
    }

    private Answer parse(HexclaveResponse response) {
        if (response.status() != 200) {
            throw new JwksFetchException("HTTP " + response.status());
        }
        if (response.body().length() > MAX_BODY_BYTES) { // a shared transport bounds bodies less tightly
            throw new JwksFetchException(HexclaveTransport.bodyTooLarge(MAX_BODY_BYTES));
        }
        List<?> entries;
        try {
            Object set = JsonUtil.parseJson(response.body()).get("keys");
            if (!(set instanceof List<?> list)) {
                throw new JwksFetchException("the response is not a JSON Web Key Set");
            }
            entries = list;
        } catch (JoseException | RuntimeException e) {
            throw e instanceof JwksFetchException j ? j : new JwksFetchException("the response is not a JSON Web Key Set");
        }
        if (entries.size() > MAX_KEYS) {
            throw new JwksFetchException("the key set has " + entries.size() + " keys, more than " + MAX_KEYS);
        }
        Map<String, Es256.Key> keys = new LinkedHashMap<>();
        for (Object entry : entries) {
            JsonWebKey jwk = jwk(entry);
            if (jwk instanceof EllipticCurveJsonWebKey ec && EllipticCurves.P_256.equals(ec.getCurveName())
                    && jwk.getKeyId() != null && !jwk.getKeyId().isEmpty()
                    && (jwk.getAlgorithm() == null || "ES256".equals(jwk.getAlgorithm()))
                    && (jwk.getUse() == null || "sig".equals(jwk.getUse()))) {
                Es256.Key prepared = prepare(ec);
                if (prepared != null) {
                    keys.putIfAbsent(jwk.getKeyId(), prepared);
                }
            }
        }
        if (keys.isEmpty()) {
            throw new JwksFetchException("the key set has no ES256 P-256 key");
        }
        return new Answer(keys, cacheTime(response));
    }

    /** One entry of the set as a JWK; {@code null} (skipped) for one that is not a JWK jose4j can read. */
    @SuppressWarnings("unchecked")
    private static JsonWebKey jwk(Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            return null;
        }
        try {
            return JsonWebKey.Factory.newJwk((Map<String, Object>) map);
        } catch (JoseException | RuntimeException e) {
            return null;
        }
    }

    /** The key, prepared once for the signature engine; {@code null} (skipped) when the engine refuses it. */
    private Es256.Key prepare(EllipticCurveJsonWebKey jwk) {
        try {
            return engine.prepare(jwk.getECPublicKey());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            LOG.debugf("Skipping JWK %s: the signature engine refused it (%s)", jwk.getKeyId(), e.getClass().getSimpleName());
            return null;
        }
    }

    private Duration cacheTime(HexclaveResponse response) {
        Optional<String> cacheControl = response.header("Cache-Control");
        if (cacheControl.isEmpty()) {
            return maxCacheTime;
        }
        String cc = cacheControl.get().toLowerCase(Locale.ROOT);
        if (cc.contains("no-store") || cc.contains("no-cache")) {
            return MIN_CACHE_TIME;
        }
        Matcher m = MAX_AGE.matcher(cc);
        if (!m.find()) {
            return maxCacheTime;
        }
        try {
            Duration maxAge = Duration.ofSeconds(Long.parseLong(m.group(1)));
            return maxAge.compareTo(maxCacheTime) > 0 ? maxCacheTime
                    : maxAge.compareTo(MIN_CACHE_TIME) < 0 ? MIN_CACHE_TIME : maxAge;
        } catch (NumberFormatException e) {
            return maxCacheTime;
        }
    }

    /** With no keys held, the wait after the {@code n}th failed fetch in a row: 2 s, doubling, at most the cooldown. */
    private Duration failureBackoff(int n) {
        Duration backoff = FAILURE_BACKOFF.multipliedBy(1L << Math.min(n - 1, 10));
        return backoff.compareTo(cooldown) > 0 ? cooldown : backoff;
    }

    private Duration cooldownOrMin() {
        return cooldown.compareTo(MIN_CACHE_TIME) < 0 ? MIN_CACHE_TIME : cooldown;
    }

    private void warnCooldown() {
        Instant now = clock.instant();
        if (lastCooldownWarning.isBefore(lastFetchStart)) {
            lastCooldownWarning = now;
            LOG.warnf("HEXCLAVE003: Tokens with key ids not in Hexclave's key set from %s; not refreshing again until "
                    + "the cooldown (%s) is over", uri, cooldown);
        }
    }

    private KeysUnavailableException unavailable(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof KeysUnavailableException k ? k
                : new KeysUnavailableException("Hexclave's signing keys are unavailable: " + describe(cause), cause);
    }

    static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof JwksFetchException) {
            return e.getMessage();
        }
        if (e instanceof HexclaveConnectionException c) {
            // The transport's message (HexclaveTransport.failure) names the path and what failed ("... failed:
            // response body larger than ..."), never a header or a body.
            String message = String.valueOf(c.getMessage());
            int at = message.indexOf(" failed: ");
            return c.timeout() ? "timed out" : at >= 0 ? message.substring(at + " failed: ".length()) : message;
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.io.IOException) {
            return "I/O error: " + e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName();
    }

    /** A fetch that got an answer we cannot use; the message is safe to log. */
    static final class JwksFetchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JwksFetchException(String message) {
            super(message, null, false, false);
        }
    }
}
