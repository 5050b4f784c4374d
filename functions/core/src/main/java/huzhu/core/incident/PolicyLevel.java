package huzhu.core.incident;

/**
 * One step of the escalation policy. {@code audience} is the contract's "notify" field (a record cannot
 * have a component named notify). {@code maxRecipients} applies to volunteers, {@code leaderLevel}
 * to leaders; {@code repeat} is read on the last level only.
 */
public record PolicyLevel(
        int level,
        Notify audience,
        Integer maxRecipients,
        Integer leaderLevel,
        int timeoutSeconds,
        Integer repeat) {

    public static final int DEFAULT_MAX_RECIPIENTS = 5;

    public int maxRecipientsOrDefault() {
        return maxRecipients == null ? DEFAULT_MAX_RECIPIENTS : maxRecipients;
    }

    public int repeatOrZero() {
        return repeat == null ? 0 : repeat;
    }
}
