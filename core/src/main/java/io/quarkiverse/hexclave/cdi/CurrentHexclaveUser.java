package io.quarkiverse.hexclave.cdi;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * The current request's Hexclave user: the verified token's claims at once, the full profile on first use.
 * Adapters make it a request-scoped bean qualified {@link HexclaveUser @HexclaveUser}:
 * <pre>{@code
 * @Inject @HexclaveUser CurrentHexclaveUser user;
 * String id = user.userId();                    // no network call
 * String name = user.profile().displayName();   // one call to Hexclave per request, at most
 * }</pre>
 * {@link #profile()} loads the user at most once per instance, also under concurrent calls: the first caller loads,
 * the others wait for its result on a shared future, with no monitor held across the call to Hexclave (so virtual
 * threads are not pinned). A failed load is not remembered (the next call tries again) and its exception reaches the
 * caller and those waiting with it. Optionally, a shared
 * {@link UserProfileCache} lets several requests reuse a profile for a few seconds.
 */
public final class CurrentHexclaveUser {

    private final HexclavePrincipal principal;
    private final String userId;
    private final Function<String, User> loader;
    private final UserProfileCache cache;
    private final AtomicReference<CompletableFuture<User>> loading = new AtomicReference<>();
    private volatile User profile;

    /** A user whose profile comes from {@code loader} (given the user id). */
    public CurrentHexclaveUser(HexclavePrincipal principal, Function<String, User> loader) {
        this(principal, loader, null);
    }

    /** A user whose profile is {@code client.users().get(userId)} (server access: needs the secret server key). */
    public CurrentHexclaveUser(HexclavePrincipal principal, HexclaveClient client) {
        this(principal, loaderOf(client), null);
    }

    /** A user whose profile comes from {@code loader}, through {@code cache} when not {@code null}. */
    public CurrentHexclaveUser(HexclavePrincipal principal, Function<String, User> loader, UserProfileCache cache) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.userId = principal.userId();
        this.loader = Objects.requireNonNull(loader, "loader");
        this.cache = cache;
    }

    /**
     * The user of a user API key ({@code HexclaveApiKeyPrincipal}): no token, so {@link #principal()} is
     * {@code null}; the profile comes from {@code loader}, through {@code cache} when not {@code null}.
     */
    public CurrentHexclaveUser(HexclaveApiKeyPrincipal keyCaller, Function<String, User> loader, UserProfileCache cache) {
        if (Objects.requireNonNull(keyCaller, "keyCaller").userId() == null) {
            throw new IllegalArgumentException("a team key's caller is no user");
        }
        this.principal = null;
        this.userId = keyCaller.userId();
        this.loader = Objects.requireNonNull(loader, "loader");
        this.cache = cache;
    }

    /** The user of a user API key, whose profile is {@code client.users().get(userId)}, through {@code cache}. */
    public static CurrentHexclaveUser of(HexclaveApiKeyPrincipal keyCaller, HexclaveClient client,
            UserProfileCache cache) {
        return new CurrentHexclaveUser(keyCaller, loaderOf(client), cache);
    }

    /** A user whose profile is {@code client.users().get(userId)} (server access), through {@code cache} if given. */
    public static CurrentHexclaveUser of(HexclavePrincipal principal, HexclaveClient client, UserProfileCache cache) {
        return new CurrentHexclaveUser(principal, loaderOf(client), cache);
    }

    private static Function<String, User> loaderOf(HexclaveClient client) {
        Objects.requireNonNull(client, "client");
        return id -> client.users().get(id);
    }

    /** The verified token; {@code null} when the user was authenticated by a user API key ({@link #viaApiKey()}). */
    public HexclavePrincipal principal() {
        return principal;
    }

    /** Whether the user was authenticated by a user API key rather than an access token. */
    public boolean viaApiKey() {
        return principal == null;
    }

    /** The user id ({@code sub} of the token, or the owner of the user API key). */
    public String userId() {
        return userId;
    }

    /**
     * The full user, loaded on first call and remembered.
     *
     * @throws io.quarkiverse.hexclave.client.error.UserNotFoundException if the user was deleted meanwhile
     * @throws io.quarkiverse.hexclave.client.error.HexclaveConnectionException if Hexclave cannot be reached
     */
    public User profile() {
        User p = profile;
        if (p != null) {
            return p;
        }
        CompletableFuture<User> mine = new CompletableFuture<>();
        CompletableFuture<User> running = loading.compareAndExchange(null, mine);
        if (running != null) {
            return await(running);
        }
        boolean settled = false;
        try {
            p = cache == null ? loader.apply(userId()) : cache.get(userId(), loader);
            profile = Objects.requireNonNull(p, "the user loader returned null");
            mine.complete(p);
            settled = true;
            return p;
        } catch (RuntimeException e) {
            loading.compareAndSet(mine, null); // not remembered: the next call tries again
            mine.completeExceptionally(e);
            settled = true;
            throw e;
        } finally {
            if (!settled) { // an Error: it goes on up, and whoever waits is released
                loading.compareAndSet(mine, null);
                mine.completeExceptionally(new IllegalStateException("loading the Hexclave user profile failed"));
            }
        }
    }

    /** The profile another caller is loading; its exception, unwrapped, if it failed. */
    private static User await(CompletableFuture<User> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Whether {@link #profile()} was loaded already. */
    public boolean profileLoaded() {
        return profile != null;
    }

    @Override
    public String toString() {
        return "CurrentHexclaveUser[userId=" + userId() + "]";
    }
}
