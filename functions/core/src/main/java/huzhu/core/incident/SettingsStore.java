package huzhu.core.incident;

import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Versioned;
import java.util.Optional;

public interface SettingsStore {
    /** The union's escalation policy and its version (how many times it was saved), empty until an admin saves one. */
    Optional<Versioned<EscalationPolicy>> savedEscalationPolicy();

    default Optional<EscalationPolicy> escalationPolicy() {
        return savedEscalationPolicy().map(Versioned::value);
    }

    /**
     * Saves the policy as {@code version} only if the stored one is {@code version - 1} (0: none saved yet); throws
     * {@link StaleWrite} and saves nothing otherwise.
     */
    void saveEscalationPolicy(EscalationPolicy policy, long version);

    /** Saves the policy over whatever is stored: tools, benchmarks and tests setting a union up. */
    default void saveEscalationPolicy(EscalationPolicy policy) {
        saveEscalationPolicy(policy, savedEscalationPolicy().map(Versioned::version).orElse(0L) + 1);
    }

    /** The officers' duty roster, empty until an admin saves one. */
    Optional<DutyRoster> dutyRoster();

    void saveDutyRoster(DutyRoster roster);
}
