package huzhu.core.directory;

import huzhu.core.kernel.Language;
import java.time.Instant;
import java.util.List;

/**
 * A member of the emergency mutual-aid team (应急互助小分队). {@code optedOutAt} is when they texted
 * STOP (退订); they stay off duty until an officer puts them back on, which clears it. {@code version} as
 * {@link Member}'s.
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
        Instant optedOutAt,
        long version) implements DirectoryEntry {

    public static final int DEFAULT_MAX_ACTIVE = 1;

    public Volunteer {
        skills = skills == null ? List.of() : List.copyOf(skills);
        language = language == null ? Language.DEFAULT : language;
        maxActive = maxActive <= 0 ? DEFAULT_MAX_ACTIVE : maxActive;
    }

    /** A volunteer not stored yet: version 1. */
    public Volunteer(String id, String name, String phone, Area area, GeoPoint location, List<String> skills,
            boolean onDuty, int maxActive, Language language, Instant createdAt, Instant updatedAt,
            Instant optedOutAt) {
        this(id, name, phone, area, location, skills, onDuty, maxActive, language, createdAt, updatedAt, optedOutAt, 1);
    }

    /** A volunteer who never opted out, not stored yet. */
    public Volunteer(String id, String name, String phone, Area area, GeoPoint location, List<String> skills,
            boolean onDuty, int maxActive, Language language, Instant createdAt, Instant updatedAt) {
        this(id, name, phone, area, location, skills, onDuty, maxActive, language, createdAt, updatedAt, null);
    }

    /** The city of the volunteer's area, where the emergency path looks for them; null when that is not known. */
    public String city() {
        return area == null ? null : area.city();
    }

    /** The next version: off duty. */
    public Volunteer offDuty(Instant at) {
        return new Volunteer(id, name, phone, area, location, skills, false, maxActive, language, createdAt, at,
                optedOutAt, version + 1);
    }

    /** The next version: off duty because they asked for no more SMS; the first opt-out's time is kept. */
    public Volunteer optedOut(Instant at) {
        return new Volunteer(id, name, phone, area, location, skills, false, maxActive, language, createdAt, at,
                optedOutAt != null ? optedOutAt : at, version + 1);
    }

    public boolean hasOptedOut() {
        return optedOutAt != null;
    }
}
