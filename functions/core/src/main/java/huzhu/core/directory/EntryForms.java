package huzhu.core.directory;

import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.LeaderInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.PointInput;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Validation;
import java.time.Instant;
import java.util.List;

/**
 * What an officer entered for a member, volunteer or leader, checked field by field and made into the entry to
 * store (every problem at once, as {@code familyContacts[0].phone}); the caller gives the id, times and version.
 */
final class EntryForms {
    static final int MAX_FAMILY = 10;
    static final int MAX_SKILLS = 20;

    private EntryForms() {
    }

    static Member member(String id, MemberInput in, Instant created, Instant now, long version) {
        Validation v = new Validation();
        if (in == null) in = new MemberInput(null, null, null, null, null, null, null, null);
        String name = v.text("name", in.name(), DirectoryService.MAX_NAME, true);
        String phone = v.phone("phone", in.phone(), true);
        String unit = v.text("unit", in.unit(), 100, false);
        Area area = area(v, "homeArea", in.homeArea(), true);
        String address = v.text("homeAddress", in.homeAddress(), 200, false);
        GeoPoint point = point(v, "location", in.location());
        List<FamilyContact> contacts = v.entries("familyContacts", in.familyContacts(), MAX_FAMILY,
                (at, c) -> new FamilyContact(v.text(at + ".name", c.name(), DirectoryService.MAX_NAME, true),
                        v.text(at + ".relation", c.relation(), 20, false), v.phone(at + ".phone", c.phone(), true)));
        Language language = v.language("language", in.language());
        v.throwIfAny();
        return new Member(id, name, phone, unit, area, address, point, contacts, language, created, now, version);
    }

    /** An officer putting a volunteer back on duty ends their opt-out; they asked the union to come back. */
    static Volunteer volunteer(String id, VolunteerInput in, Instant created, Instant now, Instant optedOutAt,
            long version) {
        Validation v = new Validation();
        if (in == null) in = new VolunteerInput(null, null, null, null, null, null, null, null);
        String name = v.text("name", in.name(), DirectoryService.MAX_NAME, true);
        String phone = v.phone("phone", in.phone(), true);
        Area area = area(v, "area", in.area(), true);
        GeoPoint point = point(v, "location", in.location());
        List<String> skills = v.texts("skills", in.skills(), MAX_SKILLS, 30, true);
        int maxActive = in.maxActive() == null ? Volunteer.DEFAULT_MAX_ACTIVE : in.maxActive();
        v.range("maxActive", maxActive, 1, 10);
        Language language = v.language("language", in.language());
        v.throwIfAny();
        boolean onDuty = in.onDuty() == null || in.onDuty();
        return new Volunteer(id, name, phone, area, point, skills, onDuty, maxActive, language, created, now,
                onDuty ? null : optedOutAt, version);
    }

    static Leader leader(String id, LeaderInput in, Instant created, Instant now, long version) {
        Validation v = new Validation();
        if (in == null) in = new LeaderInput(null, null, null, null, null, null);
        String name = v.text("name", in.name(), DirectoryService.MAX_NAME, true);
        String phone = v.phone("phone", in.phone(), true);
        String email = v.text("email", in.email(), 254, false);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) v.problem("email", "invalid.type");
        String title = v.text("title", in.title(), 50, false);
        if (in.level() == null) v.problem("level", "invalid.required");
        else v.range("level", in.level(), 1, 10);
        Language language = v.language("language", in.language());
        v.throwIfAny();
        return new Leader(id, name, phone, email, title, in.level(), language, created, now, version);
    }

    private static Area area(Validation v, String field, AreaInput in, boolean cityRequired) {
        if (in == null) {
            if (cityRequired) v.problem(field + ".city", "invalid.required");
            return null;
        }
        String city = v.text(field + ".city", in.city(), 50, cityRequired);
        String district = v.text(field + ".district", in.district(), 50, false);
        return new Area(city, district);
    }

    private static GeoPoint point(Validation v, String field, PointInput in) {
        if (in == null || (in.lat() == null && in.lon() == null)) return null;
        if (in.lat() == null) v.problem(field + ".lat", "invalid.required");
        if (in.lon() == null) v.problem(field + ".lon", "invalid.required");
        v.range(field + ".lat", in.lat(), -90, 90);
        v.range(field + ".lon", in.lon(), -180, 180);
        return in.lat() == null || in.lon() == null ? null : new GeoPoint(in.lat(), in.lon());
    }
}
