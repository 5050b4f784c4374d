package huzhu.robots;

import java.util.Locale;

/** Which of huzhu's messages a robot takes; a deployment chooses per robot. */
public enum GroupKind {
    /** The union's notices, posted to the group as well as sent by SMS. */
    NOTICE("notices"),
    /** One short line per incident step (opened, accepted, escalated, resolved, cancelled), no personal data. */
    INCIDENT_NEWS("incident-news"),
    /** The summary a leaders' escalation level gets, for a leaders' group. */
    LEADER_SUMMARY("leader-summaries");

    private final String wire;

    GroupKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static GroupKind fromWire(String wire) {
        String w = wire == null ? "" : wire.strip().toLowerCase(Locale.ROOT);
        for (GroupKind kind : values()) {
            if (kind.wire.equals(w)) return kind;
        }
        throw new IllegalArgumentException("unknown kind: " + w);
    }
}
