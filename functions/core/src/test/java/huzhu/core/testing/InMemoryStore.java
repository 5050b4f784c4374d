package huzhu.core.testing;

import huzhu.core.Store;
import huzhu.core.audit.AuditEntry;
import huzhu.core.care.FollowUp;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.kernel.Versioned;
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
    private final MemoryTriggerTokens triggerTokens = new MemoryTriggerTokens(lock, directory);
    private final MemoryIncidents incidents = new MemoryIncidents(lock);
    private final MemorySettings settings = new MemorySettings(lock);
    private final MemoryIdempotency idempotency = new MemoryIdempotency(lock);
    private final MemoryAudit audit = new MemoryAudit(lock);
    private final MemoryFollowUps followUps = new MemoryFollowUps(lock);
    private final Ports ports = new Ports(directory, triggerTokens, incidents, settings, idempotency, audit, followUps,
            new MemoryIntroductions(lock), new MemoryNotices(lock), new MemoryApplications(lock), new MemoryLeases(lock),
            new MemoryOptOuts(lock), new MemoryCareRounds(lock), new MemoryContactRequests(lock), new MemoryGuides(lock),
            new MemoryHolds(lock), new MemorySurges(lock));

    @Override
    public Ports ports() {
        return ports;
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
                    triggerTokens.memberByTokenHash(), new TreeMap<>(incidents.byId.rows()),
                    new TreeMap<>(followUps.byId.rows()), settings.savedEscalationPolicy().map(Versioned::value),
                    new TreeMap<>(audit.byId.rows()));
        }
    }

    public record Snapshot(List<Member> members, List<Volunteer> volunteers, List<Leader> leaders,
            Map<String, String> triggerLinks, Map<String, Incident> incidents, Map<String, FollowUp> followUps,
            Optional<EscalationPolicy> policy, Map<String, AuditEntry> audit) {
    }
}
