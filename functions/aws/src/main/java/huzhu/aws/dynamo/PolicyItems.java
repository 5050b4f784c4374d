package huzhu.aws.dynamo;

import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Notify;
import huzhu.core.incident.PolicyLevel;

/** An escalation policy as a nested map: the union's setting, and each incident's frozen snapshot. */
final class PolicyItems {
    private PolicyItems() {
    }

    static Items.Writer write(EscalationPolicy policy) {
        if (policy == null) return null;
        return Items.writer().list("levels", policy.levels(), l -> Items.writer()
                .n("level", l.level())
                .wire("notify", l.audience())
                .n("maxRecipients", l.maxRecipients())
                .n("leaderLevel", l.leaderLevel())
                .n("timeoutSeconds", l.timeoutSeconds())
                .n("repeat", l.repeat()));
    }

    static EscalationPolicy read(Items.Reader r) {
        return new EscalationPolicy(r.list("levels", l -> new PolicyLevel(l.i("level"), l.wire(Notify.class, "notify"),
                l.intOrNull("maxRecipients"), l.intOrNull("leaderLevel"), l.i("timeoutSeconds"),
                l.intOrNull("repeat"))));
    }
}
