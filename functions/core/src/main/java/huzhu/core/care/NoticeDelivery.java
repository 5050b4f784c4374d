package huzhu.core.care;

import huzhu.core.directory.PersonKind;
import huzhu.core.kernel.Language;
import java.time.Instant;

/**
 * One recipient's copy of a notice, one per phone (a member who is also a volunteer gets one SMS). A sender
 * claims it ({@code sending}, {@code claimedAt}) in a conditional write before sending, so two senders never
 * both send it; a claim left behind by a sender that died is never sent again (it may have gone out) but
 * counted as failed, "interrupted". {@code personId} is the member, volunteer or leader; for a family
 * contact {@code memberId} is the member they belong to.
 */
public record NoticeDelivery(
        String noticeId,
        String phone,
        String name,
        PersonKind kind,
        String personId,
        String memberId,
        Language language,
        DeliveryStatus status,
        String messageId,
        String failureReason,
        Instant claimedAt,
        Instant sentAt,
        long version) {

    public NoticeDelivery {
        language = language == null ? Language.DEFAULT : language;
    }

    /** A recipient's copy, written when the audience is resolved, before anyone sends it. */
    public static NoticeDelivery pending(String noticeId, String phone, String name, PersonKind kind, String personId,
            String memberId, Language language) {
        return new NoticeDelivery(noticeId, phone, name, kind, personId, memberId, language, DeliveryStatus.PENDING,
                null, null, null, null, 1);
    }

    public NoticeDelivery claimed(Instant at) {
        return new NoticeDelivery(noticeId, phone, name, kind, personId, memberId, language, DeliveryStatus.SENDING,
                null, null, at, null, version + 1);
    }

    public NoticeDelivery sent(String id, Instant at) {
        return new NoticeDelivery(noticeId, phone, name, kind, personId, memberId, language, DeliveryStatus.SENT, id,
                null, claimedAt, at, version + 1);
    }

    public NoticeDelivery failed(String reason, Instant at) {
        return new NoticeDelivery(noticeId, phone, name, kind, personId, memberId, language, DeliveryStatus.FAILED,
                null, reason, claimedAt, at, version + 1);
    }
}
