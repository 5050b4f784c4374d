package huzhu.core.kernel;

/** {@code cursor} is what a previous page returned, or null for the first page. */
public record PageRequest(String cursor, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }
}
