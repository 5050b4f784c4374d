package huzhu.core.service;

import huzhu.core.error.Conflict;
import huzhu.core.error.NotFound;
import huzhu.core.model.Area;
import huzhu.core.model.DirectoryEntry;
import huzhu.core.model.FamilyContact;
import huzhu.core.model.GeoPoint;
import huzhu.core.model.Language;
import huzhu.core.model.Leader;
import huzhu.core.model.Member;
import huzhu.core.model.Volunteer;
import huzhu.core.port.Ids;
import huzhu.core.port.Page;
import huzhu.core.port.PageRequest;
import huzhu.core.port.Registry;
import huzhu.core.port.Store;
import huzhu.core.rules.Hashes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The union's directory: members with their family contacts, volunteers, leaders. */
public final class DirectoryService {
    static final int MAX_NAME = 50;
    static final int MAX_FAMILY = 10;
    static final int MAX_SKILLS = 20;

    private final Store store;
    private final Clock clock;
    private final Ids ids;
    private final ServiceConfig config;

    public DirectoryService(Store store, Clock clock, Ids ids, ServiceConfig config) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
    }

    public record AreaInput(String city, String district) {
    }

    public record PointInput(Double lat, Double lon) {
    }

    public record FamilyContactInput(String name, String relation, String phone) {
    }

    public record MemberInput(String name, String phone, String unit, AreaInput homeArea, String homeAddress,
            PointInput location, List<FamilyContactInput> familyContacts, String language) {
    }

    public record VolunteerInput(String name, String phone, AreaInput area, PointInput location, List<String> skills,
            Boolean onDuty, Integer maxActive, String language) {
    }

    public record LeaderInput(String name, String phone, String email, String title, Integer level, String language) {
    }

    public record TriggerLink(String token, String url) {
    }

    // ---------------------------------------------------------------- members

    public Member createMember(MemberInput in) {
        Member m = member(ids.newId(), in, clock.instant(), clock.instant());
        insert(store.members(), m, "member");
        return m;
    }

    public Member updateMember(String id, MemberInput in) {
        Member old = store.members().get(id).orElseThrow(() -> new NotFound("member"));
        Member m = member(id, in, old.createdAt(), clock.instant());
        update(store.members(), m, "member");
        return m;
    }

    public Member member(String id) {
        return store.members().get(id).orElseThrow(() -> new NotFound("member"));
    }

    public Page<Member> members(PageRequest page) {
        return store.members().page(page);
    }

    public void deleteMember(String id) {
        if (!store.members().delete(id)) throw new NotFound("member");
        store.unbindTriggerToken(id);
    }

    /** Issues a new personal emergency link; the previous one stops working at once. */
    public TriggerLink issueTriggerLink(String memberId) {
        member(memberId);
        String token = ids.newSecret();
        store.bindTriggerToken(memberId, Hashes.sha256(token));
        return new TriggerLink(token, config.triggerLink(token));
    }

    private Member member(String id, MemberInput in, Instant created, Instant now) {
        Validation v = new Validation();
        if (in == null) in = new MemberInput(null, null, null, null, null, null, null, null);
        String name = v.text("name", in.name(), MAX_NAME, true);
        String phone = v.phone("phone", in.phone(), true);
        String unit = v.text("unit", in.unit(), 100, false);
        Area area = area(v, "homeArea", in.homeArea(), true);
        String address = v.text("homeAddress", in.homeAddress(), 200, false);
        GeoPoint point = point(v, "location", in.location());
        List<FamilyContact> contacts = new ArrayList<>();
        List<FamilyContactInput> given = in.familyContacts() == null ? List.of() : in.familyContacts();
        if (given.size() > MAX_FAMILY) v.problem("familyContacts", "invalid.range");
        for (int i = 0; i < Math.min(given.size(), MAX_FAMILY); i++) {
            FamilyContactInput c = given.get(i);
            String at = "familyContacts[" + i + "].";
            if (c == null) {
                v.problem("familyContacts[" + i + "]", "invalid.required");
                continue;
            }
            contacts.add(new FamilyContact(v.text(at + "name", c.name(), MAX_NAME, true),
                    v.text(at + "relation", c.relation(), 20, false), v.phone(at + "phone", c.phone(), true)));
        }
        Language language = v.language("language", in.language());
        v.throwIfAny();
        return new Member(id, name, phone, unit, area, address, point, contacts, language, created, now);
    }

    // ---------------------------------------------------------------- volunteers

    public Volunteer createVolunteer(VolunteerInput in) {
        Volunteer vol = volunteer(ids.newId(), in, clock.instant(), clock.instant());
        insert(store.volunteers(), vol, "volunteer");
        return vol;
    }

    public Volunteer updateVolunteer(String id, VolunteerInput in) {
        Volunteer old = store.volunteers().get(id).orElseThrow(() -> new NotFound("volunteer"));
        // an edit that does not mention onDuty keeps it: a volunteer who texted STOP stays off duty
        VolunteerInput keepDuty = in != null && in.onDuty() == null ? new VolunteerInput(in.name(), in.phone(), in.area(),
                in.location(), in.skills(), old.onDuty(), in.maxActive(), in.language()) : in;
        Volunteer vol = volunteer(id, keepDuty, old.createdAt(), clock.instant());
        update(store.volunteers(), vol, "volunteer");
        return vol;
    }

    public Volunteer volunteer(String id) {
        return store.volunteers().get(id).orElseThrow(() -> new NotFound("volunteer"));
    }

    public Page<Volunteer> volunteers(PageRequest page) {
        return store.volunteers().page(page);
    }

    public void deleteVolunteer(String id) {
        if (!store.volunteers().delete(id)) throw new NotFound("volunteer");
    }

    private Volunteer volunteer(String id, VolunteerInput in, Instant created, Instant now) {
        Validation v = new Validation();
        if (in == null) in = new VolunteerInput(null, null, null, null, null, null, null, null);
        String name = v.text("name", in.name(), MAX_NAME, true);
        String phone = v.phone("phone", in.phone(), true);
        Area area = area(v, "area", in.area(), true);
        GeoPoint point = point(v, "location", in.location());
        List<String> skills = new ArrayList<>();
        List<String> given = in.skills() == null ? List.of() : in.skills();
        if (given.size() > MAX_SKILLS) v.problem("skills", "invalid.range");
        for (int i = 0; i < Math.min(given.size(), MAX_SKILLS); i++) {
            String s = v.text("skills[" + i + "]", given.get(i), 30, true);
            if (s != null) skills.add(s);
        }
        int maxActive = in.maxActive() == null ? Volunteer.DEFAULT_MAX_ACTIVE : in.maxActive();
        v.range("maxActive", maxActive, 1, 10);
        Language language = v.language("language", in.language());
        v.throwIfAny();
        boolean onDuty = in.onDuty() == null || in.onDuty();
        return new Volunteer(id, name, phone, area, point, skills, onDuty, maxActive, language, created, now);
    }

    // ---------------------------------------------------------------- leaders

    public Leader createLeader(LeaderInput in) {
        Leader l = leader(ids.newId(), in, clock.instant(), clock.instant());
        insert(store.leaders(), l, "leader");
        return l;
    }

    public Leader updateLeader(String id, LeaderInput in) {
        Leader old = store.leaders().get(id).orElseThrow(() -> new NotFound("leader"));
        Leader l = leader(id, in, old.createdAt(), clock.instant());
        update(store.leaders(), l, "leader");
        return l;
    }

    public Leader leader(String id) {
        return store.leaders().get(id).orElseThrow(() -> new NotFound("leader"));
    }

    public Page<Leader> leaders(PageRequest page) {
        return store.leaders().page(page);
    }

    public void deleteLeader(String id) {
        if (!store.leaders().delete(id)) throw new NotFound("leader");
    }

    private Leader leader(String id, LeaderInput in, Instant created, Instant now) {
        Validation v = new Validation();
        if (in == null) in = new LeaderInput(null, null, null, null, null, null);
        String name = v.text("name", in.name(), MAX_NAME, true);
        String phone = v.phone("phone", in.phone(), true);
        String email = v.text("email", in.email(), 254, false);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) v.problem("email", "invalid.type");
        String title = v.text("title", in.title(), 50, false);
        if (in.level() == null) v.problem("level", "invalid.required");
        else v.range("level", in.level(), 1, 10);
        Language language = v.language("language", in.language());
        v.throwIfAny();
        return new Leader(id, name, phone, email, title, in.level(), language, created, now);
    }

    // ---------------------------------------------------------------- shared

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

    private static <T extends DirectoryEntry> void insert(Registry<T> registry, T entry, String what) {
        guardPhone(registry::insert, entry, what);
    }

    private static <T extends DirectoryEntry> void update(Registry<T> registry, T entry, String what) {
        guardPhone(registry::update, entry, what);
    }

    private static <T extends DirectoryEntry> void guardPhone(java.util.function.Consumer<T> write, T entry,
            String what) {
        try {
            write.accept(entry);
        } catch (Registry.PhoneTaken e) {
            throw new Conflict("phone_taken", "error.phoneTaken");
        }
    }

}
