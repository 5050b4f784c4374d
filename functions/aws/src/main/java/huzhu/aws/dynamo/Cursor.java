package huzhu.aws.dynamo;

import huzhu.core.error.Invalid;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors: the listing's name and the sort key of the last item returned. The next page starts
 * after that key, so a cursor stays valid while items are added, and a cursor from another listing (or
 * none at all) is refused as invalid.
 */
final class Cursor {
    private static final String SEPARATOR = "\n";

    private Cursor() {
    }

    static String encode(String listing, String sortKey) {
        String plain = listing + SEPARATOR + sortKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key in a cursor that {@link #encode} made for this listing; {@code valid} checks its shape. */
    static String decode(String cursor, String listing, Predicate<String> valid) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String prefix = listing + SEPARATOR;
        if (!plain.startsWith(prefix)) throw invalid();
        String sortKey = plain.substring(prefix.length());
        if (sortKey.isEmpty() || !valid.test(sortKey)) throw invalid();
        return sortKey;
    }

    /** A "time#id" or "date#id" sort key whose first part {@code validFirst} accepts. */
    static Predicate<String> timeAndId(Predicate<String> validFirst) {
        return key -> {
            int sep = key.indexOf(Keys.SEP);
            return sep > 0 && sep < key.length() - 1 && validFirst.test(key.substring(0, sep));
        };
    }

    /** The page size asked for, within the contract's bounds. */
    static int limit(PageRequest request) {
        if (request.limit() < 1) return PageRequest.DEFAULT_LIMIT;
        return Math.min(request.limit(), PageRequest.MAX_LIMIT);
    }

    /**
     * A page from items read in listing order, {@code limit + 1} of them when there are more: the extra one
     * only tells that a next page exists, which DynamoDB's LastEvaluatedKey cannot (it is also set when the
     * last item happens to end a page).
     */
    static <T> Page<T> page(List<Map<String, AttributeValue>> items, int limit, String listing,
            Function<Map<String, AttributeValue>, String> sortKey, Function<Map<String, AttributeValue>, T> read) {
        if (items.size() <= limit) return new Page<>(items.stream().map(read).toList(), null);
        List<Map<String, AttributeValue>> head = items.subList(0, limit);
        return new Page<>(head.stream().map(read).toList(), encode(listing, sortKey.apply(head.get(limit - 1))));
    }

    private static Invalid invalid() {
        return Invalid.of("cursor", "invalid.cursor");
    }
}
