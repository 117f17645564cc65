package io.quarkiverse.hexclave.client;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;


import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.ListUsersQuery;
import io.quarkiverse.hexclave.client.model.Page;
import io.quarkiverse.hexclave.client.model.UpdateUserRequest;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.client.model.UserPage;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Hexclave's users API (wire reference §5). The by-id methods use server access and need the secret server key;
 * the {@code me} methods act on behalf of the user whose access token is given (server access when a secret server
 * key is configured, giving the full view; else client access, giving the client view), and send the
 * allow-restricted / allow-anonymous headers the settings allow.
 * <p>
 * Every call has a blocking form and an {@code …Async} form returning a {@link CompletionStage}; both share one code
 * path. Errors: {@link io.quarkiverse.hexclave.client.error.HexclaveApiException} subclasses (e.g.
 * {@link io.quarkiverse.hexclave.client.error.UserNotFoundException}),
 * {@link io.quarkiverse.hexclave.client.error.HexclaveConnectionException}, and
 * {@link io.quarkiverse.hexclave.config.HexclaveConfigException} when a needed key is not configured.
 */
public final class UsersApi {

    /** Page size {@link #listAll(ListUsersQuery)} uses when the query sets none. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final RequestSender sender;

    UsersApi(RequestSender sender) {
        this.sender = sender;
    }

    /** One page of users ({@code GET /users}). */
    public CompletionStage<UserPage> listAsync(ListUsersQuery query) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/users", Access.SERVER)
                .withQuery(Objects.requireNonNull(query, "query").parameters())).thenApply(r -> {
            Page<User> page = Json.page(r, User.class);
            return new UserPage(page.items(), page.nextCursor());
        }));
    }

    /** One page of users ({@code GET /users}). */
    public UserPage list(ListUsersQuery query) {
        return sender.blocking(() -> listAsync(query));
    }

    /**
     * Every user matching {@code query}, page after page, each page fetched only when the stream reaches it (pages
     * of {@value #DEFAULT_PAGE_SIZE} unless the query sets a limit). Only one page is held in memory. Errors surface
     * while the stream is consumed.
     */
    public Stream<User> listAll(ListUsersQuery query) {
        Objects.requireNonNull(query, "query");
        ListUsersQuery first = query.limit().isPresent() ? query : query.toBuilder().limit(DEFAULT_PAGE_SIZE).build();
        return Paging.stream(cursor -> {
            UserPage page = list(cursor == null ? first : first.withCursor(cursor));
            return new Page<>(page.items(), page.nextCursor());
        });
    }

    /** A user by id ({@code GET /users/{id}}); {@code UserNotFoundException} if there is none. */
    public CompletionStage<User> getAsync(String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/users/" + RequestSender.segment(userId), Access.SERVER))
                .thenApply(r -> Json.read(r, User.class)));
    }

    /** A user by id ({@code GET /users/{id}}). */
    public User get(String userId) {
        return sender.blocking(() -> getAsync(userId));
    }

    /** Creates a user ({@code POST /users}, never retried). */
    public CompletionStage<User> createAsync(CreateUserRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", "/users", Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, User.class)));
    }

    /** Creates a user ({@code POST /users}). */
    public User create(CreateUserRequest request) {
        return sender.blocking(() -> createAsync(request));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /users/{id}}, never retried). */
    public CompletionStage<User> updateAsync(String userId, UpdateUserRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("PATCH", "/users/" + RequestSender.segment(userId), Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields()))).thenApply(r -> Json.read(r, User.class)));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /users/{id}}). */
    public User update(String userId, UpdateUserRequest request) {
        return sender.blocking(() -> updateAsync(userId, request));
    }

    /**
     * Deletes a user ({@code DELETE /users/{id}}); their refresh tokens stop working at once. When a retry (after a
     * lost answer) gets {@code USER_NOT_FOUND}, an earlier attempt deleted the user: that counts as success.
     */
    public CompletionStage<Void> deleteAsync(String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", "/users/" + RequestSender.segment(userId), Access.SERVER),
                e -> e instanceof UserNotFoundException).thenApply(r -> null));
    }

    /** Deletes a user ({@code DELETE /users/{id}}). */
    public void delete(String userId) {
        sender.blocking(() -> deleteAsync(userId));
    }

    /** The user of {@code accessToken} ({@code GET /users/me}). */
    public CompletionStage<User> meAsync(Secret accessToken) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/users/me", Access.SERVER_IF_CONFIGURED)
                .withAccessToken(accessToken)).thenApply(r -> Json.read(r, User.class)));
    }

    /** The user of {@code accessToken} ({@code GET /users/me}). */
    public User me(Secret accessToken) {
        return sender.blocking(() -> meAsync(accessToken));
    }

    /** Updates the user of {@code accessToken} ({@code PATCH /users/me}, never retried). */
    public CompletionStage<User> updateMeAsync(Secret accessToken, UpdateUserRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("PATCH", "/users/me", Access.SERVER_IF_CONFIGURED)
                .withAccessToken(accessToken).withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, User.class)));
    }

    /** Updates the user of {@code accessToken} ({@code PATCH /users/me}). */
    public User updateMe(Secret accessToken, UpdateUserRequest request) {
        return sender.blocking(() -> updateMeAsync(accessToken, request));
    }

    /** Deletes the user of {@code accessToken} ({@code DELETE /users/me}; with client access only if the project allows it). */
    public CompletionStage<Void> deleteMeAsync(Secret accessToken) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", "/users/me", Access.SERVER_IF_CONFIGURED)
                .withAccessToken(accessToken)).thenApply(r -> null));
    }

    /** Deletes the user of {@code accessToken} ({@code DELETE /users/me}). */
    public void deleteMe(Secret accessToken) {
        sender.blocking(() -> deleteMeAsync(accessToken));
    }
}
