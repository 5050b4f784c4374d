package huzhu.core.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code nextCursor} is opaque and null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code rows} read in listing order, up to {@code limit + 1} of them: the extra one only says that
     * another page exists (a store's own "more" marker cannot always tell), and the cursor names the last one kept.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<? super T, String> cursorAfter) {
        if (rows.size() <= limit) return new Page<>(rows, null);
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorAfter.apply(items.get(limit - 1)));
    }

    /** Every item of a list, read through page by page at the largest page size (for lists that stay small). */
    public static <T> List<T> readAll(Function<PageRequest, Page<T>> read) {
        List<T> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = read.apply(new PageRequest(cursor, PageRequest.MAX_LIMIT));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), nextCursor);
    }
}
