package io.quarkiverse.hexclave.client.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of a cursor-paginated Hexclave list ({@code GET /teams} …).
 *
 * @param items the items of this page
 * @param nextCursor the cursor of the next page (pass it to the query's {@code cursor(..)}); empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
