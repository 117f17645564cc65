package io.quarkiverse.hexclave.client;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.quarkiverse.hexclave.client.model.Page;

/**
 * Lazy paging over a cursor-paginated list: the next page is fetched only when the stream has used up the current
 * one, so only one page is held in memory. Stops at the last page, and also when Hexclave hands back the cursor it
 * was given (which would loop forever).
 */
final class Paging {

    private Paging() {
    }

    /**
     * Every item, page after page.
     *
     * @param fetch the page after a cursor; {@code null} asks for the first page
     */
    static <T> Stream<T> stream(Function<String, Page<T>> fetch) {
        Iterator<T> iterator = new Iterator<>() {
            private String cursor;
            private boolean more = true;
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    Page<T> page = fetch.apply(cursor);
                    current = page.items().iterator();
                    String used = cursor;
                    cursor = page.nextCursor().filter(c -> !c.equals(used)).orElse(null);
                    more = cursor != null;
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
