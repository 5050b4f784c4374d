package huzhu.core.incident;

import huzhu.core.audit.AuditService;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.BasedOn;
import huzhu.core.kernel.Versioned;
import huzhu.core.kernel.VersionedChange;
import java.util.Map;

/**
 * The union's escalation policy. New incidents take a snapshot; open ones keep the one they started with. Its
 * version counts the saves (0: never saved, the default applies), so two admins editing it cannot overwrite each other.
 */
public final class PolicyService {
    private static final int ATTEMPTS = 5;

    private final SettingsStore settings;
    private final AuditService audit;
    private final EscalationPolicy defaultPolicy;

    public PolicyService(SettingsStore settings, AuditService audit, EscalationPolicy defaultPolicy) {
        this.settings = settings;
        this.audit = audit;
        this.defaultPolicy = defaultPolicy;
    }

    public EscalationPolicy current() {
        return saved().value();
    }

    /** The policy in force and its version (0 while the default applies). */
    public Versioned<EscalationPolicy> saved() {
        return settings.savedEscalationPolicy().orElse(new Versioned<>(defaultPolicy, 0));
    }

    public EscalationPolicy replace(EscalationPolicy policy) {
        return replace(policy, Actor.SYSTEM);
    }

    public EscalationPolicy replace(EscalationPolicy policy, Actor actor) {
        return replace(policy, actor, BasedOn.ANY).value();
    }

    /** Saves it, if the policy in force is still a version {@code basedOn} names (412 otherwise). */
    public Versioned<EscalationPolicy> replace(EscalationPolicy policy, Actor actor, BasedOn basedOn) {
        if (policy == null) throw Invalid.of("levels", "invalid.required");
        Map<String, String> problems = policy.problems();
        if (!problems.isEmpty()) throw new Invalid(problems);
        Versioned<EscalationPolicy> saved = VersionedChange.edit(ATTEMPTS, this::saved, Versioned::version, basedOn,
                current -> new Versioned<>(policy, current.version() + 1),
                next -> settings.saveEscalationPolicy(next.value(), next.version())).after();
        audit.record(actor, "update", "policy", null, null);
        return saved;
    }
}
