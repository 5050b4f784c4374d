package huzhu.core.kernel;

/** Where new identifiers and secrets come from, so tests can control them. */
public interface Ids {
    /** A new unique id, URL-safe, sortable by creation time where the implementation can. */
    String newId();

    /** A new secret with at least 128 bits of randomness, URL-safe. */
    String newSecret();

    /** A random int in [0, bound), for short codes. */
    int nextInt(int bound);
}
