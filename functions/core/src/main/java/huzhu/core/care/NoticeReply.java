package huzhu.core.care;

import huzhu.core.directory.PersonKind;
import java.time.Instant;

/** An SMS someone sent back after a notice, in that notice's thread. {@code name} is who the directory says it is. */
public record NoticeReply(String id, String noticeId, Instant at, String phone, String name, PersonKind kind,
        String memberId, String text) {
}
