package huzhu.core.incident;

import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.FailedSms;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.Texting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The duty roster as officers keep it in the console (read by all, written by admins, audited), and the handover:
 * on the first day of a shift the leader coming on duty is told by SMS, and the one going off duty at the same level
 * hears who takes over — once per shift, by the minute sweep.
 */
public final class DutyRosterService {
    static final int MAX_SHIFTS = 500;
    static final int MAX_DAYS = 92;
    private static final Duration HANDOVER_REMEMBERED = Duration.ofDays(3);

    private final SettingsStore settings;
    private final DirectoryStore directory;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;
    private final Texting texting;

    public DutyRosterService(SettingsStore settings, DirectoryStore directory, IdempotencyStore idempotency,
            Texting texting, Clock clock, Ids ids, AuditService audit) {
        this.settings = settings;
        this.directory = directory;
        this.idempotency = idempotency;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.texting = texting;
    }

    /** A shift as the console sends it: dates as "2026-03-02"; no id for a new one. */
    public record ShiftInput(String id, String leaderId, String from, String to) {
    }

    public record RosterInput(List<ShiftInput> shifts) {
    }

    public DutyRoster roster() {
        return settings.dutyRoster().orElse(DutyRoster.EMPTY);
    }

    /** Replaces the roster; every shift names a leader of the directory and runs forward, at most {@value #MAX_DAYS} days. */
    public DutyRoster replace(RosterInput input, Actor actor) {
        Validation v = new Validation();
        List<DutyRoster.Shift> shifts = v.entries("shifts", input == null ? null : input.shifts(), MAX_SHIFTS,
                (at, s) -> shift(v, at, s));
        v.throwIfAny();
        shifts.sort(Comparator.comparing(DutyRoster.Shift::from).thenComparing(DutyRoster.Shift::id));
        DutyRoster roster = new DutyRoster(shifts);
        settings.saveDutyRoster(roster);
        audit.record(actor, "update", "roster", null, null);
        return roster;
    }

    /**
     * Today's handovers (China's calendar): the leader whose shift starts today is told, and so is whoever of the
     * same level was on duty yesterday and is not today. Each shift's SMS goes once; a failed one is tried again
     * at the next sweep. Never throws for an SMS: the sweep's escalations matter more.
     * @return how many leaders were told
     */
    public int handOverDue() {
        DutyRoster roster = roster();
        if (roster.shifts().isEmpty()) return 0;
        Instant now = clock.instant();
        LocalDate today = DutyRoster.dayOf(now);
        int told = 0;
        for (DutyRoster.Shift shift : roster.shifts()) {
            if (!shift.from().equals(today)) continue;
            Optional<Leader> coming = directory.leaders().get(shift.leaderId());
            if (coming.isEmpty()) continue;
            String key = "handover:" + shift.id() + ":" + today;
            if (idempotency.recall(key, now).isPresent()) continue;
            Leader in = coming.get();
            boolean sent = send(in.phone(), texting.render(in.language(), "duty.start", Map.of("name", in.name(),
                    "to", shift.to().toString())));
            for (DutyRoster.Shift before : roster.shifts()) {
                if (!before.covers(today.minusDays(1)) || before.covers(today) || before.leaderId().equals(in.id())) continue;
                Optional<Leader> going = directory.leaders().get(before.leaderId());
                if (going.isEmpty() || going.get().level() != in.level()) continue;
                Leader out = going.get();
                send(out.phone(), texting.render(out.language(), "duty.handover", Map.of("name", out.name(),
                        "next", in.name())));
            }
            if (sent) {
                idempotency.remember(key, "1", now.plus(HANDOVER_REMEMBERED), now);
                told++;
                JsonLog.info("duty.handover", "leaderId", in.id(), "action", "handover");
            }
        }
        return told;
    }

    private DutyRoster.Shift shift(Validation v, String at, ShiftInput s) {
        String leaderId = v.text(at + ".leaderId", s.leaderId(), 100, true);
        if (leaderId != null && directory.leaders().get(leaderId).isEmpty()) v.problem(at + ".leaderId", "invalid.choice");
        LocalDate from = v.date(at + ".from", s.from(), true);
        LocalDate to = v.date(at + ".to", s.to(), true);
        if (from != null && to != null) {
            if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) v.problem(at + ".to", "invalid.range");
        }
        String id = Text.blank(s.id()) ? ids.newId() : s.id().strip();
        return new DutyRoster.Shift(id, leaderId, from, to);
    }

    private boolean send(String to, RenderedSms text) {
        return FailedSms.send(texting.messenger(), new OutboundSms(to, text, null)).ok();
    }
}
