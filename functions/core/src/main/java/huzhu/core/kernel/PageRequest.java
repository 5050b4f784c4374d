package huzhu.core.kernel;

/**
 * {@code cursor} is what a previous page returned, or null for the first page. The limit is the contract's rule,
 * applied here once for every store: below 1 means the default, above the maximum means the maximum.
 */
public record PageRequest(String cursor, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        limit = limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }
}
