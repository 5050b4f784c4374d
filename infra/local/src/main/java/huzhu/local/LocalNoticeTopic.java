package huzhu.local;

import huzhu.core.care.Notice;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.SendResult;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notices topic of the local stack: nobody subscribes locally, so a publication is one log line (what AWS
 * would publish, and to which audience) and a local message id.
 */
final class LocalNoticeTopic implements NoticeBroadcast {
    private final AtomicInteger published = new AtomicInteger();

    @Override
    public SendResult publish(Notice notice, String pageUrl) {
        String id = "local-notice-" + published.incrementAndGet();
        JsonLog.info("notice.publish", "noticeId", notice.id(), "audience", notice.audience().kind().wire(),
                "messageId", id, "page", pageUrl);
        return SendResult.sent(id);
    }
}
