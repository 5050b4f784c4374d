package huzhu.aws.dynamo;

import huzhu.core.directory.Area;
import huzhu.core.directory.DirectoryEntry;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.GeoPoint;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.kernel.Language;
import java.util.LinkedHashSet;
import java.util.Set;

/** The item shape of members, volunteers and leaders; keys other than their own indexes are the registry's. */
final class DirectoryItems {
    /** The entry's version: the registry's conditional writes test it (items of old tables have 0). */
    static final String VERSION = "rev";

    private DirectoryItems() {
    }

    /** How one kind of directory entry is stored. */
    interface Mapper<T extends DirectoryEntry> {
        /** The registry's partition and the {@code type} attribute, e.g. MEMBER. */
        String kind();

        /** The word {@link huzhu.core.error.NotFound} names, e.g. member. */
        String what();

        /** The entry's own attributes and the index keys that find it. */
        Items.Writer write(T entry);

        T read(Items.Reader item);

        /** Phones that must find this entry through {@code membersWithFamilyPhone}. */
        default Set<String> familyPhones(T entry) {
            return Set.of();
        }

        /** The city the entry's phone claim and family links name (see {@link huzhu.core.directory.PhoneLink}). */
        default String homeCity(T entry) {
            return null;
        }
    }

    static final Mapper<Member> MEMBERS = new Mapper<>() {
        @Override
        public String kind() {
            return "MEMBER";
        }

        @Override
        public String what() {
            return "member";
        }

        @Override
        public Items.Writer write(Member m) {
            return Items.writer()
                    .s("id", m.id())
                    .s("name", m.name())
                    .s("phone", m.phone())
                    .s("unit", m.unit())
                    .map("homeArea", area(m.homeArea()))
                    .s("homeAddress", m.homeAddress())
                    .map("location", point(m.location()))
                    .list("familyContacts", m.familyContacts(), c -> Items.writer()
                            .s("name", c.name()).s("relation", c.relation()).s("phone", c.phone()))
                    .wire("language", m.language())
                    .time("createdAt", m.createdAt())
                    .time("updatedAt", m.updatedAt());
        }

        @Override
        public Member read(Items.Reader r) {
            return new Member(r.s("id"), r.s("name"), r.s("phone"), r.s("unit"),
                    r.map("homeArea", DirectoryItems::area), r.s("homeAddress"),
                    r.map("location", DirectoryItems::point),
                    r.list("familyContacts", c -> new FamilyContact(c.s("name"), c.s("relation"), c.s("phone"))),
                    r.wire(Language.class, "language"), r.time("createdAt"), r.time("updatedAt"), r.l(VERSION));
        }

        @Override
        public String homeCity(Member m) {
            return m.homeCity();
        }

        @Override
        public Set<String> familyPhones(Member m) {
            Set<String> phones = new LinkedHashSet<>();
            for (FamilyContact c : m.familyContacts()) {
                if (c.phone() != null && !c.phone().isEmpty()) phones.add(c.phone());
            }
            return phones;
        }
    };

    static final Mapper<Volunteer> VOLUNTEERS = new Mapper<>() {
        @Override
        public String kind() {
            return "VOLUNTEER";
        }

        @Override
        public String what() {
            return "volunteer";
        }

        @Override
        public Items.Writer write(Volunteer v) {
            Items.Writer w = Items.writer()
                    .s("id", v.id())
                    .s("name", v.name())
                    .s("phone", v.phone())
                    .map("area", area(v.area()))
                    .map("location", point(v.location()))
                    .strings("skills", v.skills())
                    .bool("onDuty", v.onDuty())
                    .n("maxActive", v.maxActive())
                    .wire("language", v.language())
                    .time("createdAt", v.createdAt())
                    .time("updatedAt", v.updatedAt())
                    .time("optedOutAt", v.optedOutAt());
            String city = v.city();
            if (city != null && !city.isEmpty()) {
                w.s(TableSchema.GSI1_PK, Keys.volunteersInCity(city)).s(TableSchema.GSI1_SK, v.id());
            }
            return w;
        }

        @Override
        public Volunteer read(Items.Reader r) {
            return new Volunteer(r.s("id"), r.s("name"), r.s("phone"), r.map("area", DirectoryItems::area),
                    r.map("location", DirectoryItems::point), r.strings("skills"), r.bool("onDuty"), r.i("maxActive"),
                    r.wire(Language.class, "language"), r.time("createdAt"), r.time("updatedAt"),
                    r.time("optedOutAt"), r.l(VERSION));
        }
    };

    static final Mapper<Leader> LEADERS = new Mapper<>() {
        @Override
        public String kind() {
            return "LEADER";
        }

        @Override
        public String what() {
            return "leader";
        }

        @Override
        public Items.Writer write(Leader l) {
            return Items.writer()
                    .s("id", l.id())
                    .s("name", l.name())
                    .s("phone", l.phone())
                    .s("email", l.email())
                    .s("title", l.title())
                    .n("level", l.level())
                    .wire("language", l.language())
                    .time("createdAt", l.createdAt())
                    .time("updatedAt", l.updatedAt())
                    .s(TableSchema.GSI1_PK, Keys.leadersAtLevel(l.level()))
                    .s(TableSchema.GSI1_SK, l.id());
        }

        @Override
        public Leader read(Items.Reader r) {
            return new Leader(r.s("id"), r.s("name"), r.s("phone"), r.s("email"), r.s("title"), r.i("level"),
                    r.wire(Language.class, "language"), r.time("createdAt"), r.time("updatedAt"), r.l(VERSION));
        }
    };

    private static Items.Writer area(Area a) {
        return a == null ? null : Items.writer().s("city", a.city()).s("district", a.district());
    }

    private static Area area(Items.Reader r) {
        return new Area(r.s("city"), r.s("district"));
    }

    private static Items.Writer point(GeoPoint p) {
        return p == null ? null : Items.writer().n("lat", p.lat()).n("lon", p.lon());
    }

    private static GeoPoint point(Items.Reader r) {
        return new GeoPoint(r.d("lat"), r.d("lon"));
    }
}
