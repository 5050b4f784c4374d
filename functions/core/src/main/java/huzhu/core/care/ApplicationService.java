package huzhu.core.care;

import huzhu.core.kernel.AlreadyExists;
import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.error.Conflict;
import huzhu.core.error.Forbidden;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Months;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Decision;
import huzhu.core.kernel.Wire;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.Texting;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Assistance applications (帮扶申请) as the union's operation guide runs them: an officer records one for a member
 * (or the member or their family asks on the member's own page), then it is reviewed, approved or rejected, and an
 * approved one is paid — each step with who and when, and the applicant told of each by SMS (the member, and the
 * family contact who asked). A step out of order is refused (409, saying where the application stands and what the
 * steps are); two officers deciding at the same moment cannot both win, the second is told the application moved on.
 * Money needs a second pair of eyes: whoever submitted or reviewed an application cannot approve it, whoever
 * submitted it cannot pay it (403); an admin may, and the audit log then records that the rule was waived.
 */
public final class ApplicationService {
    static final int MAX_REASON = 2000;
    static final int MAX_NOTE = 1000;
    static final int MAX_DOCUMENTS = 20;
    static final int MAX_DOCUMENT = 500;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
    private static final int ATTEMPTS = 5;

    private final ApplicationStore applications;
    private final DirectoryStore directory;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;
    private final Texting texting;

    public ApplicationService(ApplicationStore applications, DirectoryStore directory, Clock clock, Ids ids,
            AuditService audit, Texting texting) {
        this.applications = applications;
        this.directory = directory;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.texting = texting;
    }

    /** {@code documents}: what was handed in, as text or links (a scan in the union's drive, "病历复印件 3 页"). */
    public record ApplicationInput(String memberId, String kind, String reason, BigDecimal amountRequested,
            List<String> documents) {
    }

    /** A step's note (required to reject: the member is owed a reason) and, to approve or pay, an amount. */
    public record StepInput(String note, BigDecimal amount) {
    }

    /** One month of applications: each measure counted in the month its step was taken (UTC). */
    public record Month(String month, int submitted, BigDecimal requested, int reviewed, int approved,
            BigDecimal approvedAmount, int rejected, int paid, BigDecimal paidAmount) {
    }

    /** The report: every month of the period (quiet ones too), and the totals. */
    public record Report(Instant from, Instant to, List<Month> months, Month total, Map<String, Integer> byKind) {
    }

    // ---------------------------------------------------------------- writing

    public AssistanceApplication create(ApplicationInput input, Actor actor) {
        return create(null, input, actor, null);
    }

    /**
     * A new application, submitted; {@code id} null for a new one (else, a retried request's: the one stored is
     * returned); {@code applicant} null when an officer keys it in. The member (and the applicant, at a phone on
     * file) is told it was received.
     */
    public AssistanceApplication create(String id, ApplicationInput input, Actor actor,
            AssistanceApplication.Applicant applicant) {
        ApplicationInput in = input == null ? new ApplicationInput(null, null, null, null, null) : input;
        Validation v = new Validation();
        String memberId = v.text("memberId", in.memberId(), 100, true);
        Checked c = check(v, in);
        v.throwIfAny();
        Member member = directory.members().get(memberId).orElseThrow(() -> new NotFound("member"));
        if (id != null) {
            Optional<AssistanceApplication> existing = applications.get(id);
            if (existing.isPresent()) return existing.get();
        }
        Instant now = clock.instant();
        AssistanceApplication a = new AssistanceApplication(id != null ? id : ids.newId(), member.id(), member.name(),
                member.unit(), c.kind, c.reason, c.amount, null, c.documents, ApplicationStatus.SUBMITTED,
                List.of(new ApplicationStep(ApplicationStatus.SUBMITTED, now, actor.id(), actor.name(), null, c.amount)),
                now, now, 1, applicant);
        try {
            applications.insert(a);
        } catch (AlreadyExists exists) {
            if (id == null) throw exists;
            return applications.get(id).orElseThrow(() -> exists);
        }
        audit.record(actor, "create", "application", a.id(), a.memberName());
        tellApplicant(a, member, a.steps().get(0));
        return a;
    }

    /** The 422 {@link #create} would answer for this input, before anything is written or counted (or nothing). */
    void validate(ApplicationInput input) {
        ApplicationInput in = input == null ? new ApplicationInput(null, null, null, null, null) : input;
        Validation v = new Validation();
        v.text("memberId", in.memberId(), 100, true);
        check(v, in);
        v.throwIfAny();
    }

    /** While it is only submitted, an application can be corrected; once reviewed it is what was decided on. */
    public AssistanceApplication update(String id, ApplicationInput input, Actor actor) {
        return update(id, input, actor, BasedOn.ANY);
    }

    /** As {@link #update(String, ApplicationInput, Actor)}, if the stored one is still a version {@code basedOn} names. */
    public AssistanceApplication update(String id, ApplicationInput input, Actor actor, BasedOn basedOn) {
        ApplicationInput in = input == null ? new ApplicationInput(null, null, null, null, null) : input;
        Validation v = new Validation();
        Checked c = check(v, in);
        v.throwIfAny();
        AssistanceApplication updated = change(id, current -> {
            basedOn.require(current.version());
            if (current.status() != ApplicationStatus.SUBMITTED) {
                throw new Conflict("application_locked", "error.application.locked");
            }
            if (in.memberId() != null && !in.memberId().isBlank() && !in.memberId().strip().equals(current.memberId())) {
                throw Invalid.of("memberId", "invalid.choice");
            }
            return new AssistanceApplication(current.id(), current.memberId(), current.memberName(), current.unit(),
                    c.kind, c.reason, c.amount, null, c.documents, current.status(), current.steps(),
                    current.submittedAt(), clock.instant(), current.version() + 1, current.applicant());
        });
        audit.record(actor, "update", "application", id, updated.memberName());
        return updated;
    }

    public AssistanceApplication review(String id, StepInput input, Actor actor) {
        return step(id, ApplicationStatus.REVIEWED, input, actor);
    }

    /** {@code amount} defaults to the amount requested and may not exceed it. */
    public AssistanceApplication approve(String id, StepInput input, Actor actor) {
        return step(id, ApplicationStatus.APPROVED, input, actor);
    }

    /** A rejection needs its reason in the note. */
    public AssistanceApplication reject(String id, StepInput input, Actor actor) {
        return step(id, ApplicationStatus.REJECTED, input, actor);
    }

    /** Pays the approved amount; an {@code amount} given must be that amount. */
    public AssistanceApplication pay(String id, StepInput input, Actor actor) {
        return step(id, ApplicationStatus.PAID, input, actor);
    }

    private AssistanceApplication step(String id, ApplicationStatus to, StepInput input, Actor actor) {
        StepInput in = input == null ? new StepInput(null, null) : input;
        Validation v = new Validation();
        String note = typed(v, "note", in.note(), MAX_NOTE, to == ApplicationStatus.REJECTED);
        if (in.amount() != null) amount(v, "amount", in.amount());
        v.throwIfAny();
        boolean[] waived = {false};
        AssistanceApplication moved = change(id, current -> {
            if (!current.status().mayBecome(to)) throw refused(current.status(), to);
            waived[0] = secondPairOfEyes(current, to, actor);
            BigDecimal amount = null;
            BigDecimal approved = current.amountApproved();
            if (to == ApplicationStatus.APPROVED) {
                amount = in.amount() != null ? money(in.amount()) : current.amountRequested();
                if (amount.compareTo(current.amountRequested()) > 0) {
                    throw Invalid.of("amount", "invalid.application.overRequested");
                }
                approved = amount;
            } else if (to == ApplicationStatus.PAID) {
                if (in.amount() != null && in.amount().compareTo(current.amountApproved()) != 0) {
                    throw Invalid.of("amount", "invalid.application.paidAmount");
                }
                amount = current.amountApproved();
            }
            Instant now = clock.instant();
            List<ApplicationStep> steps = new ArrayList<>(current.steps());
            steps.add(new ApplicationStep(to, now, actor.id(), actor.name(), note, amount));
            return current.next(to, approved, steps, now);
        });
        audit.record(actor, switch (to) {
            case REVIEWED -> "review";
            case APPROVED -> "approve";
            case REJECTED -> "reject";
            case PAID -> "pay";
            case SUBMITTED -> "create";
        }, "application", id, moved.memberName());
        if (waived[0]) audit.record(actor, "four-eyes-waived", "application", id, moved.memberName(), List.of(to.wire()));
        tellApplicant(moved, directory.members().get(moved.memberId()).orElse(null), moved.steps().get(
                moved.steps().size() - 1));
        return moved;
    }

    /**
     * Refuses (403) approving by whoever submitted or reviewed the application and paying by whoever submitted it,
     * unless the actor is an admin: then it answers whether the rule was waived, for the audit log.
     */
    private static boolean secondPairOfEyes(AssistanceApplication current, ApplicationStatus to, Actor actor) {
        List<ApplicationStatus> earlier = switch (to) {
            case APPROVED -> List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.REVIEWED);
            case PAID -> List.of(ApplicationStatus.SUBMITTED);
            default -> List.of();
        };
        boolean tookPart = earlier.stream().anyMatch(s -> current.step(s)
                .map(step -> step.actorId() != null && step.actorId().equals(actor.id())).orElse(false));
        if (!tookPart) return false;
        if (actor.admin()) return true;
        throw new Forbidden("four_eyes", "error.application.fourEyes." + to.wire(), Map.of());
    }

    /**
     * Each step, by SMS, to the member and to the applicant who asked from a phone on file: what was decided, by
     * whom, and the amount. A failed SMS is logged; the step stands.
     */
    private void tellApplicant(AssistanceApplication a, Member member, ApplicationStep step) {
        // a condolence payment opened with a death's checklist: the family just had the union's condolences by SMS
        if (step.status() == ApplicationStatus.SUBMITTED && a.applicant() != null
                && "bereavement".equals(a.applicant().via())) {
            return;
        }
        Map<String, Language> to = new LinkedHashMap<>();
        if (member != null) to.put(member.phone(), member.language());
        if (a.applicant() != null && a.applicant().phone() != null) {
            to.putIfAbsent(a.applicant().phone(), member != null ? member.language() : Language.DEFAULT);
        }
        for (Map.Entry<String, Language> e : to.entrySet()) {
            Language lang = e.getValue();
            SendResult r = texting.send(e.getKey(), lang, "application." + step.status().wire(), Map.of(
                    "kind", Messages.text(lang, "application.kind." + a.kind().wire()),
                    "by", step.actorName() == null ? "" : step.actorName(),
                    "amount", step.amount() == null ? "" : step.amount().toPlainString(),
                    "note", step.note() == null ? "" : step.note()), null);
            if (!r.ok()) {
                JsonLog.warn("application.smsFailed", "applicationId", a.id(), "to", e.getKey(), "reason",
                        r.failureReason());
            }
        }
    }

    /** 409 saying which applications may take this step, and the steps in order, in both languages. */
    private static Conflict refused(ApplicationStatus from, ApplicationStatus to) {
        return new Conflict("application_transition", "error.application.transition." + to.wire(), Map.of(
                "from", from.wire(), "to", to.wire()));
    }

    // ---------------------------------------------------------------- reading

    public AssistanceApplication get(String id) {
        return applications.get(id).orElseThrow(() -> new NotFound("application"));
    }

    /** {@code memberId} narrows to one member (every status, newest first, one page). */
    public Page<AssistanceApplication> list(String status, String memberId, PageRequest page) {
        StatusFilter<ApplicationStatus> wanted = StatusFilter.parse(ApplicationStatus.class, status);
        if (!Text.blank(memberId)) {
            return new Page<>(applications.ofMember(memberId.strip()).stream().filter(a -> wanted.test(a.status()))
                    .toList(), null);
        }
        return applications.list(wanted, page);
    }

    /** Counts and amounts by month; {@code from}/{@code to} null: the last year up to now. */
    public Report report(Instant from, Instant to) {
        Instant end = to != null ? to : clock.instant().plusSeconds(1);
        Instant start = from != null ? from : end.minus(Duration.ofDays(365));
        if (!start.isBefore(end)) throw Invalid.of("from", "invalid.range");
        Map<String, Tally> months = new TreeMap<>();
        for (String m : Months.between(start, end)) months.put(m, new Tally());
        Tally total = new Tally();
        Map<String, Integer> byKind = new TreeMap<>();
        // steps can come months after the submission: every application submitted before the end is read
        for (AssistanceApplication a : applications.submittedBetween(null, end)) {
            if (!a.submittedAt().isBefore(start)) byKind.merge(a.kind().wire(), 1, Integer::sum);
            for (ApplicationStep s : a.steps()) {
                if (s.at().isBefore(start) || !s.at().isBefore(end)) continue;
                String month = Months.of(s.at());
                BigDecimal amount = s.status() == ApplicationStatus.SUBMITTED ? a.amountRequested() : s.amount();
                months.computeIfAbsent(month, k -> new Tally()).add(s.status(), amount);
                total.add(s.status(), amount);
            }
        }
        List<Month> out = new ArrayList<>();
        months.forEach((m, t) -> out.add(t.month(m)));
        return new Report(start, end, out, total.month("total"), byKind);
    }

    private static final class Tally {
        int submitted;
        int reviewed;
        int approved;
        int rejected;
        int paid;
        BigDecimal requested = BigDecimal.ZERO;
        BigDecimal approvedAmount = BigDecimal.ZERO;
        BigDecimal paidAmount = BigDecimal.ZERO;

        void add(ApplicationStatus status, BigDecimal amount) {
            BigDecimal a = amount == null ? BigDecimal.ZERO : amount;
            switch (status) {
                case SUBMITTED -> {
                    submitted++;
                    requested = requested.add(a);
                }
                case REVIEWED -> reviewed++;
                case APPROVED -> {
                    approved++;
                    approvedAmount = approvedAmount.add(a);
                }
                case REJECTED -> rejected++;
                case PAID -> {
                    paid++;
                    paidAmount = paidAmount.add(a);
                }
            }
        }

        Month month(String key) {
            return new Month(key, submitted, requested, reviewed, approved, approvedAmount, rejected, paid, paidAmount);
        }
    }

    // ---------------------------------------------------------------- rules

    private record Checked(ApplicationKind kind, String reason, BigDecimal amount, List<String> documents) {
    }

    private static Checked check(Validation v, ApplicationInput in) {
        ApplicationKind kind = null;
        if (Text.blank(in.kind())) v.problem("kind", "invalid.required");
        else if ((kind = Wire.parse(ApplicationKind.class, in.kind())) == null) v.problem("kind", "invalid.application.kind");
        String reason = typed(v, "reason", in.reason(), MAX_REASON, true);
        if (in.amountRequested() == null) v.problem("amountRequested", "invalid.required");
        else amount(v, "amountRequested", in.amountRequested());
        List<String> documents = v.list("documents", in.documents(), MAX_DOCUMENTS,
                (at, d) -> typed(v, at, d, MAX_DOCUMENT, false));
        return new Checked(kind, reason, money(in.amountRequested()), documents);
    }

    /** 500, 500.5, 500.25: the shortest form, as every store gives a number back (DynamoDB drops trailing zeros). */
    static BigDecimal money(BigDecimal amount) {
        if (amount == null) return null;
        BigDecimal a = amount.stripTrailingZeros();
        return a.scale() < 0 ? a.setScale(0) : a;
    }

    /** What is printed on the form keeps its punctuation and line breaks as typed; null when left empty. */
    private static String typed(Validation v, String field, String value, int max, boolean required) {
        String s = Text.asTyped(value);
        if (s.isEmpty()) {
            if (required) v.problem(field, "invalid.required");
            return null;
        }
        if (s.length() > max) v.problem(field, "invalid.tooLong");
        return s;
    }

    /** Money the union pays: more than nothing, at most {@link #MAX_AMOUNT}, in yuan and fen. */
    static void amount(Validation v, String field, BigDecimal amount) {
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
            v.problem(field, "invalid.application.amount");
        }
    }

    // ---------------------------------------------------------------- plumbing

    /** A refusal throws; a lost race is decided again on what the winner wrote, until the attempts run out (409). */
    private AssistanceApplication change(String id, UnaryOperator<AssistanceApplication> decide) {
        try {
            return VersionedChange.run(ATTEMPTS, () -> get(id), current -> Decision.write(decide.apply(current)),
                    applications::update);
        } catch (StaleWrite e) {
            throw new Conflict("application_busy", "error.application.busy");
        }
    }
}
