package huzhu.core.kernel;

/** A stored value and its version: how many times it was saved (1 the first time). */
public record Versioned<T>(T value, long version) {
}
