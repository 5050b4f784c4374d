package huzhu.core.directory;

import huzhu.core.kernel.Language;
import java.time.Instant;

/** A union officer or leader, reached when escalation arrives at their level; {@code version} as {@link Member}'s. */
public record Leader(
        String id,
        String name,
        String phone,
        String email,
        String title,
        int level,
        Language language,
        Instant createdAt,
        Instant updatedAt,
        long version) implements DirectoryEntry {

    public Leader {
        language = language == null ? Language.DEFAULT : language;
    }

    /** A leader not stored yet: version 1. */
    public Leader(String id, String name, String phone, String email, String title, int level, Language language,
            Instant createdAt, Instant updatedAt) {
        this(id, name, phone, email, title, level, language, createdAt, updatedAt, 1);
    }
}
