package huzhu.core.directory;

import huzhu.core.kernel.Language;
import java.time.Instant;
import java.util.List;

/**
 * A member of the emergency mutual-aid team (应急互助小分队). {@code optedOutAt} is when they texted
 * STOP (退订); they stay off duty until an officer puts them back on, which clears it.
 */
public record Volunteer(
        String id,
        String name,
        String phone,
        Area area,
        GeoPoint location,
        List<String> skills,
        boolean onDuty,
        int maxActive,
        Language language,
        Instant createdAt,
        Instant updatedAt,
        Instant optedOutAt) implements DirectoryEntry {

    public static final int DEFAULT_MAX_ACTIVE = 1;

    public Volunteer {
        skills = skills == null ? List.of() : List.copyOf(skills);
        language = language == null ? Language.DEFAULT : language;
        maxActive = maxActive <= 0 ? DEFAULT_MAX_ACTIVE : maxActive;
    }

    /** A volunteer who never opted out. */
    public Volunteer(String id, String name, String phone, Area area, GeoPoint location, List<String> skills,
            boolean onDuty, int maxActive, Language language, Instant createdAt, Instant updatedAt) {
        this(id, name, phone, area, location, skills, onDuty, maxActive, language, createdAt, updatedAt, null);
    }

    public Volunteer offDuty(Instant at) {
        return new Volunteer(id, name, phone, area, location, skills, false, maxActive, language, createdAt, at,
                optedOutAt);
    }

    /** Off duty because they asked for no more SMS; the first opt-out's time is kept. */
    public Volunteer optedOut(Instant at) {
        return new Volunteer(id, name, phone, area, location, skills, false, maxActive, language, createdAt, at,
                optedOutAt != null ? optedOutAt : at);
    }

    public boolean hasOptedOut() {
        return optedOutAt != null;
    }
}
