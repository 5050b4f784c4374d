package huzhu.core.care;

import huzhu.core.directory.PersonKind;
import java.time.Instant;

/**
 * An SMS someone sent back after a notice, in that notice's thread. {@code name} is who the directory says it is;
 * {@code decision} what was done with it (absent on replies kept before it was recorded: plain replies).
 */
public record NoticeReply(String id, String noticeId, Instant at, String phone, String name, PersonKind kind,
        String memberId, String text, ReplyDecision decision) {

    public NoticeReply {
        decision = decision == null ? ReplyDecision.REPLY : decision;
    }

    public NoticeReply(String id, String noticeId, Instant at, String phone, String name, PersonKind kind,
            String memberId, String text) {
        this(id, noticeId, at, phone, name, kind, memberId, text, ReplyDecision.REPLY);
    }
}
