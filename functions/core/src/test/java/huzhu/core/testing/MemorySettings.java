package huzhu.core.testing;

import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.Versioned;
import java.util.Optional;

final class MemorySettings implements SettingsStore {
    private static final String ESCALATION = "escalation";
    private static final String ROSTER = "duty-roster";

    private final MemoryTable<Versioned<EscalationPolicy>> policy;
    private final MemoryTable<DutyRoster> roster;

    MemorySettings(Object lock) {
        this.policy = new MemoryTable<>(lock, "policy", p -> ESCALATION, Versioned::version);
        this.roster = new MemoryTable<>(lock, "roster", r -> ROSTER);
    }

    @Override
    public Optional<Versioned<EscalationPolicy>> savedEscalationPolicy() {
        return policy.get(ESCALATION);
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy, long version) {
        this.policy.save(new Versioned<>(policy, version));
    }

    @Override
    public Optional<DutyRoster> dutyRoster() {
        return roster.get(ROSTER);
    }

    @Override
    public void saveDutyRoster(DutyRoster roster) {
        this.roster.put(roster);
    }
}
