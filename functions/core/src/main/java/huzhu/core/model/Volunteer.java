package huzhu.core.model;

import java.time.Instant;
import java.util.List;

/** A member of the emergency mutual-aid team (应急互助小分队). */
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
        Instant updatedAt) implements DirectoryEntry {

    public static final int DEFAULT_MAX_ACTIVE = 1;

    public Volunteer {
        skills = skills == null ? List.of() : List.copyOf(skills);
        language = language == null ? Language.DEFAULT : language;
        maxActive = maxActive <= 0 ? DEFAULT_MAX_ACTIVE : maxActive;
    }

    public Volunteer offDuty(Instant at) {
        return new Volunteer(id, name, phone, area, location, skills, false, maxActive, language, createdAt, at);
    }
}
