package huzhu.core.testing;

import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.SettingsStore;
import java.util.Optional;

final class MemorySettings implements SettingsStore {
    private final Object lock;
    EscalationPolicy policy;
    DutyRoster roster;

    MemorySettings(Object lock) {
        this.lock = lock;
    }

    @Override
    public Optional<EscalationPolicy> escalationPolicy() {
        synchronized (lock) {
            return Optional.ofNullable(policy);
        }
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy) {
        synchronized (lock) {
            this.policy = policy;
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
