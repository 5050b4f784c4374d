package huzhu.aws.dynamo;

import huzhu.core.kernel.Cursor;
import huzhu.core.kernel.Page;
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
