package io.quarkiverse.hexclave.client.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /users}.
 *
 * @param items the users of this page
 * @param nextCursor pass it to {@link ListUsersQuery.Builder#cursor(String)} for the next page; empty on the last page
 */
public record UserPage(List<User> items, Optional<String> nextCursor) {
    public UserPage {
        items = List.copyOf(items);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
