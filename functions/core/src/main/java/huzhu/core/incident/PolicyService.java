package huzhu.core.incident;

import huzhu.core.audit.AuditService;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Actor;
import java.util.Map;

/** The union's escalation policy. New incidents take a snapshot; open ones keep the one they started with. */
public final class PolicyService {
    private final SettingsStore settings;
    private final AuditService audit;
    private final EscalationPolicy defaultPolicy;

    public PolicyService(SettingsStore settings, AuditService audit, EscalationPolicy defaultPolicy) {
        this.settings = settings;
        this.audit = audit;
        this.defaultPolicy = defaultPolicy;
    }

    public EscalationPolicy current() {
        return settings.escalationPolicy().orElse(defaultPolicy);
    }

    public EscalationPolicy replace(EscalationPolicy policy) {
        return replace(policy, Actor.SYSTEM);
    }

    public EscalationPolicy replace(EscalationPolicy policy, Actor actor) {
        if (policy == null) throw Invalid.of("levels", "invalid.required");
        Map<String, String> problems = policy.problems();
        if (!problems.isEmpty()) throw new Invalid(problems);
        settings.saveEscalationPolicy(policy);
        audit.record(actor, "update", "policy", null, null);
        return policy;
    }
}
