package huzhu.core.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a table: {@code items} and {@code nextCursor} as every list of the contract, and the {@code total}
 * that match (the console's tables show it and number their pages by it).
 */
public record Listed<T>(List<T> items, String nextCursor, int total) {
    public Listed {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code matching} (already filtered and sorted) that {@code cursor} or else {@code page} (from 1)
     * asks for; the cursor is the position of the next page in {@code listing}.
     */
    public static <T> Listed<T> cut(List<T> matching, PageRequest request, Integer page, String listing) {
        int limit = request.limit();
        int offset;
        if (request.cursor() != null) {
            offset = (int) Cursor.number(Cursor.decode(request.cursor(), listing, 1)[0]);
            if (offset < 0) throw Cursor.invalid();
        } else if (page != null) {
            if (page < 1 || page > 100_000) throw huzhu.core.error.Invalid.of("page", "invalid.range");
            offset = (page - 1) * limit;
        } else {
            offset = 0;
        }
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        String next = to < matching.size() ? Cursor.encode(listing, Integer.toString(to)) : null;
        return new Listed<>(matching.subList(from, to), next, matching.size());
    }

    public <R> Listed<R> map(Function<? super T, ? extends R> f) {
        return new Listed<>(items.stream().<R>map(f).toList(), nextCursor, total);
    }
}
