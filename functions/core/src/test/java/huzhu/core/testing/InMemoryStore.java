package huzhu.core.testing;

import huzhu.core.Store;
import huzhu.core.audit.AuditEntry;
import huzhu.core.audit.AuditStore;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpStore;
import huzhu.core.care.IntroductionStore;
import huzhu.core.care.LeaseStore;
import huzhu.core.care.NoticeStore;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.TriggerTokenStore;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.sms.OptOutStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every port of the {@link Store} in memory, with the semantics every real store must have (the
 * {@code StoreContract} suite checks both). One lock guards every part: tests value obvious correctness over
 * throughput.
 */
public final class InMemoryStore implements Store {
    private final Object lock = new Object();
    private final MemoryDirectory directory = new MemoryDirectory(lock);
    private final MemoryTriggerTokens triggerTokens = new MemoryTriggerTokens(lock);
    private final MemoryIncidents incidents = new MemoryIncidents(lock);
    private final MemorySettings settings = new MemorySettings(lock);
    private final MemoryIdempotency idempotency = new MemoryIdempotency(lock);
    private final MemoryAudit audit = new MemoryAudit(lock);
    private final MemoryFollowUps followUps = new MemoryFollowUps(lock);
    private final MemoryIntroductions introductions = new MemoryIntroductions(lock);
    private final MemoryNotices notices = new MemoryNotices(lock);
    private final MemoryApplications applications = new MemoryApplications(lock);
    private final MemoryLeases leases = new MemoryLeases(lock);
    private final MemoryOptOuts optOuts = new MemoryOptOuts(lock);

    @Override
    public DirectoryStore directory() {
        return directory;
    }

    @Override
    public TriggerTokenStore triggerTokens() {
        return triggerTokens;
    }

    @Override
    public IncidentStore incidents() {
        return incidents;
    }

    @Override
    public SettingsStore settings() {
        return settings;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public FollowUpStore followUps() {
        return followUps;
    }

    @Override
    public IntroductionStore introductions() {
        return introductions;
    }

    @Override
    public NoticeStore notices() {
        return notices;
    }

    @Override
    public ApplicationStore applications() {
        return applications;
    }

    @Override
    public LeaseStore leases() {
        return leases;
    }

    @Override
    public OptOutStore optOuts() {
        return optOuts;
    }

    // ---- what tests compare

    /** The keys of every record {@link IdempotencyStore#remember} kept (idempotency keys, rate-limit slots). */
    public Set<String> idempotencyKeys() {
        synchronized (lock) {
            return new TreeSet<>(idempotency.records.keySet());
        }
    }

    /**
     * Everything a person would call the union's data, as plain values: the directory, trigger links,
     * incidents, follow-ups, the policy and the audit log. Two snapshots are equal when no request changed any of
     * it. It leaves out the bookkeeping of {@link IdempotencyStore#remember} (idempotency records, rate-limit
     * slots), which a refused request is meant to write.
     */
    public Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(directory.members.all(), directory.volunteers.all(), directory.leaders.all(),
                    new TreeMap<>(triggerTokens.memberByTokenHash), new TreeMap<>(incidents.byId),
                    new TreeMap<>(followUps.byId), Optional.ofNullable(settings.policy), new TreeMap<>(audit.byId));
        }
    }

    public record Snapshot(List<Member> members, List<Volunteer> volunteers, List<Leader> leaders,
            Map<String, String> triggerLinks, Map<String, Incident> incidents, Map<String, FollowUp> followUps,
            Optional<EscalationPolicy> policy, Map<String, AuditEntry> audit) {
    }
}
