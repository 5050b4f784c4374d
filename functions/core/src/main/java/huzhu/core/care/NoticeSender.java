package huzhu.core.care;

import huzhu.core.ServiceConfig;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.group.GroupFact;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.VersionedChange;
import huzhu.core.kernel.VersionedChange.Decision;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OptOutStore;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The paced sender of notices. Sending survives crashes and never sends twice: the notice turns {@code sending}
 * in a conditional write, its recipients are written as deliveries (again idempotently, so a resumed start
 * completes the list), each delivery is claimed before its SMS goes out, and the periodic sender picks up
 * whatever is left — scheduled notices whose time has come, and notices a crash or the end of a time budget left
 * half sent. The notices topic is tried once per notice.
 */
public final class NoticeSender {
    private static final int ATTEMPTS = 10;

    private final NoticeStore notices;
    private final Messenger messenger;
    private final NoticeBroadcast broadcast;
    private final GroupAnnouncements group;
    private final Clock clock;
    private final NoticeSms sms;
    private final NoticeAudiences audiences;

    /** {@code group}: the union's group chats, which get every notice as it goes out (once, like the topic). */
    public NoticeSender(NoticeStore notices, DirectoryStore directory, OptOutStore optOuts, Messenger messenger,
            NoticeBroadcast broadcast, GroupAnnouncements group, Clock clock, ServiceConfig config) {
        this.notices = notices;
        this.messenger = messenger;
        this.broadcast = broadcast;
        this.group = group;
        this.clock = clock;
        this.sms = new NoticeSms(config);
        this.audiences = new NoticeAudiences(directory, optOuts);
    }

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
                    && !current.scheduledAt().isAfter(now) ? sms.starting(current, now) : null);
            if (started.isEmpty()) return new PacedSend.Outcome(0, 0, true);
            n = started.get();
            JsonLog.info("notice.sending", "noticeId", n.id(), "audience", n.audience().kind().wire(), "scheduled", true);
        }
        if (n.status() != NoticeStatus.SENDING) return new PacedSend.Outcome(0, 0, true);
        if (!n.audienceResolved()) n = resolveAudience(n);
        if (n.topicAt() == null) n = publishToTopic(n);

        String noticeId = n.id();
        Map<Language, RenderedSms> bodies = sms.bodies(n);
        List<NoticeDelivery> open = new ArrayList<>();
        for (NoticeDelivery d : notices.deliveries(noticeId)) {
            if (d.status() == DeliveryStatus.PENDING) {
                open.add(d);
            } else if (d.status() == DeliveryStatus.SENDING && d.claimedAt() != null
                    && !d.claimedAt().plus(PacedSend.CLAIM_TIMEOUT).isAfter(now)) {
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
        private final Map<Language, RenderedSms> bodies;

        Job(NoticeDelivery d, Map<Language, RenderedSms> bodies) {
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
            RenderedSms body = bodies.getOrDefault(current.language(), bodies.get(Language.DEFAULT));
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

    /** Writes every recipient as a pending delivery (those already written stay as they are), then says so. */
    private Notice resolveAudience(Notice n) {
        for (NoticeAudiences.Recipient r : audiences.recipients(n.audience())) notices.insertDelivery(r.delivery(n.id()));
        int count = notices.deliveries(n.id()).size();
        return tryChange(n.id(), current -> current.audienceResolved() ? null
                : current.edit().audienceResolved(count).build()).orElseGet(() -> notice(n.id()));
    }

    /**
     * At most once: the attempt is recorded before publishing, so a crash afterwards does not publish twice. The
     * union's group chats get the notice at the same moment, on the same terms.
     */
    private Notice publishToTopic(Notice n) {
        Instant now = clock.instant();
        Optional<Notice> claimed = tryChange(n.id(), current -> current.topicAt() != null ? null
                : current.edit().topicAttempted(now).build());
        if (claimed.isEmpty()) return notice(n.id());
        if (toGroups(claimed.get().audience())) {
            try {
                group.announce(new GroupFact.NoticeSent(n.id(), claimed.get().title(), claimed.get().text(),
                        sms.pageUrl(n.id())));
            } catch (RuntimeException e) {
                JsonLog.error("group.announceFailed", e, "noticeId", n.id());
            }
        }
        SendResult r;
        try {
            r = broadcast.publish(claimed.get(), sms.pageUrl(n.id()));
        } catch (RuntimeException e) {
            r = SendResult.failed(e.getClass().getSimpleName(), false);
        }
        if (!r.ok()) {
            JsonLog.warn("notice.topicFailed", "noticeId", n.id(), "reason", r.failureReason());
            return claimed.get();
        }
        String messageId = r.messageId();
        return tryChange(n.id(), current -> current.edit().topicMessageId(messageId).build())
                .orElseGet(() -> notice(n.id()));
    }

    /** A notice for every member or every family is the group's too; one for a unit, the volunteers or the leaders is not. */
    private static boolean toGroups(NoticeAudience audience) {
        return audience.kind() == AudienceKind.ALL_MEMBERS || audience.kind() == AudienceKind.FAMILY_CONTACTS;
    }

    private void complete(String noticeId) {
        List<NoticeDelivery> all = notices.deliveries(noticeId);
        boolean done = all.stream().noneMatch(d -> d.status() == DeliveryStatus.PENDING
                || d.status() == DeliveryStatus.SENDING);
        if (!done) return;
        Instant now = clock.instant();
        Optional<Notice> completed = tryChange(noticeId, current -> current.status() != NoticeStatus.SENDING ? null
                : current.edit().sent(now).build());
        completed.ifPresent(c -> JsonLog.info("notice.sent", "noticeId", noticeId, "recipients", all.size(), "sent",
                all.stream().filter(d -> d.status() == DeliveryStatus.SENT).count()));
    }

    private Notice notice(String id) {
        return notices.get(id).orElseThrow(() -> new huzhu.core.error.NotFound("notice"));
    }

    /** A change someone else may have made already: a decision of null (or no notice) means nothing to do. */
    private Optional<Notice> tryChange(String id, UnaryOperator<Notice> decide) {
        return VersionedChange.run(ATTEMPTS, () -> notices.get(id).orElse(null), current -> {
            Notice next = current == null ? null : decide.apply(current);
            return next == null ? Decision.<Notice, Optional<Notice>>none(Optional.empty())
                    : Decision.write(next, Optional::of);
        }, notices::update);
    }

    private boolean tryWrite(NoticeDelivery next) {
        return VersionedChange.tryWrite(() -> notices.updateDelivery(next));
    }
}
