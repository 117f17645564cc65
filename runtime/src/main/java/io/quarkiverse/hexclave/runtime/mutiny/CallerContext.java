package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import io.quarkiverse.hexclave.client.model.Page;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Turns the core's {@code CompletionStage}s into Mutiny types that continue where they were subscribed: the Vert.x
 * event-loop context current at subscription (an event loop's own, or a request's duplicated context) gets the item
 * or failure back through {@link Context#runOnContext}, as Quarkus' own reactive clients do, instead of the HTTP
 * client's thread. Without such a context (a plain thread, or a worker context, whose ordered queue may be held by the
 * very task that waits for the item), they emit where the stage completes.
 */
final class CallerContext {

    private CallerContext() {
    }

    /** {@code call}'s stage as a {@code Uni}: called on each subscription, emitting on the subscriber's context. */
    static <T> Uni<T> uni(Supplier<? extends CompletionStage<? extends T>> call) {
        return Uni.createFrom().deferred(() -> on(callers(), Uni.createFrom().completionStage(call)));
    }

    /**
     * Every item of a cursor-paginated list: a page is fetched when the subscriber has used up the one before, so
     * demand drives the calls and a cancellation stops them. Stops at the last page, and when Hexclave hands back the
     * cursor it was given (which would loop forever).
     *
     * @param fetch the page after a cursor; {@code null} asks for the first page
     */
    static <T> Multi<T> pages(Function<String, ? extends CompletionStage<Page<T>>> fetch) {
        return Multi.createFrom().deferred(() -> {
            Context context = callers();
            Cursor cursor = new Cursor();
            return Multi.createBy().repeating()
                    .uni(() -> cursor, c -> on(context, Uni.createFrom().completionStage(() -> fetch.apply(c.next)))
                            .invoke(c::advance))
                    .whilst(page -> cursor.more)
                    .onItem().transformToIterable(Page::items);
        });
    }

    /** The current event-loop context, or {@code null}. */
    private static Context callers() {
        Context context = Vertx.currentContext();
        return context != null && context.isEventLoopContext() ? context : null;
    }

    /** {@code uni}, emitting on {@code context} (at once when already there); as is without a context. */
    private static <T> Uni<T> on(Context context, Uni<T> uni) {
        if (context == null) {
            return uni;
        }
        return uni.emitOn(task -> {
            if (Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        });
    }

    /** Where one subscription's paging stands. */
    private static final class Cursor {
        private String next;
        private boolean more = true;

        void advance(Page<?> page) {
            String used = next;
            next = page.nextCursor().filter(c -> !c.equals(used)).orElse(null);
            more = next != null;
        }
    }
}
