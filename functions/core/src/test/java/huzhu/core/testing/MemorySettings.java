package huzhu.core.testing;

import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.Versioned;
import java.util.Optional;

final class MemorySettings implements SettingsStore {
    private final Object lock;
    Versioned<EscalationPolicy> policy;
    DutyRoster roster;

    MemorySettings(Object lock) {
        this.lock = lock;
    }

    @Override
    public Optional<Versioned<EscalationPolicy>> savedEscalationPolicy() {
        synchronized (lock) {
            return Optional.ofNullable(policy);
        }
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy, long version) {
        synchronized (lock) {
            long stored = this.policy == null ? 0 : this.policy.version();
            if (stored != version - 1) throw new StaleWrite("policy", "escalation");
            this.policy = new Versioned<>(policy, version);
        }
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
