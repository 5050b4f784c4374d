package huzhu.core.care;

import huzhu.core.kernel.Actor;
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

    /**
     * A new notice (version 1) an officer wrote: a draft, or scheduled when it has a time. Nothing of its sending
     * is known yet.
     */
    public static Notice draft(String id, String title, String text, NoticeAudience audience, Instant scheduledAt,
            Actor by, Instant now) {
        return new Notice(id, title, text, audience, scheduledAt == null ? NoticeStatus.DRAFT : NoticeStatus.SCHEDULED,
                scheduledAt, by.id(), by.name(), now, now, null, null, null, false, 0, Map.of(), false, null, null, 1);
    }

    /** When the periodic sender should take it up: its time if scheduled, at once while sending; else never. */
    public Instant dueAt() {
        return switch (status) {
            case SCHEDULED -> scheduledAt;
            case SENDING -> sendStartedAt;
            default -> null;
        };
    }

    /** Only a draft or a scheduled notice can still be changed or started. */
    public boolean editable() {
        return status == NoticeStatus.DRAFT || status == NoticeStatus.SCHEDULED;
    }

    /** Sent or cancelled: nothing more happens to it. */
    public boolean closed() {
        return status == NoticeStatus.SENT || status == NoticeStatus.CANCELLED;
    }

    public Builder edit() {
        return new Builder(this);
    }

    /** A copy to change, step by step; {@link #build()} gives the next version. */
    public static final class Builder {
        private final Notice from;
        private String title;
        private String text;
        private NoticeAudience audience;
        private NoticeStatus status;
        private Instant scheduledAt;
        private Instant updatedAt;
        private Instant sendStartedAt;
        private Instant completedAt;
        private Instant cancelledAt;
        private boolean audienceResolved;
        private int recipients;
        private Map<String, String> smsBodies;
        private boolean linkInSms;
        private Instant topicAt;
        private String topicMessageId;

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

        /** New words, audience or time: a draft again, or scheduled when it has a time. */
        public Builder rewrite(String title, String text, NoticeAudience audience, Instant scheduledAt, Instant now) {
            this.title = title;
            this.text = text;
            this.audience = audience;
            this.scheduledAt = scheduledAt;
            this.status = scheduledAt == null ? NoticeStatus.DRAFT : NoticeStatus.SCHEDULED;
            this.updatedAt = now;
            return this;
        }

        /**
         * It turns sending, with its SMS texts fixed per language (tag → text) so that a sender resuming after a
         * crash sends the very same text; {@code linkInSms}: some text carries the link to the notice page.
         */
        public Builder startSending(Map<String, String> bodies, boolean linkInSms, Instant now) {
            this.status = NoticeStatus.SENDING;
            this.sendStartedAt = now;
            this.updatedAt = now;
            this.smsBodies = bodies;
            this.linkInSms = linkInSms;
            return this;
        }

        /** All its recipients are written as deliveries. */
        public Builder audienceResolved(int recipients) {
            this.audienceResolved = true;
            this.recipients = recipients;
            return this;
        }

        /** The topic publication is being tried (at most once). */
        public Builder topicAttempted(Instant at) {
            this.topicAt = at;
            return this;
        }

        public Builder topicMessageId(String messageId) {
            this.topicMessageId = messageId;
            return this;
        }

        /** Every delivery has an outcome. */
        public Builder sent(Instant at) {
            this.status = NoticeStatus.SENT;
            this.completedAt = at;
            this.updatedAt = at;
            return this;
        }

        /** A draft or scheduled one never goes out; one being sent sends no more. */
        public Builder cancel(Instant at) {
            this.status = NoticeStatus.CANCELLED;
            this.cancelledAt = at;
            this.updatedAt = at;
            return this;
        }

        public Notice build() {
            return new Notice(from.id, title, text, audience, status, scheduledAt, from.createdById, from.createdBy,
                    from.createdAt, updatedAt, sendStartedAt, completedAt, cancelledAt, audienceResolved, recipients,
                    smsBodies, linkInSms, topicAt, topicMessageId, from.version + 1);
        }
    }
}
