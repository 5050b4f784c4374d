package huzhu.core.care;

import huzhu.core.ServiceConfig;
import huzhu.core.audit.AuditService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.error.Conflict;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.Text;
import huzhu.core.kernel.Validation;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Decision;
import huzhu.core.kernel.Wire;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OptOutStore;
import huzhu.core.sms.SmsLength;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Notices (通知) as officers write them: a title, a text and an audience, kept as a draft or scheduled, sent now
 * or cancelled; what the console shows of them (with how far sending got) and the public page. The SMS go out
 * with {@link NoticeSender}, at the configured pace; replies land in the notice's thread ({@link NoticeReplyInbox}).
 */
public final class NoticeDrafts {
    static final int MAX_TITLE = 60;
    static final int MAX_TEXT = 2000;
    private static final int ATTEMPTS = 10;

    private final NoticeStore notices;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;
    private final NoticeSms sms;
    private final NoticeAudiences audiences;

    public NoticeDrafts(NoticeStore notices, DirectoryStore directory, OptOutStore optOuts, Clock clock, Ids ids,
            ServiceConfig config, AuditService audit) {
        this.notices = notices;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.sms = new NoticeSms(config);
        this.audiences = new NoticeAudiences(directory, optOuts);
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
        Notice n = Notice.draft(ids.newId(), in.title, in.text, in.audience, in.scheduledAt, actor, clock.instant());
        notices.insert(n);
        audit.record(actor, "create", "notice", n.id(), n.title());
        return view(n);
    }

    /** Only a draft or a scheduled notice can be changed. */
    public NoticeView update(String id, NoticeInput input, Actor actor) {
        return update(id, input, actor, BasedOn.ANY);
    }

    /** As {@link #update(String, NoticeInput, Actor)}, if the stored draft is still a version {@code basedOn} names. */
    public NoticeView update(String id, NoticeInput input, Actor actor, BasedOn basedOn) {
        Checked in = check(input, true);
        Notice updated = change(id, current -> {
            basedOn.require(current.version());
            if (!current.editable()) throw new Conflict("notice_not_editable", "error.notice.notEditable");
            return current.edit().rewrite(in.title, in.text, in.audience, in.scheduledAt, clock.instant()).build();
        });
        audit.record(actor, "update", "notice", id, updated.title());
        return view(updated);
    }

    /**
     * Starts sending now (a draft, or a scheduled notice ahead of its time). The caller may then give the bulk
     * sender a few seconds ({@link CampaignService#runForRequest(String)}); whatever is left goes out with the
     * periodic sender.
     */
    public NoticeView sendNow(String id, Actor actor) {
        Notice started = change(id, current -> {
            if (!current.editable()) throw new Conflict("notice_already_sending", "error.notice.alreadySending");
            return sms.starting(current, clock.instant());
        });
        audit.record(actor, "send", "notice", id, started.title());
        JsonLog.info("notice.sending", "noticeId", id, "audience", started.audience().kind().wire());
        return view(started);
    }

    /** Stops a notice: a draft or scheduled one never goes out; one being sent sends no more. */
    public NoticeView cancel(String id, Actor actor) {
        Notice cancelled = change(id, current -> {
            if (current.closed()) throw new Conflict("notice_closed", "error.notice.closed");
            return current.edit().cancel(clock.instant()).build();
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
        Notice n = notice(id);
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
            NoticeSms.Body b = sms.body(lang, in.title, in.text, id);
            texts.put(lang.wire(), b.sms().text());
            segments.put(lang.wire(), SmsLength.segments(b.sms().text()));
            link |= b.link();
        }
        return new Preview(texts, segments, link, audiences.recipients(in.audience).size());
    }

    public String pageUrl(String id) {
        return sms.pageUrl(id);
    }

    // ---------------------------------------------------------------- rules

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
     * notice keeps its full-width ，。); control characters go. The SMS fold it further (see {@link NoticeSms}).
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
        return new NoticeView(n, n.editable() ? Progress.NONE : progress(notices.deliveries(n.id())),
                sms.pageUrl(n.id()));
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

    /** A decision that throws refuses; on a lost race, the officer's change is decided again. */
    private Notice change(String id, UnaryOperator<Notice> decide) {
        return VersionedChange.run(ATTEMPTS, () -> notice(id), current -> Decision.write(decide.apply(current)),
                notices::update);
    }
}
