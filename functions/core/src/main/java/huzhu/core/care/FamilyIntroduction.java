package huzhu.core.care;

import huzhu.core.kernel.Language;
import java.time.Instant;

/**
 * The SMS that introduces the service to one family contact of one member: whose family they are registered
 * for, the union's number, the personal link when the system could give it, and the reminder to call 120
 * first. One record per (member, contact phone), holding the latest attempt; {@code version} orders changes
 * so that two senders never both send it. {@code linkIncluded} says whether the personal link was in it (a
 * link can only be sent when it is issued: the store keeps no more than its hash).
 */
public record FamilyIntroduction(
        String memberId,
        String phone,
        String contactName,
        Language language,
        IntroductionStatus status,
        boolean linkIncluded,
        String messageId,
        String failureReason,
        String requestedBy,
        Instant requestedAt,
        Instant claimedAt,
        Instant sentAt,
        long version) {

    public FamilyIntroduction {
        language = language == null ? Language.DEFAULT : language;
    }

    public boolean reached() {
        return status == IntroductionStatus.SENT;
    }
}
