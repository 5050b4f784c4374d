package huzhu.core.care;

import java.time.Instant;
import java.util.Map;

/**
 * A notice (通知) an officer sends to members, volunteers, leaders or families by SMS and to the notices topic.
 * <p>
 * Sending is resumable: when it starts, the notice turns {@code sending}, the recipients are written as
 * deliveries ({@code audienceResolved} once all are), and the SMS texts are fixed per language
 * ({@code smsBodies}, language tag → text) so that a sender resuming after a crash sends the very same text.
 * {@code topicAt} records that the topic publication was attempted (it is tried at most once). Changes are
 * accepted by the store only on the {@code version} they were decided on.
 */
public record Notice(
        String id,
        String title,
        String text,
        NoticeAudience audience,
        NoticeStatus status,
        Instant scheduledAt,
        String createdById,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant sendStartedAt,
        Instant completedAt,
        Instant cancelledAt,
        boolean audienceResolved,
        int recipients,
        Map<String, String> smsBodies,
        boolean linkInSms,
        Instant topicAt,
        String topicMessageId,
        long version) {

    public Notice {
        smsBodies = smsBodies == null ? Map.of() : Map.copyOf(smsBodies);
    }

    /** When the periodic sender should take it up: its time if scheduled, at once while sending; else never. */
    public Instant dueAt() {
        return switch (status) {
            case SCHEDULED -> scheduledAt;
            case SENDING -> sendStartedAt;
            default -> null;
        };
    }

    public Builder edit() {
        return new Builder(this);
    }

    /** A copy to change; {@link #build()} gives the next version. */
    public static final class Builder {
        private final Notice from;
        public String title;
        public String text;
        public NoticeAudience audience;
        public NoticeStatus status;
        public Instant scheduledAt;
        public Instant updatedAt;
        public Instant sendStartedAt;
        public Instant completedAt;
        public Instant cancelledAt;
        public boolean audienceResolved;
        public int recipients;
        public Map<String, String> smsBodies;
        public boolean linkInSms;
        public Instant topicAt;
        public String topicMessageId;

        private Builder(Notice n) {
            this.from = n;
            title = n.title;
            text = n.text;
            audience = n.audience;
            status = n.status;
            scheduledAt = n.scheduledAt;
            updatedAt = n.updatedAt;
            sendStartedAt = n.sendStartedAt;
            completedAt = n.completedAt;
            cancelledAt = n.cancelledAt;
            audienceResolved = n.audienceResolved;
            recipients = n.recipients;
            smsBodies = n.smsBodies;
            linkInSms = n.linkInSms;
            topicAt = n.topicAt;
            topicMessageId = n.topicMessageId;
        }

        public Notice build() {
            return new Notice(from.id, title, text, audience, status, scheduledAt, from.createdById, from.createdBy,
                    from.createdAt, updatedAt, sendStartedAt, completedAt, cancelledAt, audienceResolved, recipients,
                    smsBodies, linkInSms, topicAt, topicMessageId, from.version + 1);
        }
    }
}
