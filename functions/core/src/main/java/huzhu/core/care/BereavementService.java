package huzhu.core.care;

import huzhu.core.care.ApplicationService.ApplicationInput;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.error.NotFound;
import huzhu.core.incident.BereavementReports;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.TimelineText;
import huzhu.core.incident.Urgency;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.Texting;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A death in a member's family (白事): not an emergency alert, but urgent. An officer records it at the console, or
 * the family tells the union by SMS (recognised by {@link BereavementWords}); no volunteer is alerted, both levels of
 * union leaders are told at once (see {@link Dispatcher#recordBereavement}), and a checklist of follow-ups is opened,
 * each with its owner and due date: help with the arrangements (today), a condolence visit (tomorrow), and the
 * condolence payment as an assistance application (the guide's standard amount unless the officer gives one) with
 * its follow-up (in three days). Every id comes from the death's record, so a retried request opens nothing twice.
 */
public final class BereavementService implements BereavementReports {
    static final ZoneId UNION_TIME = ZoneId.of("Asia/Shanghai");
    static final int MAX_MESSAGE = 500;
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** The checklist's tasks, as their follow-ups and the timeline name them. */
    private static final String TASK_ARRANGEMENTS = "bereavement.task.arrangements";
    private static final String TASK_VISIT = "bereavement.task.visit";
    private static final String TASK_PAYMENT = "bereavement.task.payment";

    private final Dispatcher dispatcher;
    private final DirectoryStore directory;
    private final FollowUpService followUps;
    private final FollowUpStore followUpStore;
    private final ApplicationService applications;
    private final GuideService guide;
    private final Texting texting;
    private final Language unionLanguage;
    private final IdempotencyStore idempotency;
    private final Ids ids;
    private final Clock clock;

    public BereavementService(Dispatcher dispatcher, DirectoryStore directory,
            FollowUpService followUps, FollowUpStore followUpStore, ApplicationService applications, GuideService guide,
            Texting texting, IdempotencyStore idempotency, Ids ids, Clock clock) {
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.followUps = followUps;
        this.followUpStore = followUpStore;
        this.applications = applications;
        this.guide = guide;
        this.texting = texting;
        this.unionLanguage = texting.unionLanguage();
        this.idempotency = idempotency;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * What an officer records: whose family, who died ({@code relation}, {@code deceasedName}), a note, and the
     * checklist's owners and condolence amount (each optional: the officer recording it, the guide's standard).
     */
    public record BereavementInput(String memberId, String relation, String deceasedName, String message,
            String visitOwner, String paymentOwner, String arrangementsOwner, BigDecimal condolenceAmount) {
    }

    /** The death as recorded, its checklist, and the condolence application (null when no amount was known). */
    public record Recorded(Incident incident, List<FollowUp> checklist, AssistanceApplication application) {
    }

    public Recorded record(BereavementInput input, Actor actor) {
        return record(input, actor, null);
    }

    /**
     * As {@link #record(BereavementInput, Actor)}; a repeat with the same {@code idempotencyKey} (already scoped to
     * the caller) within 24 h returns the first record, and tells nobody again.
     */
    public Recorded record(BereavementInput input, Actor actor, String idempotencyKey) {
        BereavementInput in = input == null ? new BereavementInput(null, null, null, null, null, null, null, null)
                : input;
        Validation v = new Validation();
        String memberId = v.text("memberId", in.memberId(), 100, true);
        String relation = v.text("relation", in.relation(), ContactRequestService.MAX_RELATION, false);
        String deceased = v.text("deceasedName", in.deceasedName(), DirectoryService.MAX_NAME, false);
        String message = v.text("message", in.message(), MAX_MESSAGE, false);
        String visitOwner = v.text("visitOwner", in.visitOwner(), DirectoryService.MAX_NAME, false);
        String paymentOwner = v.text("paymentOwner", in.paymentOwner(), DirectoryService.MAX_NAME, false);
        String arrangementsOwner = v.text("arrangementsOwner", in.arrangementsOwner(), DirectoryService.MAX_NAME, false);
        if (in.condolenceAmount() != null) v.range("condolenceAmount", in.condolenceAmount(), 0.01, 10_000_000);
        v.idempotencyKey(idempotencyKey, 300);
        v.throwIfAny();
        Member member = directory.members().get(memberId).orElseThrow(() -> new NotFound("member"));
        String incidentId = null;
        if (!Text.blank(idempotencyKey)) {
            // the death's id, reserved by the first request: a repeat records under it, which finds it recorded
            incidentId = IdempotencyStore.reserve(idempotency, "console-bereavement:" + idempotencyKey, ids.newId(), IDEMPOTENCY_WINDOW,
                    clock.instant()).id();
        }
        String who = who(relation, deceased);
        Incident incident = dispatcher.recordBereavement(new Dispatcher.NewIncident(incidentId, member.id(),
                IncidentType.BEREAVEMENT, message, null, new Reporter(null, actor.name(), Channel.CONSOLE, true),
                member.language()), who, actor.name());
        String owner = actor.name();
        return checklist(incident, member, who, new Owners(orElse(arrangementsOwner, owner),
                orElse(visitOwner, owner), orElse(paymentOwner, owner)), in.condolenceAmount(), actor, null);
    }

    /** The death's checklist as it stands (its follow-ups, by due date). */
    public List<FollowUp> checklist(String incidentId) {
        return followUpStore.forIncident(incidentId);
    }

    @Override
    public boolean tellsOfADeath(String body) {
        return BereavementWords.reportsADeath(body);
    }

    @Override
    public boolean take(String from, String body, Member member, String incidentId, List<Incident> active,
            Instant now) {
        if (Text.blank(body)) return false;
        Optional<Incident> recorded = active.stream()
                .filter(i -> member.id().equals(i.memberId()) && i.type() == IncidentType.BEREAVEMENT)
                .max(Comparator.comparing(Incident::createdAt));
        boolean death = BereavementWords.reportsADeath(body);
        if (recorded.isPresent() && !recorded.get().id().equals(incidentId)
                && (death || !Urgency.mightBeEmergency(body))) {
            // the family's further words go to the death already recorded, for the officers
            dispatcher.relay(recorded.get().id(), body, from);
            reply(from, recorded.get(), member.language(), "bereavement.noted");
            return true;
        }
        if (!death) return false;
        String name = member.phone().equals(from) ? member.name() : member.familyContacts().stream()
                .filter(c -> from.equals(c.phone())).map(FamilyContact::name).findFirst().orElse(null);
        String who = who(BereavementWords.relation(body).orElse(null), null);
        Actor actor = new Actor("sms:" + from, name == null ? from : name);
        Incident incident = dispatcher.recordBereavement(new Dispatcher.NewIncident(incidentId, member.id(),
                IncidentType.BEREAVEMENT, Text.shorten(body, MAX_MESSAGE), null,
                new Reporter(from, name, Channel.SMS, true), member.language()), who, actor.name());
        String owner = officeOwner();
        checklist(incident, member, who, new Owners(owner, owner, owner), null, actor,
                new AssistanceApplication.Applicant(name, from, "bereavement"));
        Set<String> told = new LinkedHashSet<>(List.of(from, member.phone()));
        for (String phone : told) reply(phone, incident, member.language(), "bereavement.received");
        return true;
    }

    private record Owners(String arrangements, String visit, String payment) {
    }

    private Recorded checklist(Incident incident, Member member, String who, Owners owners, BigDecimal amount,
            Actor actor, AssistanceApplication.Applicant applicant) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), UNION_TIME);
        Instant now = clock.instant();
        String base = incident.id();
        BigDecimal condolence = amount != null ? amount : guide.guide(unionLanguage).kind(ApplicationKind.BEREAVEMENT)
                .map(AssistanceGuide.Kind::standardAmount).orElse(null);
        AssistanceApplication application = null;
        if (condolence != null) {
            application = applications.create(base + "-condolence", new ApplicationInput(member.id(),
                    ApplicationKind.BEREAVEMENT.wire(), text("bereavement.reason", Map.of("member", member.name(),
                            "who", who)), condolence, List.of()), actor,
                    applicant != null ? applicant : new AssistanceApplication.Applicant(actor.name(), null, "bereavement"));
        }
        FollowUp arrangements = followUp(base + "-arrangements", incident, FollowUpKind.BEREAVEMENT, today,
                text(TASK_ARRANGEMENTS, Map.of()), owners.arrangements(), null, now);
        FollowUp visit = followUp(base + "-visit", incident, FollowUpKind.VISIT, today.plusDays(1),
                text(TASK_VISIT, Map.of()), owners.visit(), null, now);
        FollowUp payment = followUp(base + "-payment", incident, FollowUpKind.ASSISTANCE, today.plusDays(3),
                text(TASK_PAYMENT, Map.of()), owners.payment(),
                application == null ? null : application.id(), now);
        List<FollowUp> planned = List.of(arrangements, visit, payment);
        boolean opened = false;
        for (FollowUp f : planned) opened |= followUps.plan(f);
        if (opened) {
            dispatcher.addNote(incident.id(), checklistLine(arrangements, visit, payment), "system");
            JsonLog.info("bereavement.checklist", "incidentId", incident.id(), "followUps", planned.size(),
                    "application", application != null);
        }
        return new Recorded(incident, checklist(incident.id()), application);
    }

    /** The checklist's line on the death's timeline, in every language (the console shows the reader's). */
    private TimelineText checklistLine(FollowUp arrangements, FollowUp visit, FollowUp payment) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language lang : Language.values()) {
            texts.put(lang.wire(), Messages.text(lang, "timeline.bereavement.checklist", Map.of(
                    "arrangements", task(lang, TASK_ARRANGEMENTS, arrangements),
                    "visit", task(lang, TASK_VISIT, visit),
                    "payment", task(lang, TASK_PAYMENT, payment))));
        }
        return new TimelineText(texts.get(unionLanguage.wire()), texts);
    }

    private static String task(Language lang, String taskKey, FollowUp f) {
        return Messages.text(lang, "timeline.bereavement.task", Map.of("task", Messages.text(lang, taskKey),
                "owner", f.owner(), "due", f.dueDate()));
    }

    private FollowUp followUp(String id, Incident incident, FollowUpKind kind, LocalDate due, String task, String owner,
            String applicationId, Instant now) {
        return new FollowUp(id, incident.id(), incident.memberId(), kind, due, null, List.of(), null, null,
                FollowUpStatus.PLANNED, now, now, task, owner, null, applicationId);
    }

    /** Who sees to a death reported by SMS: the first officer (a level-1 leader), else the union office. */
    private String officeOwner() {
        return directory.leadersAtLevel(1).stream().map(Leader::name).sorted().findFirst()
                .orElseGet(() -> text("bereavement.owner.office", Map.of()));
    }

    private String who(String relation, String name) {
        String who = ((relation == null ? "" : relation) + (name == null ? "" : " " + name)).strip();
        return who.isEmpty() ? text("bereavement.relative", Map.of()) : who;
    }

    private String text(String key, Map<String, ?> args) {
        return Messages.text(unionLanguage, key, args);
    }

    private void reply(String to, Incident incident, Language lang, String key) {
        texting.send(to, lang, key, Map.of("code", incident.code()), incident.id());
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
