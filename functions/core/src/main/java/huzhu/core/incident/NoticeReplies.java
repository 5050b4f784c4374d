package huzhu.core.incident;

import huzhu.core.directory.Member;
import java.time.Instant;

/**
 * Where {@link InboundSmsService} hands an SMS that may answer a notice. It is asked only when today's
 * handling would not relay the SMS to an active incident or count it as an alert reply. It must leave alone
 * anything that clearly is an emergency (it is opened as one); one that only might be, it may keep, as long as it
 * asks the sender whether it is one.
 */
public interface NoticeReplies {
    NoticeReplies NONE = (from, body, member, now) -> false;

    /**
     * @param member the member the sender is, or is family of; null for anyone else
     * @return true if the SMS went into a notice's thread and needs nothing more
     */
    boolean take(String from, String body, Member member, Instant now);
}
