package io.quarkiverse.hexclave.cdi;

import java.util.Objects;
import java.util.function.Function;

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
 * {@link #profile()} loads the user at most once per instance, also under concurrent calls; a failed load is not
 * remembered (the next call tries again) and its exception reaches the caller. Optionally, a shared
 * {@link UserProfileCache} lets several requests reuse a profile for a few seconds.
 */
public final class CurrentHexclaveUser {

    private final HexclavePrincipal principal;
    private final Function<String, User> loader;
    private final UserProfileCache cache;
    private final Object lock = new Object();
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
        this.loader = Objects.requireNonNull(loader, "loader");
        this.cache = cache;
    }

    /** A user whose profile is {@code client.users().get(userId)} (server access), through {@code cache} if given. */
    public static CurrentHexclaveUser of(HexclavePrincipal principal, HexclaveClient client, UserProfileCache cache) {
        return new CurrentHexclaveUser(principal, loaderOf(client), cache);
    }

    private static Function<String, User> loaderOf(HexclaveClient client) {
        Objects.requireNonNull(client, "client");
        return id -> client.users().get(id);
    }

    /** The verified token. */
    public HexclavePrincipal principal() {
        return principal;
    }

    /** The user id ({@code sub}). */
    public String userId() {
        return principal.userId();
    }

    /**
     * The full user, loaded on first call and remembered.
     *
     * @throws io.quarkiverse.hexclave.client.error.UserNotFoundException if the user was deleted meanwhile
     * @throws io.quarkiverse.hexclave.client.error.HexclaveConnectionException if Hexclave cannot be reached
     */
    public User profile() {
        User p = profile;
        if (p == null) {
            synchronized (lock) {
                p = profile;
                if (p == null) {
                    p = cache == null ? loader.apply(userId()) : cache.get(userId(), loader);
                    profile = Objects.requireNonNull(p, "the user loader returned null");
                }
            }
        }
        return p;
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
