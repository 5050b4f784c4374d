package huzhu.core.directory;

import huzhu.core.kernel.Language;

/** A person in the union's directory: unique by phone within their kind. */
public interface DirectoryEntry {
    String id();

    String name();

    String phone();

    Language language();
}
