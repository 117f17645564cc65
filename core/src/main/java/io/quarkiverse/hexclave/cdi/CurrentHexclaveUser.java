package io.quarkiverse.hexclave.cdi;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
 * user.profileAsync().thenApply(User::displayName); // the same, without blocking (event loops)
 * }</pre>
 * {@link #profile()} and {@link #profileAsync()} load the user at most once per instance, also under concurrent
 * calls and mixed: the first caller starts the load, the others share its result through one future, with no monitor
 * held across the call to Hexclave (so virtual threads are not pinned). A failed load is not remembered (the next call
 * tries again) and its exception reaches the caller and those waiting with it. Optionally, a shared
 * {@link UserProfileCache} lets several requests reuse a profile for a few seconds.
 */
public final class CurrentHexclaveUser {

    private final HexclavePrincipal principal;
    private final String userId;
    private final Function<String, ? extends CompletionStage<User>> loader;
    private final UserProfileCache cache;
    /** Throws when this thread may not wait for the load: the client's rule, or nothing for a blocking loader. */
    private final Runnable waitCheck;
    private final AtomicReference<CompletableFuture<User>> loading = new AtomicReference<>();
    private volatile User profile;

    /**
     * A user whose profile comes from {@code loader} (given the user id). The loader blocks: {@link #profileAsync()}
     * runs it on the calling thread; for a load that never blocks, use {@link #of(HexclavePrincipal, HexclaveClient,
     * UserProfileCache)}.
     */
    public CurrentHexclaveUser(HexclavePrincipal principal, Function<String, User> loader) {
        this(principal, loader, null);
    }

    /** A user whose profile is {@code client.users().get(userId)} (server access: needs the secret server key). */
    public CurrentHexclaveUser(HexclavePrincipal principal, HexclaveClient client) {
        this(Objects.requireNonNull(principal, "principal"), principal.userId(), asyncLoaderOf(client), null,
                client::checkBlockingAllowed);
    }

    /** A user whose profile comes from {@code loader}, through {@code cache} when not {@code null}. */
    public CurrentHexclaveUser(HexclavePrincipal principal, Function<String, User> loader, UserProfileCache cache) {
        this(Objects.requireNonNull(principal, "principal"), principal.userId(), blocking(loader), cache, () -> {
        });
    }

    /**
     * The user of a user API key ({@code HexclaveApiKeyPrincipal}): no token, so {@link #principal()} is
     * {@code null}; the profile comes from {@code loader}, through {@code cache} when not {@code null}.
     */
    public CurrentHexclaveUser(HexclaveApiKeyPrincipal keyCaller, Function<String, User> loader, UserProfileCache cache) {
        this(null, userOf(keyCaller), blocking(loader), cache, () -> {
        });
    }

    private CurrentHexclaveUser(HexclavePrincipal principal, String userId,
            Function<String, ? extends CompletionStage<User>> loader, UserProfileCache cache, Runnable waitCheck) {
        this.principal = principal;
        this.userId = userId;
        this.loader = Objects.requireNonNull(loader, "loader");
        this.cache = cache;
        this.waitCheck = waitCheck;
    }

    private static String userOf(HexclaveApiKeyPrincipal keyCaller) {
        if (Objects.requireNonNull(keyCaller, "keyCaller").userId() == null) {
            throw new IllegalArgumentException("a team key's caller is no user");
        }
        return keyCaller.userId();
    }

    /** The user of a user API key, whose profile is {@code client.users().get(userId)}, through {@code cache}. */
    public static CurrentHexclaveUser of(HexclaveApiKeyPrincipal keyCaller, HexclaveClient client,
            UserProfileCache cache) {
        return new CurrentHexclaveUser(null, userOf(keyCaller), asyncLoaderOf(client), cache,
                client::checkBlockingAllowed);
    }

    /** A user whose profile is {@code client.users().get(userId)} (server access), through {@code cache} if given. */
    public static CurrentHexclaveUser of(HexclavePrincipal principal, HexclaveClient client, UserProfileCache cache) {
        return new CurrentHexclaveUser(Objects.requireNonNull(principal, "principal"), principal.userId(),
                asyncLoaderOf(client), cache, client::checkBlockingAllowed);
    }

    /** {@code client.users().getAsync(id)}: never blocks, so {@link #profileAsync()} suits event loops. */
    private static Function<String, CompletionStage<User>> asyncLoaderOf(HexclaveClient client) {
        Objects.requireNonNull(client, "client");
        return id -> client.users().getAsync(id);
    }

    /** A blocking loader as a stage: run on the calling thread, its exception in the stage. */
    private static Function<String, CompletionStage<User>> blocking(Function<String, User> loader) {
        Objects.requireNonNull(loader, "loader");
        return id -> {
            try {
                return CompletableFuture.completedFuture(loader.apply(id));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
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
     * The full user, loaded on first call and remembered. Blocks until it is loaded: on an event loop, use
     * {@link #profileAsync()} (there, the client's transport may refuse the wait, e.g. Quarkus'
     * {@code BlockingOperationNotAllowedException}).
     *
     * @throws io.quarkiverse.hexclave.client.error.UserNotFoundException if the user was deleted meanwhile
     * @throws io.quarkiverse.hexclave.client.error.HexclaveConnectionException if Hexclave cannot be reached
     */
    public User profile() {
        User p = profile;
        if (p != null) {
            return p;
        }
        CompletableFuture<User> load = load();
        if (!load.isDone()) {
            waitCheck.run(); // e.g. not on an event loop; the load goes on and is remembered
        }
        return await(load);
    }

    /**
     * The full user without blocking: a completed stage once loaded, else the one load shared with every other caller
     * of {@link #profile()} and {@code profileAsync()} of this instance. With a profile cache, its entry is used and
     * filled. The stage fails with the exception of the load (e.g.
     * {@link io.quarkiverse.hexclave.client.error.UserNotFoundException}; stages depending on it see it wrapped in a
     * {@code CompletionException}, as with the client's {@code …Async} calls), which is not remembered. It completes on
     * the thread that finished the load (the HTTP client's, or the caller's when already loaded): continue on your
     * own executor or event loop where that matters; the Quarkus extension's Mutiny form does it for you.
     * Completing the returned stage yourself affects no other caller.
     */
    public CompletionStage<User> profileAsync() {
        User p = profile;
        return p != null ? CompletableFuture.completedFuture(p) : load().copy();
    }

    /** The load in flight, or a new one started by this caller. */
    private CompletableFuture<User> load() {
        CompletableFuture<User> mine = new CompletableFuture<>();
        CompletableFuture<User> running = loading.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        CompletionStage<User> started;
        try {
            started = cache == null ? loader.apply(userId) : cache.getAsync(userId, loader);
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        } catch (Error e) { // it goes on up, and whoever waits is released
            loading.compareAndSet(mine, null);
            mine.completeExceptionally(new IllegalStateException("loading the Hexclave user profile failed"));
            throw e;
        }
        started.whenComplete((user, error) -> {
            if (error == null && user != null) {
                profile = user; // before the future completes: whoever sees it done also sees the field
                mine.complete(user);
            } else {
                loading.compareAndSet(mine, null); // not remembered: the next call tries again
                mine.completeExceptionally(error != null ? unwrapped(error)
                        : new NullPointerException("the user loader returned null"));
            }
        });
        return mine;
    }

    /** The profile of a load; its exception, unwrapped, if it failed. */
    private static User await(CompletableFuture<User> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Throwable unwrapped(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
