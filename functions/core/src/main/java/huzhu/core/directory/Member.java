package huzhu.core.directory;

import huzhu.core.kernel.Language;
import java.time.Instant;
import java.util.List;

/**
 * A union member, usually working far from home, with the family contacts who may call for help. {@code version}
 * counts the stored changes (1 when first stored); the store accepts a change only on the version it was based on.
 */
public record Member(
        String id,
        String name,
        String phone,
        String unit,
        Area homeArea,
        String homeAddress,
        GeoPoint location,
        List<FamilyContact> familyContacts,
        Language language,
        Instant createdAt,
        Instant updatedAt,
        long version) implements DirectoryEntry {

    public Member {
        familyContacts = familyContacts == null ? List.of() : List.copyOf(familyContacts);
        language = language == null ? Language.DEFAULT : language;
    }

    /** A member not stored yet: version 1. */
    public Member(String id, String name, String phone, String unit, Area homeArea, String homeAddress,
            GeoPoint location, List<FamilyContact> familyContacts, Language language, Instant createdAt,
            Instant updatedAt) {
        this(id, name, phone, unit, homeArea, homeAddress, location, familyContacts, language, createdAt, updatedAt, 1);
    }

    /** The city of the member's home area; null when that is not known. */
    public String homeCity() {
        return homeArea == null ? null : homeArea.city();
    }

    public boolean hasFamilyPhone(String e164) {
        return familyContacts.stream().anyMatch(c -> e164.equals(c.phone()));
    }
}
