package huzhu.core.care;

import huzhu.core.ServiceConfig;
import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.PersonKind;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.Conflict;
import huzhu.core.error.NotFound;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.incident.NoticeReplies;
import huzhu.core.incident.Urgency;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.Wire;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OptOutStore;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.SmsLength;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Notices (通知): an officer writes one (title, text, audience), sends it now or schedules it; it goes out by SMS
 * at the configured pace and to the notices topic, and the recipients' replies land in its thread.
 * <p>
 * Sending survives crashes and never sends twice: the notice turns {@code sending} in a conditional write, its
 * recipients are written as deliveries (again idempotently, so a resumed start completes the list), each delivery
 * is claimed before its SMS goes out, and the periodic sender picks up whatever is left — scheduled notices whose
 * time has come, and notices a crash or the end of a time budget left half sent.
 */
public final class NoticeService implements NoticeReplies {
    static final int MAX_TITLE = 60;
    static final int MAX_TEXT = 2000;
    private static final int ATTEMPTS = 10;

    private final NoticeStore notices;
    private final DirectoryStore directory;
    private final OptOutStore optOuts;
    private final IdempotencyStore idempotency;
    private final Messenger messenger;
    private final NoticeBroadcast broadcast;
    private final Clock clock;
    private final Ids ids;
    private final ServiceConfig config;
    private final CareConfig care;
    private final AuditService audit;
    private final SmsComposer sms;

    public NoticeService(NoticeStore notices, DirectoryStore directory, OptOutStore optOuts, IdempotencyStore idempotency, Messenger messenger, NoticeBroadcast broadcast, Clock clock, Ids ids,
            ServiceConfig config, CareConfig care, AuditService audit) {
        this.notices = notices;
        this.directory = directory;
        this.optOuts = optOuts;
        this.idempotency = idempotency;
        this.messenger = messenger;
        this.broadcast = broadcast;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
        this.care = care;
        this.audit = audit;
        this.sms = new SmsComposer(config.smsSignature());
    }

    public record AudienceInput(String kind, String unit) {
    }

    /** {@code scheduledAt} (ISO-8601) makes it a scheduled notice; without it, a draft. */
    public record NoticeInput(String title, String text, AudienceInput audience, String scheduledAt) {
    }

    /** How far sending got: every recipient is in exactly one of pending, sending, sent and failed. */
    public record Progress(int recipients, int pending, int sending, int sent, int failed) {
        static final Progress NONE = new Progress(0, 0, 0, 0, 0);
    }

    /** A notice with its progress, what the console shows. */
    public record NoticeView(Notice notice, Progress progress, String pageUrl) {
    }

    /** What a notice's SMS will look like, per language, before it is sent. */
    public record Preview(Map<String, String> sms, Map<String, Integer> segments, boolean linkInSms, int recipients) {
    }

    // ---------------------------------------------------------------- writing

    public NoticeView create(NoticeInput input, Actor actor) {
        Checked in = check(input, true);
        Instant now = clock.instant();
        Notice n = new Notice(ids.newId(), in.title, in.text, in.audience,
                in.scheduledAt == null ? NoticeStatus.DRAFT : NoticeStatus.SCHEDULED, in.scheduledAt, actor.id(),
                actor.name(), now, now, null, null, null, false, 0, Map.of(), false, null, null, 1);
        notices.insert(n);
        audit.record(actor, "create", "notice", n.id(), n.title());
        return view(n);
    }

    /** Only a draft or a scheduled notice can be changed. */
    public NoticeView update(String id, NoticeInput input, Actor actor) {
        Checked in = check(input, true);
        Notice updated = change(id, current -> {
            if (current.status() != NoticeStatus.DRAFT && current.status() != NoticeStatus.SCHEDULED) {
                throw new Conflict("notice_not_editable", "error.notice.notEditable");
            }
            Notice.Builder b = current.edit();
            b.title = in.title;
            b.text = in.text;
            b.audience = in.audience;
            b.scheduledAt = in.scheduledAt;
            b.status = in.scheduledAt == null ? NoticeStatus.DRAFT : NoticeStatus.SCHEDULED;
            b.updatedAt = clock.instant();
            return b.build();
        });
        audit.record(actor, "update", "notice", id, updated.title());
        return view(updated);
    }

    /**
     * Starts sending now (a draft, or a scheduled notice ahead of its time). The caller may then give the bulk
     * sender a few seconds ({@link CampaignService#runDue}); whatever is left goes out with the periodic sender.
     */
    public NoticeView sendNow(String id, Actor actor) {
        Notice started = change(id, current -> {
            if (current.status() != NoticeStatus.DRAFT && current.status() != NoticeStatus.SCHEDULED) {
                throw new Conflict("notice_already_sending", "error.notice.alreadySending");
            }
            return starting(current, clock.instant());
        });
        audit.record(actor, "send", "notice", id, started.title());
        JsonLog.info("notice.sending", "noticeId", id, "audience", started.audience().kind().wire());
        return view(started);
    }

    /** Stops a notice: a draft or scheduled one never goes out; one being sent sends no more. */
    public NoticeView cancel(String id, Actor actor) {
        Notice cancelled = change(id, current -> {
            if (current.status() == NoticeStatus.SENT || current.status() == NoticeStatus.CANCELLED) {
                throw new Conflict("notice_closed", "error.notice.closed");
            }
            Notice.Builder b = current.edit();
            b.status = NoticeStatus.CANCELLED;
            b.cancelledAt = clock.instant();
            b.updatedAt = b.cancelledAt;
            return b.build();
        });
        audit.record(actor, "cancel", "notice", id, cancelled.title());
        return view(cancelled);
    }

    // ---------------------------------------------------------------- reading

    public NoticeView get(String id) {
        return view(notice(id));
    }

    public Page<NoticeView> list(PageRequest page) {
        return notices.list(page).map(this::view);
    }

    public List<NoticeDelivery> deliveries(String id) {
        notice(id);
        return notices.deliveries(id);
    }

    public List<NoticeReply> replies(String id) {
        notice(id);
        return notices.replies(id);
    }

    /** For the public notice page: only what has been sent out; a draft's id opens nothing. */
    public Notice published(String id) {
        Notice n = notices.get(id).orElseThrow(() -> new NotFound("notice"));
        if (n.status() != NoticeStatus.SENDING && n.status() != NoticeStatus.SENT) throw new NotFound("notice");
        return n;
    }

    public Preview preview(NoticeInput input) {
        Checked in = check(input, false);
        String id = "preview";
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Integer> segments = new LinkedHashMap<>();
        boolean link = false;
        for (Language lang : Language.values()) {
            Body b = body(lang, in.title, in.text, id);
            texts.put(lang.wire(), b.text);
            segments.put(lang.wire(), SmsLength.segments(b.text));
            link |= b.link;
        }
        return new Preview(texts, segments, link, recipients(in.audience).size());
    }

    public String pageUrl(String id) {
        return config.publicBaseUrl() + "/v1/notices/" + id + "/page";
    }

    // ---------------------------------------------------------------- the bulk sender

    /**
     * Sends due notices until {@code deadline}: starts scheduled ones whose time has come, completes their
     * recipient lists, publishes to the topic once, and sends the pending deliveries at the pacer's rate.
     * @return SMS sent and failed; {@code finished} false when time ran out with work left
     */
    PacedSend.Outcome sendDue(Pacer pacer, Instant deadline, String alsoNoticeId) {
        int sent = 0;
        int failed = 0;
        Instant now = clock.instant();
        List<Notice> due = new ArrayList<>(notices.due(now));
        // the one an officer just started is read by key: the index of due notices may not show it yet
        if (alsoNoticeId != null && due.stream().noneMatch(n -> n.id().equals(alsoNoticeId))) {
            notices.get(alsoNoticeId).filter(n -> n.dueAt() != null && !n.dueAt().isAfter(now))
                    .ifPresent(n -> due.add(0, n));
        }
        for (Notice notice : due) {
            if (!pacer.canStartBefore(deadline)) return new PacedSend.Outcome(sent, failed, false);
            PacedSend.Outcome o = send(notice, pacer, deadline);
            sent += o.sent();
            failed += o.failed();
            if (!o.finished()) return new PacedSend.Outcome(sent, failed, false);
        }
        return new PacedSend.Outcome(sent, failed, true);
    }

    private PacedSend.Outcome send(Notice due, Pacer pacer, Instant deadline) {
        Instant now = clock.instant();
        Notice n = due;
        if (n.status() == NoticeStatus.SCHEDULED) {
            Optional<Notice> started = tryChange(n.id(), current -> current.status() == NoticeStatus.SCHEDULED
                    && !current.scheduledAt().isAfter(now) ? starting(current, now) : null);
            if (started.isEmpty()) return new PacedSend.Outcome(0, 0, true);
            n = started.get();
            JsonLog.info("notice.sending", "noticeId", n.id(), "audience", n.audience().kind().wire(), "scheduled", true);
        }
        if (n.status() != NoticeStatus.SENDING) return new PacedSend.Outcome(0, 0, true);
        if (!n.audienceResolved()) n = resolveAudience(n);
        if (n.topicAt() == null) n = publishToTopic(n);

        String noticeId = n.id();
        Map<String, String> bodies = n.smsBodies();
        List<NoticeDelivery> open = new ArrayList<>();
        for (NoticeDelivery d : notices.deliveries(noticeId)) {
            if (d.status() == DeliveryStatus.PENDING) {
                open.add(d);
            } else if (d.status() == DeliveryStatus.SENDING && d.claimedAt() != null
                    && !d.claimedAt().plus(OnboardingService.CLAIM_TIMEOUT).isAfter(now)) {
                // claimed by a sender that died: it may have gone out, so it is not sent again
                tryWrite(d.failed("interrupted", now));
            }
        }
        Iterator<NoticeDelivery> pending = open.iterator();
        StillSending stillSending = new StillSending(noticeId);
        Iterator<Job> jobs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pending.hasNext() && stillSending.check();
            }

            @Override
            public Job next() {
                return new Job(pending.next(), bodies);
            }
        };
        PacedSend.Outcome o = PacedSend.run(jobs, pacer, messenger, deadline, clock);
        if (o.finished()) complete(noticeId);
        return o;
    }

    /** Whether the notice is still being sent, read at most once a second: a cancelled notice stops within a batch. */
    private final class StillSending {
        private final String noticeId;
        private Instant lastCheck;
        private boolean answer = true;

        StillSending(String noticeId) {
            this.noticeId = noticeId;
        }

        boolean check() {
            Instant now = clock.instant();
            if (lastCheck != null && Duration.between(lastCheck, now).compareTo(Duration.ofSeconds(1)) < 0) return answer;
            lastCheck = now;
            answer = notices.get(noticeId).map(x -> x.status() == NoticeStatus.SENDING).orElse(false);
            return answer;
        }
    }

    /** One recipient as a job of {@link PacedSend}. */
    private final class Job implements PacedSend.Job {
        private NoticeDelivery current;
        private final Map<String, String> bodies;

        Job(NoticeDelivery d, Map<String, String> bodies) {
            this.current = d;
            this.bodies = bodies;
        }

        @Override
        public boolean claim(Instant at) {
            NoticeDelivery claimed = current.claimed(at);
            if (!tryWrite(claimed)) return false;
            current = claimed;
            return true;
        }

        @Override
        public OutboundSms sms() {
            String body = bodies.getOrDefault(current.language().wire(), bodies.get(Language.DEFAULT.wire()));
            return new OutboundSms(current.phone(), body, null);
        }

        @Override
        public void record(SendResult result, Instant at) {
            notices.updateDelivery(result.ok() ? current.sent(result.messageId(), at)
                    : current.failed(result.failureReason(), at));
            if (!result.ok()) {
                JsonLog.warn("notice.sendFailed", "noticeId", current.noticeId(), "to", current.phone(), "reason",
                        result.failureReason());
            }
        }
    }

    /** The notice turns sending; its SMS texts are fixed now, so a resumed send uses the very same ones. */
    private Notice starting(Notice current, Instant now) {
        Notice.Builder b = current.edit();
        b.status = NoticeStatus.SENDING;
        b.sendStartedAt = now;
        b.updatedAt = now;
        Map<String, String> bodies = new LinkedHashMap<>();
        boolean link = false;
        for (Language lang : Language.values()) {
            Body body = body(lang, current.title(), current.text(), current.id());
            bodies.put(lang.wire(), body.text);
            link |= body.link;
        }
        b.smsBodies = bodies;
        b.linkInSms = link;
        return b.build();
    }

    /** Writes every recipient as a pending delivery (those already written stay as they are), then says so. */
    private Notice resolveAudience(Notice n) {
        List<NoticeDelivery> recipients = recipients(n.audience()).stream()
                .map(r -> new NoticeDelivery(n.id(), r.phone, r.name, r.kind, r.personId, r.memberId, r.language,
                        DeliveryStatus.PENDING, null, null, null, null, 1))
                .toList();
        for (NoticeDelivery d : recipients) notices.insertDelivery(d);
        int count = notices.deliveries(n.id()).size();
        return tryChange(n.id(), current -> {
            if (current.audienceResolved()) return null;
            Notice.Builder b = current.edit();
            b.audienceResolved = true;
            b.recipients = count;
            return b.build();
        }).orElseGet(() -> notice(n.id()));
    }

    /** At most once: the attempt is recorded before publishing, so a crash afterwards does not publish twice. */
    private Notice publishToTopic(Notice n) {
        Instant now = clock.instant();
        Optional<Notice> claimed = tryChange(n.id(), current -> {
            if (current.topicAt() != null) return null;
            Notice.Builder b = current.edit();
            b.topicAt = now;
            return b.build();
        });
        if (claimed.isEmpty()) return notice(n.id());
        SendResult r;
        try {
            r = broadcast.publish(claimed.get(), pageUrl(n.id()));
        } catch (RuntimeException e) {
            r = SendResult.failed(e.getClass().getSimpleName(), false);
        }
        if (!r.ok()) {
            JsonLog.warn("notice.topicFailed", "noticeId", n.id(), "reason", r.failureReason());
            return claimed.get();
        }
        String messageId = r.messageId();
        return tryChange(n.id(), current -> {
            Notice.Builder b = current.edit();
            b.topicMessageId = messageId;
            return b.build();
        }).orElseGet(() -> notice(n.id()));
    }

    private void complete(String noticeId) {
        List<NoticeDelivery> all = notices.deliveries(noticeId);
        boolean done = all.stream().noneMatch(d -> d.status() == DeliveryStatus.PENDING
                || d.status() == DeliveryStatus.SENDING);
        if (!done) return;
        Instant now = clock.instant();
        Optional<Notice> completed = tryChange(noticeId, current -> {
            if (current.status() != NoticeStatus.SENDING) return null;
            Notice.Builder b = current.edit();
            b.status = NoticeStatus.SENT;
            b.completedAt = now;
            b.updatedAt = now;
            return b.build();
        });
        completed.ifPresent(c -> JsonLog.info("notice.sent", "noticeId", noticeId, "recipients", all.size(), "sent",
                all.stream().filter(d -> d.status() == DeliveryStatus.SENT).count()));
    }

    // ---------------------------------------------------------------- replies (InboundSmsService asks)

    /**
     * Takes an SMS into the thread of the most recent notice its sender received within the reply window —
     * unless it might be an emergency: then it is left to the emergency handling (an incident is opened). The
     * sender is thanked once per notice, with the reminder how to ask for help.
     */
    @Override
    public boolean take(String from, String body, Member member, Instant now) {
        if (Text.blank(body) || Urgency.mightBeEmergency(body)) return false;
        Optional<NoticeDelivery> last = notices.lastDeliveryTo(from, now.minus(care.replyWindow()));
        if (last.isEmpty()) return false;
        NoticeDelivery d = last.get();
        notices.appendReply(new NoticeReply(ids.newId(), d.noticeId(), now, from, d.name(), d.kind(), d.memberId(),
                Text.shorten(body, MAX_TEXT)));
        JsonLog.info("notice.reply", "noticeId", d.noticeId(), "from", from);
        if (idempotency.remember("notice-reply:" + d.noticeId() + ":" + from, "1", now.plus(care.replyWindow()), now)
                .isEmpty()) {
            SendResult r = messenger.send(new OutboundSms(from, sms.compose(d.language(), "sms.notice.replied",
                    Map.of(), List.of()), null));
            if (!r.ok()) JsonLog.warn("sms.failed", "to", from, "reason", r.failureReason());
        }
        return true;
    }

    // ---------------------------------------------------------------- rules

    private record Body(String text, boolean link) {
    }

    /** The whole notice when it fits in two SMS segments; else the start of it and the link to the notice page. */
    private Body body(Language lang, String title, String text, String id) {
        String whole = sms.compose(lang, "sms.notice", Map.of("title", title, "text", text), List.of());
        if (SmsLength.fits(whole, SmsComposer.MAX_SEGMENTS)) return new Body(whole, false);
        return new Body(sms.compose(lang, "sms.notice.link", Map.of("title", title, "text", text,
                "link", pageUrl(id)), List.of("text", "title")), true);
    }

    private record Recipient(String phone, String name, PersonKind kind, String personId, String memberId,
            Language language) {
    }

    /**
     * Who the audience is now, one entry per phone. Whoever texted STOP is left out: they asked for no more
     * SMS (volunteers by their record, everyone by the opt-out the SMS function recorded).
     */
    private List<Recipient> recipients(NoticeAudience audience) {
        Map<String, Recipient> byPhone = new LinkedHashMap<>();
        switch (audience.kind()) {
            case ALL_MEMBERS, UNIT -> {
                for (Member m : directory.members().all()) {
                    if (audience.kind() == AudienceKind.UNIT && !sameUnit(audience.unit(), m.unit())) continue;
                    byPhone.putIfAbsent(m.phone(), new Recipient(m.phone(), m.name(), PersonKind.MEMBER, m.id(), m.id(),
                            m.language()));
                }
            }
            case VOLUNTEERS -> {
                for (Volunteer v : directory.volunteers().all()) {
                    if (v.hasOptedOut()) continue;
                    byPhone.putIfAbsent(v.phone(), new Recipient(v.phone(), v.name(), PersonKind.VOLUNTEER, v.id(),
                            null, v.language()));
                }
            }
            case LEADERS -> {
                for (Leader l : directory.leaders().all()) {
                    byPhone.putIfAbsent(l.phone(), new Recipient(l.phone(), l.name(), PersonKind.LEADER, l.id(), null,
                            l.language()));
                }
            }
            case FAMILY_CONTACTS -> {
                for (Member m : directory.members().all()) {
                    for (FamilyContact c : m.familyContacts()) {
                        if (c.phone() == null) continue;
                        byPhone.putIfAbsent(c.phone(), new Recipient(c.phone(), c.name(), PersonKind.FAMILY, null,
                                m.id(), m.language()));
                    }
                }
            }
        }
        byPhone.keySet().removeIf(phone -> optOuts.optedOutAt(phone).isPresent());
        return new ArrayList<>(byPhone.values());
    }

    private static boolean sameUnit(String wanted, String unit) {
        return unit != null && wanted != null && unit.strip().equalsIgnoreCase(wanted.strip());
    }

    private record Checked(String title, String text, NoticeAudience audience, Instant scheduledAt) {
    }

    private Checked check(NoticeInput input, boolean forSaving) {
        NoticeInput in = input == null ? new NoticeInput(null, null, null, null) : input;
        Validation v = new Validation();
        String title = Text.asTyped(in.title());
        if (title.isEmpty()) v.problem("title", "invalid.required");
        else if (title.length() > MAX_TITLE) v.problem("title", "invalid.tooLong");
        else title = title.replace('\n', ' ');
        String text = multiline(v, "text", in.text());
        AudienceKind kind = null;
        String unit = null;
        if (in.audience() == null || Text.blank(in.audience().kind())) {
            v.problem("audience.kind", "invalid.required");
        } else if ((kind = Wire.parse(AudienceKind.class, in.audience().kind())) == null) {
            v.problem("audience.kind", "invalid.notice.audience");
        } else if (kind == AudienceKind.UNIT) {
            unit = v.text("audience.unit", in.audience().unit(), 100, false);
            if (unit == null) v.problem("audience.unit", "invalid.notice.unit");
        }
        Instant at = null;
        if (!Text.blank(in.scheduledAt())) {
            try {
                at = Instant.parse(in.scheduledAt().trim());
                if (forSaving && !at.isAfter(clock.instant())) v.problem("scheduledAt", "invalid.notice.past");
            } catch (DateTimeParseException e) {
                v.problem("scheduledAt", "invalid.time");
            }
        }
        v.throwIfAny();
        return new Checked(title, text, new NoticeAudience(kind, unit), at);
    }

    /**
     * A notice's text keeps its line breaks (the notice page shows them) and its punctuation as typed (a Chinese
     * notice keeps its full-width ，。); control characters go. The SMS fold it further (see {@link SmsComposer}).
     */
    private static String multiline(Validation v, String field, String value) {
        String text = Text.asTyped(value).replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
        if (text.isEmpty()) v.problem(field, "invalid.required");
        else if (text.length() > MAX_TEXT) v.problem(field, "invalid.tooLong");
        return text;
    }

    // ---------------------------------------------------------------- plumbing

    private Notice notice(String id) {
        return notices.get(id).orElseThrow(() -> new NotFound("notice"));
    }

    private NoticeView view(Notice n) {
        return new NoticeView(n, n.status() == NoticeStatus.DRAFT || n.status() == NoticeStatus.SCHEDULED
                ? Progress.NONE : progress(notices.deliveries(n.id())), pageUrl(n.id()));
    }

    static Progress progress(List<NoticeDelivery> deliveries) {
        int pending = 0;
        int sending = 0;
        int sent = 0;
        int failed = 0;
        for (NoticeDelivery d : deliveries) {
            switch (d.status()) {
                case PENDING -> pending++;
                case SENDING -> sending++;
                case SENT -> sent++;
                case FAILED -> failed++;
            }
        }
        return new Progress(deliveries.size(), pending, sending, sent, failed);
    }

    /** Read, decide, conditionally write; a decision that throws refuses; on a lost race, decide again. */
    private Notice change(String id, UnaryOperator<Notice> decide) {
        for (int attempt = 1; ; attempt++) {
            Notice current = notice(id);
            Notice next = decide.apply(current);
            try {
                notices.update(next);
                return next;
            } catch (StaleWrite e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    /** As {@link #change}, but a decision of null means "nothing to do" (someone else did it). */
    private Optional<Notice> tryChange(String id, UnaryOperator<Notice> decide) {
        for (int attempt = 1; ; attempt++) {
            Notice current = notices.get(id).orElse(null);
            if (current == null) return Optional.empty();
            Notice next = decide.apply(current);
            if (next == null) return Optional.empty();
            try {
                notices.update(next);
                return Optional.of(next);
            } catch (StaleWrite e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    private boolean tryWrite(NoticeDelivery next) {
        try {
            notices.updateDelivery(next);
            return true;
        } catch (StaleWrite e) {
            return false;
        }
    }
}
