package huzhu.core.incident;

/**
 * The incident summary for the leaders of one escalation level, beside their SMS: in AWS an SNS topic
 * whose subscriptions (e-mail, a chat hook) filter on the level. Best effort: never throws.
 */
public interface LeaderAnnouncements {
    LeaderAnnouncements NONE = (leaderLevel, subject, text) -> { };

    void announce(int leaderLevel, String subject, String text);
}
