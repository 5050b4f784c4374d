package huzhu.core.directory;

import huzhu.core.kernel.Language;
import java.time.Instant;
import java.util.List;

/** A union member, usually working far from home, with the family contacts who may call for help. */
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
        Instant updatedAt) implements DirectoryEntry {

    public Member {
        familyContacts = familyContacts == null ? List.of() : List.copyOf(familyContacts);
        language = language == null ? Language.DEFAULT : language;
    }

    public boolean hasFamilyPhone(String e164) {
        return familyContacts.stream().anyMatch(c -> e164.equals(c.phone()));
    }
}
