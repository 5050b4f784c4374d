package huzhu.core.service;

import huzhu.core.error.Invalid;
import huzhu.core.model.EscalationPolicy;
import huzhu.core.port.Store;
import java.util.Map;

/** The union's escalation policy. New incidents take a snapshot; open ones keep the one they started with. */
public final class PolicyService {
    private final Store store;

    public PolicyService(Store store) {
        this.store = store;
    }

    public EscalationPolicy current() {
        return store.escalationPolicy().orElse(EscalationPolicy.DEFAULT);
    }

    public EscalationPolicy replace(EscalationPolicy policy) {
        if (policy == null) throw Invalid.of("levels", "invalid.required");
        Map<String, String> problems = policy.problems();
        if (!problems.isEmpty()) throw new Invalid(problems);
        store.saveEscalationPolicy(policy);
        return policy;
    }
}
