package huzhu.core.care;

import huzhu.core.ServiceConfig;
import huzhu.core.directory.Member;
import huzhu.core.incident.NoticeReplies;
import huzhu.core.incident.Urgency;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Text;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.FailedSms;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import java.time.Instant;
import java.util.Optional;

/**
 * Replies to notices: an SMS goes into the thread of the most recent notice its sender received within the
 * reply window — unless it clearly is an emergency: then it is left to the emergency handling (an incident is
 * opened). A reply that only might be one ("老人住院花了不少钱，想申请慰问") stays a reply, and its sender is asked to
 * text 求助 if it is an emergency, rather than the team being paged; officers see that decision beside it
 * ({@link ReplyDecision}). An ordinary reply is thanked once per notice, with the reminder how to ask for help.
 */
public final class NoticeReplyInbox implements NoticeReplies {
    private final NoticeStore notices;
    private final IdempotencyStore idempotency;
    private final Messenger messenger;
    private final Ids ids;
    private final CareConfig care;
    private final NoticeSms sms;

    public NoticeReplyInbox(NoticeStore notices, IdempotencyStore idempotency, Messenger messenger, Ids ids,
            ServiceConfig config, CareConfig care) {
        this.notices = notices;
        this.idempotency = idempotency;
        this.messenger = messenger;
        this.ids = ids;
        this.care = care;
        this.sms = new NoticeSms(config);
    }

    @Override
    public boolean take(String from, String body, Member member, Instant now) {
        if (Text.blank(body) || Urgency.clearlyEmergency(body)) return false;
        Optional<NoticeDelivery> last = notices.lastDeliveryTo(from, now.minus(care.replyWindow()));
        if (last.isEmpty()) return false;
        NoticeDelivery d = last.get();
        ReplyDecision decision = Urgency.mightBeEmergency(body) ? ReplyDecision.ASKED : ReplyDecision.REPLY;
        notices.appendReply(new NoticeReply(ids.newId(), d.noticeId(), now, from, d.name(), d.kind(), d.memberId(),
                Text.shorten(body, NoticeDrafts.MAX_TEXT), decision));
        JsonLog.info("notice.reply", "noticeId", d.noticeId(), "from", from, "action", decision.wire());
        if (decision == ReplyDecision.ASKED) {
            // every time: the one SMS between a hard-pressed family and the team's attention
            send(from, sms.askIfEmergency(d.language()));
        } else if (idempotency.remember("notice-reply:" + d.noticeId() + ":" + from, "1", now.plus(care.replyWindow()),
                now).isEmpty()) {
            send(from, sms.replied(d.language()));
        }
        return true;
    }

    private void send(String to, RenderedSms text) {
        FailedSms.send(messenger, new OutboundSms(to, text, null));
    }
}
