package huzhu.core.care;

import huzhu.core.ServiceConfig;
import huzhu.core.care.ApplicationService.ApplicationInput;
import huzhu.core.care.ContactRequestService.ContactRequestInput;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Member;
import huzhu.core.error.Invalid;
import huzhu.core.incident.TriggerService;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.IdempotencyStore.Reservation;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.RateLimiter;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the member's personal link opens besides the help button: the union's recent notices, the operation guide for
 * assistance, applying for it and following each application's steps, and asking to change the family contacts.
 * The link is the only credential, and it is forwarded (a family group chat, a neighbour's phone), so everything here
 * is what a stranger holding it may see: no address, nobody's phone (a contact change shows only the last four digits
 * of the phone it asks for), names of the family shortened to their first character, no amounts, reasons or officers'
 * notes of an application (those go by SMS to the phones on file). An application is the union's to decide, and a
 * contact change an officer's to make: the link asks, it changes nothing by itself.
 * <p>
 * Limits: each source address may make {@link #PER_ADDRESS} reads (apart from the help button's own allowance, so
 * reading the page never uses up the alarm), and a link may send {@link #WRITES_PER_LINK} applications and
 * contact changes a day (a form refused for its mistakes counts for nothing).
 */
public final class MemberPageService {
    public static final RateLimiter.Limit PER_ADDRESS = new RateLimiter.Limit("member-page-ip", 30, Duration.ofMinutes(10));
    public static final RateLimiter.Limit WRITES_PER_LINK = new RateLimiter.Limit("member-page-write", 5,
            Duration.ofDays(1));
    static final int NOTICES = 10;
    static final Duration NOTICES_SINCE = Duration.ofDays(180);
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final TriggerService links;
    private final NoticeStore notices;
    private final ApplicationService applications;
    private final GuideService guide;
    private final ContactRequestService contacts;
    private final IdempotencyStore idempotency;
    private final RateLimiter limiter;
    private final Clock clock;
    private final huzhu.core.kernel.Ids ids;

    public MemberPageService(TriggerService links, NoticeStore notices, ApplicationService applications,
            GuideService guide, ContactRequestService contacts, IdempotencyStore idempotency, RateLimiter limiter,
            Clock clock, huzhu.core.kernel.Ids ids) {
        this.links = links;
        this.notices = notices;
        this.applications = applications;
        this.guide = guide;
        this.contacts = contacts;
        this.idempotency = idempotency;
        this.limiter = limiter;
        this.clock = clock;
        this.ids = ids;
    }

    public record PageNotice(String id, String title, String text, Instant sentAt) {
    }

    /** One step: what, when, and who handled it (an officer's name; none for the submission). */
    public record PageStep(String status, Instant at, String by) {
    }

    public record PageApplication(String id, String kind, String status, Instant submittedAt, List<String> documents,
            List<PageStep> steps) {
    }

    /** {@code index}: what a change or removal names as {@code contact}. */
    public record PageContact(int index, String relation, String name) {
    }

    /** {@code phoneEnding}: the last four digits of the phone asked for, nothing more. */
    public record PageContactRequest(String id, String action, String relation, String name, String phoneEnding,
            String status, Instant createdAt, Instant decidedAt, String decidedBy) {
    }

    public record PageContacts(List<PageContact> contacts, List<PageContactRequest> requests) {
    }

    /** What the page asks for: a kind of the guide, why, how much, the documents ready, who asks. */
    public record ApplyInput(String kind, String reason, BigDecimal amountRequested, List<String> documents,
            String applicantName, String applicantPhone) {
    }

    /** The union's notices to every member, to the member's unit, or to families, of the last half year, newest first. */
    public List<PageNotice> notices(String token, String sourceIp) {
        Member member = holder(token, sourceIp);
        Instant since = clock.instant().minus(NOTICES_SINCE);
        List<PageNotice> out = new ArrayList<>();
        String cursor = null;
        // notices are few (a union sends some a month): a few pages always reach back half a year
        for (int page = 0; page < 5 && out.size() < NOTICES; page++) {
            var read = notices.list(new PageRequest(cursor, PageRequest.MAX_LIMIT));
            for (Notice n : read.items()) {
                if (n.createdAt().isBefore(since)) return out;
                if (out.size() < NOTICES && readable(n, member)) {
                    out.add(new PageNotice(n.id(), n.title(), n.text(),
                            n.sendStartedAt() != null ? n.sendStartedAt() : n.createdAt()));
                }
            }
            cursor = read.nextCursor();
            if (cursor == null) break;
        }
        return out;
    }

    public AssistanceGuide guide(String token, String sourceIp) {
        Member member = holder(token, sourceIp);
        AssistanceGuide g = guide.guide(member.language());
        // who last edited it is the officers' business
        return new AssistanceGuide(g.kinds(), g.steps(), g.note(), null, null);
    }

    public List<PageApplication> applications(String token, String sourceIp) {
        Member member = holder(token, sourceIp);
        return applications.list(null, member.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .map(MemberPageService::onPage).toList();
    }

    /**
     * Submits an application for the link's member, following the guide: its kind must be one the guide offers. The
     * applicant's phone is kept (and told of each step) only when it is the member's or a family contact's on file.
     * A repeat with the same {@code Idempotency-Key} returns the first and submits nothing.
     */
    public PageApplication apply(String token, ApplyInput input, String idempotencyKey, String sourceIp) {
        Member member = holder(token, sourceIp);
        ApplyInput in = input == null ? new ApplyInput(null, null, null, null, null, null) : input;
        Validation v = new Validation();
        String name = v.text("applicantName", in.applicantName(), DirectoryService.MAX_NAME, true);
        String phone = v.phone("applicantPhone", in.applicantPhone(), false);
        v.idempotencyKey(idempotencyKey, 200);
        if (!Text.blank(in.kind()) && guide.guide(member.language()).kinds().stream()
                .noneMatch(k -> k.kind().equalsIgnoreCase(in.kind().strip()))) {
            v.problem("kind", "invalid.application.kind");
        }
        v.throwIfAny();
        String key = Text.blank(idempotencyKey) ? null
                : "member-apply:" + Hashes.sha256(token) + ":" + Hashes.sha256(idempotencyKey);
        String id = ids.newId();
        if (key != null) {
            Reservation reserved = IdempotencyStore.reserve(idempotency, key, id, IDEMPOTENCY_WINDOW, clock.instant());
            id = reserved.id();
            if (reserved.repeat()) {
                Optional<AssistanceApplication> done = applicationIfAny(id);
                if (done.isPresent()) return onPage(done.get());
            }
        }
        ApplicationInput application = new ApplicationInput(member.id(), in.kind(), in.reason(), in.amountRequested(),
                in.documents());
        // a form sent back for its mistakes uses up nothing of the link's allowance
        applications.validate(application);
        limiter.acquire(WRITES_PER_LINK, Hashes.sha256(token));
        boolean onFile = phone != null && (phone.equals(member.phone()) || member.hasFamilyPhone(phone));
        AssistanceApplication a = applications.create(id, application, new Actor("link:" + member.id(), name),
                new AssistanceApplication.Applicant(name, onFile ? phone : null, "link"));
        return onPage(a);
    }

    public PageContacts contacts(String token, String sourceIp) {
        Member member = holder(token, sourceIp);
        List<PageContact> current = new ArrayList<>();
        for (int i = 0; i < member.familyContacts().size(); i++) {
            FamilyContact c = member.familyContacts().get(i);
            current.add(new PageContact(i, c.relation(), initial(c.name())));
        }
        return new PageContacts(current, contacts.ofMember(member.id()).stream().map(MemberPageService::onPage).toList());
    }

    public PageContactRequest askContactChange(String token, ContactRequestInput input, String sourceIp) {
        Member member = holder(token, sourceIp);
        if (input == null) throw Invalid.of("action", "invalid.required");
        return onPage(contacts.ask(member, input, () -> limiter.acquire(WRITES_PER_LINK, Hashes.sha256(token))));
    }

    private Member holder(String token, String sourceIp) {
        limiter.acquire(PER_ADDRESS, sourceIp);
        return links.memberFor(token);
    }

    private Optional<AssistanceApplication> applicationIfAny(String id) {
        try {
            return Optional.of(applications.get(id));
        } catch (huzhu.core.error.NotFound notYet) {
            return Optional.empty();
        }
    }

    /** Sent (or being sent) to every member, to this member's unit, or to every family. */
    private static boolean readable(Notice n, Member member) {
        if (n.status() != NoticeStatus.SENDING && n.status() != NoticeStatus.SENT) return false;
        return switch (n.audience().kind()) {
            case ALL_MEMBERS, FAMILY_CONTACTS -> true;
            case UNIT -> member.unit() != null && n.audience().unit() != null
                    && member.unit().strip().equalsIgnoreCase(n.audience().unit().strip());
            case VOLUNTEERS, LEADERS -> false;
        };
    }

    private static PageApplication onPage(AssistanceApplication a) {
        List<PageStep> steps = a.steps().stream().map(s -> new PageStep(s.status().wire(), s.at(),
                s.status() == ApplicationStatus.SUBMITTED ? null : s.actorName())).toList();
        return new PageApplication(a.id(), a.kind().wire(), a.status().wire(), a.submittedAt(), a.documents(), steps);
    }

    private static PageContactRequest onPage(ContactRequest r) {
        return new PageContactRequest(r.id(), r.action().wire(), r.relation(), initial(r.name()),
                r.phone() == null ? null : r.phone().substring(Math.max(0, r.phone().length() - 4)), r.status().wire(),
                r.createdAt(), r.decidedAt(),
                r.decidedBy());
    }

    /** 王德福 → 王**: enough for the family to know whom it means, little for anyone else. */
    static String initial(String name) {
        if (Text.blank(name)) return "";
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }
}
