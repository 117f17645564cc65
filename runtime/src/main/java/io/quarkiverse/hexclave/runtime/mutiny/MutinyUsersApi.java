package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.Objects;

import io.quarkiverse.hexclave.client.UsersApi;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.ListUsersQuery;
import io.quarkiverse.hexclave.client.model.Page;
import io.quarkiverse.hexclave.client.model.UpdateUserRequest;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.client.model.UserPage;
import io.quarkiverse.hexclave.config.Secret;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Users with Mutiny: each method is the {@code …Async} method of the same name in {@link UsersApi} as a {@code
 * Uni}, which calls Hexclave on subscription (again on each) and emits on the subscriber's Vert.x context (see
 * {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s failure.
 */
public final class MutinyUsersApi {

    private final UsersApi api;

    MutinyUsersApi(UsersApi api) {
        this.api = api;
    }

    /**
     * Every user matching {@code query}, page after page, as a {@code Multi}: a page is fetched only when the
     * subscriber has used up the one before (pages of {@value UsersApi#DEFAULT_PAGE_SIZE} unless the query sets a
     * limit), so only one page is held, and cancelling stops the paging. Emits on the subscriber's Vert.x context.
     */
    public Multi<User> listAll(ListUsersQuery query) {
        ListUsersQuery first = Objects.requireNonNull(query, "query").limit().isPresent() ? query
                : query.toBuilder().limit(UsersApi.DEFAULT_PAGE_SIZE).build();
        return CallerContext.pages(cursor -> api.listAsync(cursor == null ? first : first.withCursor(cursor))
                .thenApply(page -> new Page<>(page.items(), page.nextCursor())));
    }

    /** One page of users ({@code GET /users}). */
    public Uni<UserPage> list(ListUsersQuery query) {
        return CallerContext.uni(() -> api.listAsync(query));
    }

    /** A user by id ({@code GET /users/{id}}); {@code UserNotFoundException} if there is none. */
    public Uni<User> get(String userId) {
        return CallerContext.uni(() -> api.getAsync(userId));
    }

    /** Creates a user ({@code POST /users}, never retried). */
    public Uni<User> create(CreateUserRequest request) {
        return CallerContext.uni(() -> api.createAsync(request));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /users/{id}}, never retried). */
    public Uni<User> update(String userId, UpdateUserRequest request) {
        return CallerContext.uni(() -> api.updateAsync(userId, request));
    }

    /**
     * Deletes a user ({@code DELETE /users/{id}}); their refresh tokens stop working at once. When a retry (after a
     * lost answer) gets {@code USER_NOT_FOUND}, an earlier attempt deleted the user: that counts as success.
     */
    public Uni<Void> delete(String userId) {
        return CallerContext.uni(() -> api.deleteAsync(userId));
    }

    /** The user of {@code accessToken} ({@code GET /users/me}). */
    public Uni<User> me(Secret accessToken) {
        return CallerContext.uni(() -> api.meAsync(accessToken));
    }

    /** Updates the user of {@code accessToken} ({@code PATCH /users/me}, never retried). */
    public Uni<User> updateMe(Secret accessToken, UpdateUserRequest request) {
        return CallerContext.uni(() -> api.updateMeAsync(accessToken, request));
    }

    /** Deletes the user of {@code accessToken} ({@code DELETE /users/me}; with client access only if the project allows it). */
    public Uni<Void> deleteMe(Secret accessToken) {
        return CallerContext.uni(() -> api.deleteMeAsync(accessToken));
    }
}
