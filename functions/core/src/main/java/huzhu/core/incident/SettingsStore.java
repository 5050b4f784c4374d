package huzhu.core.incident;

import java.util.Optional;

public interface SettingsStore {
    /** The union's escalation policy, empty until an admin saves one. */
    Optional<EscalationPolicy> escalationPolicy();

    void saveEscalationPolicy(EscalationPolicy policy);

    /** The officers' duty roster, empty until an admin saves one. */
    Optional<DutyRoster> dutyRoster();

    void saveDutyRoster(DutyRoster roster);
}
