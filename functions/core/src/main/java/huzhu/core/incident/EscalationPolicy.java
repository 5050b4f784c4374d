package huzhu.core.incident;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who is alerted, level after level, while nobody accepts. Each incident keeps the snapshot it started with. */
public record EscalationPolicy(List<PolicyLevel> levels) {

    public static final int MAX_TIMEOUT_SECONDS = 86_400;
    public static final int MAX_REPEAT = 20;
    public static final int MAX_RECIPIENTS_LIMIT = 50;

    public static final EscalationPolicy DEFAULT = new EscalationPolicy(List.of(
            new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 5, null, 180, null),
            new PolicyLevel(1, Notify.LEADERS, null, 1, 300, null),
            new PolicyLevel(2, Notify.LEADERS, null, 2, 600, 3)));

    public EscalationPolicy {
        // a copy that keeps null entries, so that problems() can report "levels[i]" instead of the
        // constructor failing on the JSON [null] with a NullPointerException
        levels = levels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(levels));
    }

    public PolicyLevel level(int n) {
        return levels.get(n);
    }

    public int lastLevel() {
        return levels.size() - 1;
    }

    /** Where an incident without a known member starts: the first level that reaches leaders. */
    public int firstLeaderLevel() {
        for (PolicyLevel l : levels) {
            if (l.audience() == Notify.LEADERS) return l.level();
        }
        return 0;
    }

    /** Field errors (path → message key); empty when the policy is usable. */
    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (levels.isEmpty()) {
            errors.put("levels", "invalid.policy.empty");
            return errors;
        }
        if (levels.size() > 10) errors.put("levels", "invalid.policy.tooMany");
        for (int i = 0; i < levels.size(); i++) {
            PolicyLevel l = levels.get(i);
            String at = "levels[" + i + "].";
            if (l == null) {
                errors.put("levels[" + i + "]", "invalid.required");
                continue;
            }
            if (l.level() != i) errors.put(at + "level", "invalid.policy.levelOrder");
            if (l.audience() == null) errors.put(at + "notify", "invalid.policy.notify");
            if (l.timeoutSeconds() < 1 || l.timeoutSeconds() > MAX_TIMEOUT_SECONDS) {
                errors.put(at + "timeoutSeconds", "invalid.policy.timeout");
            }
            if (l.audience() == Notify.NEARBY_VOLUNTEERS && l.maxRecipients() != null
                    && (l.maxRecipients() < 1 || l.maxRecipients() > MAX_RECIPIENTS_LIMIT)) {
                errors.put(at + "maxRecipients", "invalid.policy.maxRecipients");
            }
            if (l.audience() == Notify.LEADERS && (l.leaderLevel() == null || l.leaderLevel() < 1)) {
                errors.put(at + "leaderLevel", "invalid.policy.leaderLevel");
            }
            if (l.repeat() != null && (l.repeat() < 0 || l.repeat() > MAX_REPEAT)) {
                errors.put(at + "repeat", "invalid.policy.repeat");
            }
        }
        return errors;
    }
}
