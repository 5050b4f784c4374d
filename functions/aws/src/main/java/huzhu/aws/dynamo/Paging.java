package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.GSI1;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;
import static huzhu.aws.dynamo.TableSchema.GSI3;

import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.kernel.Wire;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pages of the table's listings: the core's cursor holds the sort key of the last item returned, so the next
 * page starts after it and a cursor stays valid while items are added.
 */
final class Paging {
    private Paging() {
    }

    /** A secondary index by the names of its key attributes. */
    record Index(String name, String pk, String sk) {
        /** Every item of a kind under one partition ("NOTICE", "APPLICATION"…). */
        static final Index ALL = new Index(GSI1, GSI1_PK, GSI1_SK);
        /** The items of a kind with one status under one partition each. */
        static final Index BY_STATUS = new Index(GSI2, GSI2_PK, GSI2_SK);
    }

    /**
     * A page of a newest-first listing: one partition of {@code index}, sorted by "time#id" ({@link Keys#newestFirst}),
     * read down from the sort key in the cursor.
     */
    static <T> Page<T> newestFirst(Table table, Index index, String partition, PageRequest request, String listing,
            Function<Map<String, AttributeValue>, T> read) {
        int limit = request.limit();
        String condition = "#" + index.pk() + " = :pk";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Items.s(partition)));
        if (request.cursor() != null) {
            condition += " AND #" + index.sk() + " < :before";
            values.put(":before", Items.s(after(request.cursor(), listing, timeAndId(Keys::isSortableInstant))));
        }
        List<Map<String, AttributeValue>> items = table.query(index.name(), condition, values, false, limit + 1);
        return page(items, limit, listing, item -> item.get(index.sk()).s(), read);
    }

    /** A newest-first page of every record of {@code kind} (gsi1) or of those with the one status asked for (gsi2). */
    static <S extends Enum<S> & Wire, T> Page<T> newestFirst(Table table, Keys.Kind kind, StatusFilter<S> status,
            PageRequest request, String listing, Function<Map<String, AttributeValue>, T> read) {
        return status.everything()
                ? newestFirst(table, Index.ALL, kind.all(), request, listing, read)
                : newestFirst(table, Index.BY_STATUS, kind.withStatus(only(status).wire()), request, listing, read);
    }

    /** Every record in one owner's partition of gsi3 ({@link Keys.Kind#of}), in sort key order: an owner has few. */
    static <T> List<T> ofOwner(Table table, String partition, boolean ascending,
            Function<Map<String, AttributeValue>, T> read) {
        return table.query(GSI3, "#gsi3pk = :pk", Map.of(":pk", Items.s(partition)), ascending, Integer.MAX_VALUE)
                .stream().map(read).toList();
    }

    /**
     * Every item of one partition of the table whose sort key begins with {@code prefix}, in sort key order, read
     * strongly consistent: a member's introductions, a notice's deliveries or replies.
     */
    static List<Map<String, AttributeValue>> beginningWith(Table table, String partition, String prefix) {
        return table.query(null, "#pk = :pk AND begins_with(#sk, :prefix)", Map.of(":pk", Items.s(partition),
                ":prefix", Items.s(prefix)), true, Integer.MAX_VALUE);
    }

    /** The one status a by-status listing reads; the core parses "all" or one status word. */
    static <S extends Enum<S> & Wire> S only(StatusFilter<S> status) {
        S single = status.single();
        if (single == null) throw new IllegalArgumentException("one status or all, not " + status);
        return single;
    }

    /** The sort key in a cursor made for this listing; {@code valid} checks its shape. */
    static String after(String cursor, String listing, Predicate<String> valid) {
        String sortKey = Cursor.decode(cursor, listing, 1)[0];
        if (!valid.test(sortKey)) throw Cursor.invalid();
        return sortKey;
    }

    /** A "time#id" or "date#id" sort key whose first part {@code validFirst} accepts. */
    static Predicate<String> timeAndId(Predicate<String> validFirst) {
        return key -> {
            int sep = key.indexOf(Keys.SEP);
            return sep > 0 && sep < key.length() - 1 && validFirst.test(key.substring(0, sep));
        };
    }

    /**
     * A page from items read in listing order, {@code limit + 1} of them when there are more: the extra one
     * only tells that a next page exists, which DynamoDB's LastEvaluatedKey cannot (it is also set when the
     * last item happens to end a page).
     */
    static <T> Page<T> page(List<Map<String, AttributeValue>> items, int limit, String listing,
            Function<Map<String, AttributeValue>, String> sortKey, Function<Map<String, AttributeValue>, T> read) {
        return Page.of(items, limit, item -> Cursor.encode(listing, sortKey.apply(item))).map(read);
    }
}
