package huzhu.core.directory;

import huzhu.core.kernel.Language;
import java.time.Instant;

/** A union officer or leader, reached when escalation arrives at their level. */
public record Leader(
        String id,
        String name,
        String phone,
        String email,
        String title,
        int level,
        Language language,
        Instant createdAt,
        Instant updatedAt) implements DirectoryEntry {

    public Leader {
        language = language == null ? Language.DEFAULT : language;
    }
}
