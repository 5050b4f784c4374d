package huzhu.core.incident;

import huzhu.core.Store;
import huzhu.core.audit.AuditService;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Actor;
import java.util.Map;

/** The union's escalation policy. New incidents take a snapshot; open ones keep the one they started with. */
public final class PolicyService {
    private final Store store;
    private final AuditService audit;
    private final EscalationPolicy defaultPolicy;

    public PolicyService(Store store, AuditService audit, EscalationPolicy defaultPolicy) {
        this.store = store;
        this.audit = audit;
        this.defaultPolicy = defaultPolicy;
    }

    public EscalationPolicy current() {
        return store.escalationPolicy().orElse(defaultPolicy);
    }

    public EscalationPolicy replace(EscalationPolicy policy) {
        return replace(policy, Actor.SYSTEM);
    }

    public EscalationPolicy replace(EscalationPolicy policy, Actor actor) {
        if (policy == null) throw Invalid.of("levels", "invalid.required");
        Map<String, String> problems = policy.problems();
        if (!problems.isEmpty()) throw new Invalid(problems);
        store.saveEscalationPolicy(policy);
        audit.record(actor, "update", "policy", null, null);
        return policy;
    }
}
