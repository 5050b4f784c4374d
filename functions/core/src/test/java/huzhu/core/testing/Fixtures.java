package huzhu.core.testing;

import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpKind;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.directory.Area;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.GeoPoint;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.Alert;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Channel;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Place;
import huzhu.core.incident.RecipientKind;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.Responder;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small builders for the people and incidents tests talk about. Every builder starts from a plausible,
 * valid value; a test states only what its story depends on. Phones are unique within a test run.
 */
public final class Fixtures {
    /** A fixed "now" for stories that do not care about the date. */
    public static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final AtomicInteger CODES = new AtomicInteger();

    private Fixtures() {
    }

    /** A mainland mobile number in E.164, e.g. {@code phone(1)} is +8613800000001. */
    public static String phone(int n) {
        return String.format("+86138%08d", n);
    }

    /** A phone no other fixture of this run has used (counts down from the top, away from {@link #phone(int)}). */
    public static String freshPhone() {
        return String.format("+86139%08d", 99_999_999 - PHONES.getAndIncrement());
    }

    /** A long SMS as a worried family writes it, numbered "第n条": about a thousand characters. */
    public static String longFamilyText(int n) {
        return "第" + n + "条：" + "父亲还是喘不上气，嘴唇发紫，我们在三楼等，请快点来。".repeat(40);
    }

    public static MemberFixture member(String id) {
        return new MemberFixture(id);
    }

    public static VolunteerFixture volunteer(String id) {
        return new VolunteerFixture(id);
    }

    public static LeaderFixture leader(String id) {
        return new LeaderFixture(id);
    }

    // ---------------------------------------------------------------- the people of the incident stories

    /** 王小明 (m-1, phone 1) at home in 杭州西湖区, his father 王建国 (phone 2) his family contact. */
    public static MemberFixture wangXiaoming() {
        return member("m-1").name("王小明").phone(phone(1)).home("杭州", "西湖区").family("王建国", "父亲", phone(2));
    }

    /** 李娜 (v-1, phone 11), a volunteer on duty. */
    public static VolunteerFixture liNa() {
        return volunteer("v-1").name("李娜").phone(phone(11));
    }

    /** 张伟 (v-2, phone 12), a volunteer on duty. */
    public static VolunteerFixture zhangWei() {
        return volunteer("v-2").name("张伟").phone(phone(12));
    }

    /** 刘干事 (l-1, phone 21), the officer at the first leaders' level. */
    public static LeaderFixture officerLiu() {
        return leader("l-1").name("刘干事").phone(phone(21)).level(1);
    }

    /** 张主席 (l-2, phone 22), the chair at the second leaders' level. */
    public static LeaderFixture chairZhang() {
        return leader("l-2").name("张主席").phone(phone(22)).level(2);
    }

    public static IncidentFixture incident(String id) {
        return new IncidentFixture(id);
    }

    /** The stored incident with whatever a test sets, as its next version (any state, unlike the incident's own steps). */
    public static IncidentFixture edited(Incident incident) {
        return new IncidentFixture(incident);
    }

    public static FollowUpFixture followUp(String id) {
        return new FollowUpFixture(id);
    }

    /** An incident with every field and collection filled, for round trips through a store. */
    public static Incident fullIncident(String id) {
        return incident(id)
                .status(IncidentStatus.ACKNOWLEDGED)
                .level(1)
                .type(IncidentType.MEDICAL)
                .message("父亲在家摔倒，起不来")
                .location(new Place("杭州市西湖区文三路 1 号", 30.2741, 120.1551))
                .reporter(new Reporter(phone(901), "王建国", Channel.SMS, true))
                .language(Language.EN)
                .createdAt(T0)
                .acknowledgedAt(T0.plusSeconds(95))
                .nextEscalationAt(T0.plusSeconds(480))
                .escalations(1)
                .repeats(0)
                .area("杭州市", "西湖区")
                .surge(true)
                .alert(new Alert("v-1", RecipientKind.VOLUNTEER, "李娜", phone(911), Language.ZH_CN, 0,
                        T0.plusSeconds(2), AlertStatus.ACCEPTED, "msg-1", null, 1, null, false))
                .alert(new Alert("v-2", RecipientKind.VOLUNTEER, "Tom", phone(912), Language.EN, 0,
                        T0.plusSeconds(2), AlertStatus.FAILED, null, "unreachable", 3, T0.plusSeconds(600), false))
                .alert(new Alert("l-1", RecipientKind.LEADER, "张主席", phone(913), Language.ZH_CN, 1,
                        T0.plusSeconds(183), AlertStatus.SENT, "msg-3", null, 1, null, false))
                .responder(new Responder("v-1", "李娜", phone(911), T0.plusSeconds(95), T0.plusSeconds(900),
                        T0.plusSeconds(700)))
                .note(new TimelineEntry(T0, "opened", "由家属短信发起", "+8613800000901"))
                .note(new TimelineEntry(T0.plusSeconds(95), "accepted", "李娜 accepted", "v-1"))
                .note(new TimelineEntry(T0.plusMillis(180_250), "escalated", "升级到第1级", "system",
                        T0.plusSeconds(180)))
                .build();
    }

    /** A member with family contacts, a home area and a location. */
    public static Member fullMember(String id) {
        return member(id)
                .name("王小明")
                .unit("第三分会")
                .home("杭州", "西湖区")
                .address("文三路 1 号 3 幢 201")
                .at(30.2741, 120.1551)
                .family("王建国", "父亲", phone(901))
                .family("陈秀英", "母亲", phone(902))
                .language(Language.ZH_CN)
                .build();
    }

    public static FollowUp fullFollowUp(String id) {
        return followUp(id)
                .incident("inc-1", "m-1")
                .kind(FollowUpKind.ASSISTANCE)
                .due(LocalDate.of(2026, 3, 9))
                .done(LocalDate.of(2026, 3, 8))
                .visitors("张主席", "李娜")
                .notes("送去慰问金")
                .amount(new BigDecimal("1200.50"))
                .status(FollowUpStatus.DONE)
                .build();
    }

    /**
     * What the builders of people set alike: name, phone (unique unless told), language, when they were registered and
     * the stored version. {@code F} is the builder itself, so a chain keeps its own setters.
     */
    public abstract static class PersonFixture<F extends PersonFixture<F>> {
        final String id;
        String name;
        String phone = freshPhone();
        Language language = Language.ZH_CN;
        Instant createdAt = T0;
        long version = 1;

        PersonFixture(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public F name(String value) {
            name = value;
            return self();
        }

        public F phone(String value) {
            phone = value;
            return self();
        }

        public F language(Language value) {
            language = value;
            return self();
        }

        public F createdAt(Instant value) {
            createdAt = value;
            return self();
        }

        /** The stored version it is (1, as first stored, unless told): an update of it names the next. */
        public F version(long value) {
            version = value;
            return self();
        }

        @SuppressWarnings("unchecked")
        private F self() {
            return (F) this;
        }
    }

    public static final class MemberFixture extends PersonFixture<MemberFixture> {
        private String unit = "第一分会";
        private Area homeArea = new Area("杭州", "西湖区");
        private String homeAddress = "文三路 100 号";
        private GeoPoint location;
        private final List<FamilyContact> family = new ArrayList<>();

        private MemberFixture(String id) {
            super(id, "Member " + id);
        }

        public MemberFixture unit(String value) {
            unit = value;
            return this;
        }

        public MemberFixture home(String city, String district) {
            homeArea = new Area(city, district);
            return this;
        }

        public MemberFixture address(String value) {
            homeAddress = value;
            return this;
        }

        public MemberFixture at(double lat, double lon) {
            location = new GeoPoint(lat, lon);
            return this;
        }

        public MemberFixture family(String contactName, String relation, String contactPhone) {
            family.add(new FamilyContact(contactName, relation, contactPhone));
            return this;
        }

        public Member build() {
            return new Member(id, name, phone, unit, homeArea, homeAddress, location, family, language, createdAt,
                    createdAt, version);
        }
    }

    public static final class VolunteerFixture extends PersonFixture<VolunteerFixture> {
        private Area area = new Area("杭州", "西湖区");
        private GeoPoint location;
        private List<String> skills = List.of("first-aid");
        private boolean onDuty = true;
        private int maxActive = Volunteer.DEFAULT_MAX_ACTIVE;

        private VolunteerFixture(String id) {
            super(id, "Volunteer " + id);
        }

        public VolunteerFixture area(String city, String district) {
            area = new Area(city, district);
            return this;
        }

        public VolunteerFixture at(double lat, double lon) {
            location = new GeoPoint(lat, lon);
            return this;
        }

        public VolunteerFixture skills(String... values) {
            skills = List.of(values);
            return this;
        }

        public VolunteerFixture onDuty(boolean value) {
            onDuty = value;
            return this;
        }

        public VolunteerFixture maxActive(int value) {
            maxActive = value;
            return this;
        }

        public Volunteer build() {
            return new Volunteer(id, name, phone, area, location, skills, onDuty, maxActive, language, createdAt,
                    createdAt, null, version);
        }
    }

    public static final class LeaderFixture extends PersonFixture<LeaderFixture> {
        private String email;
        private String title = "工会主席";
        private int level = 1;

        private LeaderFixture(String id) {
            super(id, "Leader " + id);
        }

        public LeaderFixture email(String value) {
            email = value;
            return this;
        }

        public LeaderFixture title(String value) {
            title = value;
            return this;
        }

        public LeaderFixture level(int value) {
            level = value;
            return this;
        }

        public Leader build() {
            return new Leader(id, name, phone, email, title, level, language, createdAt, createdAt, version);
        }
    }

    /**
     * Builds a new (version 0) incident, open at level 0 with the default policy unless told otherwise.
     * Unless set, an active incident's deadline is its first timeout after creation, and a closed one has
     * none but a close time an hour after creation. {@link Fixtures#edited} starts from a stored incident instead:
     * any field may be set, and the result is its next version.
     */
    public static final class IncidentFixture {
        private String id;
        private String code;
        private IncidentStatus status = IncidentStatus.OPEN;
        private int level;
        private String memberId = "m-1";
        private IncidentType type = IncidentType.MEDICAL;
        private String message = "需要帮助";
        private Place location;
        private Reporter reporter = new Reporter(phone(901), null, Channel.HTTP, true);
        private Language language = Language.ZH_CN;
        private Instant createdAt = T0;
        private Instant acknowledgedAt;
        private Instant resolvedAt;
        private Instant closedAt;
        private String outcome;
        private Instant nextEscalationAt;
        private EscalationPolicy policy = EscalationPolicy.DEFAULT;
        private int escalations;
        private int repeats;
        private boolean exhausted;
        private Area area;
        private boolean surge;
        private final List<Alert> alerts = new ArrayList<>();
        private final List<Responder> responders = new ArrayList<>();
        private final List<TimelineEntry> timeline = new ArrayList<>();
        private long version;
        private boolean deadlineSet;

        private IncidentFixture(String id) {
            this.id = id;
            this.code = String.format("%04d", CODES.incrementAndGet() % 10_000);
        }

        private IncidentFixture(Incident i) {
            id = i.id();
            code = i.code();
            status = i.status();
            level = i.level();
            memberId = i.memberId();
            type = i.type();
            message = i.message();
            location = i.location();
            reporter = i.reporter();
            language = i.language();
            createdAt = i.createdAt();
            acknowledgedAt = i.acknowledgedAt();
            resolvedAt = i.resolvedAt();
            closedAt = i.closedAt();
            outcome = i.outcome();
            nextEscalationAt = i.nextEscalationAt();
            policy = i.policy();
            escalations = i.escalations();
            repeats = i.repeats();
            exhausted = i.exhausted();
            alerts.addAll(i.alerts());
            responders.addAll(i.responders());
            timeline.addAll(i.timeline());
            version = i.version() + 1;
            deadlineSet = true;
        }

        public IncidentFixture code(String value) {
            code = value;
            return this;
        }

        public IncidentFixture status(IncidentStatus value) {
            status = value;
            return this;
        }

        public IncidentFixture level(int value) {
            level = value;
            return this;
        }

        public IncidentFixture member(String value) {
            memberId = value;
            return this;
        }

        public IncidentFixture type(IncidentType value) {
            type = value;
            return this;
        }

        public IncidentFixture message(String value) {
            message = value;
            return this;
        }

        public IncidentFixture location(Place value) {
            location = value;
            return this;
        }

        public IncidentFixture reporter(Reporter value) {
            reporter = value;
            return this;
        }

        public IncidentFixture language(Language value) {
            language = value;
            return this;
        }

        public IncidentFixture createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public IncidentFixture acknowledgedAt(Instant value) {
            acknowledgedAt = value;
            return this;
        }

        public IncidentFixture resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        public IncidentFixture closedAt(Instant value) {
            closedAt = value;
            return this;
        }

        public IncidentFixture nextEscalationAt(Instant value) {
            nextEscalationAt = value;
            deadlineSet = true;
            return this;
        }

        public IncidentFixture outcome(String value) {
            outcome = value;
            return this;
        }

        public IncidentFixture policy(EscalationPolicy value) {
            policy = value;
            return this;
        }

        public IncidentFixture escalations(int value) {
            escalations = value;
            return this;
        }

        public IncidentFixture repeats(int value) {
            repeats = value;
            return this;
        }

        public IncidentFixture exhausted(boolean value) {
            exhausted = value;
            return this;
        }

        public IncidentFixture alert(Alert value) {
            alerts.add(value);
            return this;
        }

        public IncidentFixture responder(Responder value) {
            responders.add(value);
            return this;
        }

        public IncidentFixture area(String city, String district) {
            area = new Area(city, district);
            return this;
        }

        public IncidentFixture surge(boolean value) {
            surge = value;
            return this;
        }

        public IncidentFixture note(TimelineEntry value) {
            timeline.add(value);
            return this;
        }

        public Incident build() {
            if (!deadlineSet) {
                int firstTimeout = policy == null || policy.levels().isEmpty() ? 180 : policy.level(0).timeoutSeconds();
                nextEscalationAt = status.active() ? createdAt.plusSeconds(firstTimeout) : null;
            }
            if (!status.active() && closedAt == null) closedAt = createdAt.plusSeconds(3600);
            if (status == IncidentStatus.RESOLVED && resolvedAt == null) resolvedAt = closedAt;
            return new Incident(id, code, status, level, memberId, type, message, location, reporter, language,
                    createdAt, acknowledgedAt, resolvedAt, closedAt, outcome, nextEscalationAt, policy, escalations,
                    repeats, exhausted, area, surge, alerts, responders, timeline, version);
        }
    }

    public static final class FollowUpFixture {
        private final String id;
        private String incidentId = "inc-1";
        private String memberId = "m-1";
        private FollowUpKind kind = FollowUpKind.VISIT;
        private LocalDate dueDate = LocalDate.of(2026, 3, 9);
        private LocalDate doneDate;
        private List<String> visitors = List.of();
        private String notes;
        private BigDecimal amount;
        private FollowUpStatus status = FollowUpStatus.PLANNED;
        private Instant createdAt = T0;
        private long version = 1;

        private FollowUpFixture(String id) {
            this.id = id;
        }

        public FollowUpFixture incident(String incident, String member) {
            incidentId = incident;
            memberId = member;
            return this;
        }

        public FollowUpFixture kind(FollowUpKind value) {
            kind = value;
            return this;
        }

        public FollowUpFixture due(LocalDate value) {
            dueDate = value;
            return this;
        }

        public FollowUpFixture done(LocalDate value) {
            doneDate = value;
            return this;
        }

        public FollowUpFixture visitors(String... names) {
            visitors = List.of(names);
            return this;
        }

        public FollowUpFixture notes(String value) {
            notes = value;
            return this;
        }

        public FollowUpFixture amount(BigDecimal value) {
            amount = value;
            return this;
        }

        public FollowUpFixture status(FollowUpStatus value) {
            status = value;
            return this;
        }

        public FollowUpFixture createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /** The stored version it is (1, as first stored, unless told): a replacement of it names the next. */
        public FollowUpFixture version(long value) {
            version = value;
            return this;
        }

        public FollowUp build() {
            return new FollowUp(id, incidentId, memberId, kind, dueDate, doneDate, visitors, notes, amount, status,
                    createdAt, createdAt, null, null, null, null, version);
        }
    }
}
