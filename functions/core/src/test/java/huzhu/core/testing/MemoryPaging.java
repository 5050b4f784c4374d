package huzhu.core.testing;

import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Keyset paging over what a memory store holds, with the cursors every store uses. */
final class MemoryPaging {
    private MemoryPaging() {
    }

    /** Newest first, the order of every listing but the directory's and the follow-ups'. */
    static <T> Order<T, Newest> newestFirst(String listing, Function<T, Instant> at, Function<T, String> id) {
        return new Order<>(t -> new Newest(at.apply(t), id.apply(t)), c -> Newest.decode(listing, c),
                k -> k.encode(listing));
    }

    /** How a listing orders its items, and how a cursor names the key of the last one a page showed. */
    record Order<T, K extends Comparable<K>>(Function<T, K> key, Function<String, K> decode,
            Function<K, String> encode) {
        Comparator<T> comparator() {
            return Comparator.comparing(key);
        }

        /** The items after the cursor's key, in key order, and a cursor only if more remain. */
        Page<T> page(Collection<T> items, PageRequest request) {
            K after = request.cursor() == null ? null : decode.apply(request.cursor());
            List<T> rest = items.stream()
                    .filter(t -> after == null || key.apply(t).compareTo(after) > 0)
                    .sorted(comparator())
                    .limit(request.limit() + 1L)
                    .toList();
            return Page.of(rest, request.limit(), t -> encode.apply(key.apply(t)));
        }
    }

    static boolean inRange(Instant at, Instant from, Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    /** Newest first; equal times by id, descending. */
    record Newest(Instant at, String id) implements Comparable<Newest> {
        @Override
        public int compareTo(Newest o) {
            int byTime = o.at.compareTo(at);
            return byTime != 0 ? byTime : o.id.compareTo(id);
        }

        String encode(String listing) {
            return Cursor.encode(listing, at.toString(), id);
        }

        static Newest decode(String listing, String cursor) {
            String[] parts = Cursor.decode(cursor, listing, 2);
            try {
                return new Newest(Instant.parse(parts[0]), parts[1]);
            } catch (DateTimeException e) {
                throw Cursor.invalid();
            }
        }
    }

    /** Follow-ups by due date (those without one last), then id. */
    record ByDueDate(LocalDate due, String id) implements Comparable<ByDueDate> {
        @Override
        public int compareTo(ByDueDate o) {
            int byDate = due.compareTo(o.due);
            return byDate != 0 ? byDate : id.compareTo(o.id);
        }

        String encode() {
            return Cursor.encode("followups", due.toString(), id);
        }

        static ByDueDate decode(String cursor) {
            String[] parts = Cursor.decode(cursor, "followups", 2);
            try {
                return new ByDueDate(LocalDate.parse(parts[0]), parts[1]);
            } catch (DateTimeException e) {
                throw Cursor.invalid();
            }
        }
    }

    record ById(String id) implements Comparable<ById> {
        @Override
        public int compareTo(ById o) {
            return id.compareTo(o.id);
        }
    }
}
