package huzhu.core.testing;

import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.Versioned;
import java.util.Optional;

final class MemorySettings implements SettingsStore {
    private static final String ESCALATION = "escalation";

    private final Object lock;
    private final MemoryTable<Versioned<EscalationPolicy>> policy;
    private DutyRoster roster;

    MemorySettings(Object lock) {
        this.lock = lock;
        this.policy = new MemoryTable<>(lock, "policy", p -> ESCALATION, Versioned::version);
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
        synchronized (lock) {
            return Optional.ofNullable(roster);
        }
    }

    @Override
    public void saveDutyRoster(DutyRoster roster) {
        synchronized (lock) {
            this.roster = roster;
        }
    }
}
