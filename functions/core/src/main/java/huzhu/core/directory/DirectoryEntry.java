package huzhu.core.directory;

import huzhu.core.kernel.Language;

/** A person in the union's directory: unique by phone within their kind. */
public interface DirectoryEntry {
    String id();

    String name();

    String phone();

    Language language();

    /** How many times it was stored: the store writes a change only on the version it was based on. */
    long version();
}
