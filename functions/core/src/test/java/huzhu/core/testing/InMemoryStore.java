package huzhu.core.testing;

import huzhu.core.error.Invalid;
import huzhu.core.model.AuditEntry;
import huzhu.core.error.NotFound;
import huzhu.core.model.DirectoryEntry;
import huzhu.core.model.EscalationPolicy;
import huzhu.core.model.FollowUp;
import huzhu.core.model.FollowUpStatus;
import huzhu.core.model.Incident;
import huzhu.core.model.IncidentStatus;
import huzhu.core.model.Leader;
import huzhu.core.model.Member;
import huzhu.core.model.Volunteer;
import huzhu.core.model.Wire;
import huzhu.core.port.IncidentQuery;
import huzhu.core.port.Page;
import huzhu.core.port.PageRequest;
import huzhu.core.port.Registry;
import huzhu.core.port.StaleIncident;
import huzhu.core.port.Store;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The whole {@link Store} in memory, with the semantics every real store must have (the
 * {@code StoreContract} suite checks both). One lock guards everything: tests value obvious
 * correctness over throughput.
 */
public final class InMemoryStore implements Store {
    private final Object lock = new Object();
    private final MemoryRegistry<Member> members = new MemoryRegistry<>("member");
    private final MemoryRegistry<Volunteer> volunteers = new MemoryRegistry<>("volunteer");
    private final MemoryRegistry<Leader> leaders = new MemoryRegistry<>("leader");
    private final Map<String, String> memberByTokenHash = new HashMap<>();
    private final Map<String, String> tokenHashByMember = new HashMap<>();
    private final Map<String, Incident> incidents = new HashMap<>();
    private final Map<String, FollowUp> followUps = new HashMap<>();
    private final Map<String, Remembered> idempotency = new HashMap<>();
    private final Map<String, AuditEntry> audit = new HashMap<>();
    private EscalationPolicy policy;

    private record Remembered(String value, Instant expiresAt) {
    }

    // ---- directory

    @Override
    public Registry<Member> members() {
        return members;
    }

    @Override
    public Registry<Volunteer> volunteers() {
        return volunteers;
    }

    @Override
    public Registry<Leader> leaders() {
        return leaders;
    }

    @Override
    public List<Member> membersWithFamilyPhone(String e164) {
        synchronized (lock) {
            return members.byId.values().stream().filter(m -> m.hasFamilyPhone(e164)).toList();
        }
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        synchronized (lock) {
            return volunteers.byId.values().stream()
                    .filter(v -> v.area() != null && city != null && city.equals(v.area().city()))
                    .toList();
        }
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        synchronized (lock) {
            return leaders.byId.values().stream().filter(l -> l.level() == level).toList();
        }
    }

    @Override
    public void bindTriggerToken(String memberId, String tokenHash) {
        synchronized (lock) {
            unbindTriggerToken(memberId);
            String previousOwner = memberByTokenHash.put(tokenHash, memberId);
            if (previousOwner != null) tokenHashByMember.remove(previousOwner);
            tokenHashByMember.put(memberId, tokenHash);
        }
    }

    @Override
    public Optional<String> memberIdForTriggerToken(String tokenHash) {
        synchronized (lock) {
            return Optional.ofNullable(memberByTokenHash.get(tokenHash));
        }
    }

    @Override
    public void unbindTriggerToken(String memberId) {
        synchronized (lock) {
            String old = tokenHashByMember.remove(memberId);
            if (old != null) memberByTokenHash.remove(old);
        }
    }

    // ---- incidents

    @Override
    public void create(Incident incident) {
        synchronized (lock) {
            if (incidents.containsKey(incident.id())) throw new StaleIncident(incident.id());
            incidents.put(incident.id(), incident);
        }
    }

    @Override
    public Optional<Incident> incident(String id) {
        synchronized (lock) {
            return Optional.ofNullable(incidents.get(id));
        }
    }

    @Override
    public void update(Incident updated) {
        synchronized (lock) {
            Incident stored = incidents.get(updated.id());
            if (stored == null || stored.version() != updated.version() - 1) throw new StaleIncident(updated.id());
            incidents.put(updated.id(), updated);
        }
    }

    @Override
    public List<Incident> active() {
        synchronized (lock) {
            return incidents.values().stream().filter(Incident::active).sorted(NEWEST_FIRST).toList();
        }
    }

    @Override
    public List<Incident> dueForEscalation(Instant now) {
        synchronized (lock) {
            return incidents.values().stream()
                    .filter(i -> i.active() && i.nextEscalationAt() != null && !i.nextEscalationAt().isAfter(now))
                    .sorted(Comparator.comparing(Incident::nextEscalationAt).thenComparing(Incident::id))
                    .toList();
        }
    }

    @Override
    public Page<Incident> list(IncidentQuery query, PageRequest request) {
        Predicate<IncidentStatus> status = statusFilter(query.status());
        NewestFirst after = request.cursor() == null ? null : NewestFirst.decode(request.cursor());
        synchronized (lock) {
            List<Incident> matching = incidents.values().stream()
                    .filter(i -> status.test(i.status()) && inRange(i.createdAt(), query.from(), query.to()))
                    .toList();
            return page(matching, NewestFirst::of, after, request, NewestFirst::encode);
        }
    }

    @Override
    public List<Incident> createdBetween(Instant from, Instant to) {
        synchronized (lock) {
            return incidents.values().stream()
                    .filter(i -> inRange(i.createdAt(), from, to))
                    .sorted(Comparator.comparing(Incident::createdAt).thenComparing(Incident::id))
                    .toList();
        }
    }

    // ---- follow-ups

    @Override
    public void insert(FollowUp followUp) {
        synchronized (lock) {
            if (followUps.containsKey(followUp.id())) {
                throw new IllegalStateException("followup " + followUp.id() + " already exists");
            }
            followUps.put(followUp.id(), followUp);
        }
    }

    @Override
    public void replace(FollowUp followUp) {
        synchronized (lock) {
            if (!followUps.containsKey(followUp.id())) throw new NotFound("followup");
            followUps.put(followUp.id(), followUp);
        }
    }

    @Override
    public Optional<FollowUp> followUp(String id) {
        synchronized (lock) {
            return Optional.ofNullable(followUps.get(id));
        }
    }

    @Override
    public List<FollowUp> forIncident(String incidentId) {
        synchronized (lock) {
            return followUps.values().stream()
                    .filter(f -> incidentId.equals(f.incidentId()))
                    .sorted(Comparator.comparing(ByDueDate::of))
                    .toList();
        }
    }

    @Override
    public Page<FollowUp> followUps(String status, PageRequest request) {
        Predicate<FollowUpStatus> wanted = followUpStatusFilter(status);
        ByDueDate after = request.cursor() == null ? null : ByDueDate.decode(request.cursor());
        synchronized (lock) {
            List<FollowUp> matching = followUps.values().stream().filter(f -> wanted.test(f.status())).toList();
            return page(matching, ByDueDate::of, after, request, ByDueDate::encode);
        }
    }

    // ---- settings, idempotency

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
    public Optional<String> remember(String key, String value, Instant expiresAt, Instant now) {
        synchronized (lock) {
            Remembered existing = idempotency.get(key);
            if (existing != null && existing.expiresAt().isAfter(now)) return Optional.of(existing.value());
            idempotency.put(key, new Remembered(value, expiresAt));
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> recall(String key, Instant now) {
        synchronized (lock) {
            Remembered existing = idempotency.get(key);
            return existing != null && existing.expiresAt().isAfter(now) ? Optional.of(existing.value()) : Optional.empty();
        }
    }

    // ---- audit

    @Override
    public void append(AuditEntry entry) {
        synchronized (lock) {
            if (audit.containsKey(entry.id())) throw new IllegalStateException("audit " + entry.id() + " already exists");
            audit.put(entry.id(), entry);
        }
    }

    @Override
    public Page<AuditEntry> audit(Instant from, Instant to, PageRequest request) {
        NewestAudit after = request.cursor() == null ? null : NewestAudit.decode(request.cursor());
        synchronized (lock) {
            List<AuditEntry> matching = audit.values().stream().filter(e -> inRange(e.at(), from, to)).toList();
            return page(matching, NewestAudit::of, after, request, NewestAudit::encode);
        }
    }

    // ---- what tests compare

    /** The keys of every record {@link #remember} kept (idempotency keys, rate-limit slots). */
    public Set<String> idempotencyKeys() {
        synchronized (lock) {
            return new TreeSet<>(idempotency.keySet());
        }
    }

    /**
     * Everything a person would call the union's data, as plain values: the directory, trigger links,
     * incidents, follow-ups, the policy and the audit log. Two snapshots are equal when no request changed any of it. It
     * leaves out the bookkeeping of {@link #remember} (idempotency records, rate-limit slots), which a refused
     * request is meant to write.
     */
    public Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(members.all(), volunteers.all(), leaders.all(), new TreeMap<>(memberByTokenHash),
                    new TreeMap<>(incidents), new TreeMap<>(followUps), Optional.ofNullable(policy),
                    new TreeMap<>(audit));
        }
    }

    public record Snapshot(List<Member> members, List<Volunteer> volunteers, List<Leader> leaders,
            Map<String, String> triggerLinks, Map<String, Incident> incidents, Map<String, FollowUp> followUps,
            Optional<EscalationPolicy> policy, Map<String, AuditEntry> audit) {
    }

    // ---- shared rules

    private static final Comparator<Incident> NEWEST_FIRST = Comparator.comparing(NewestFirst::of);

    static Predicate<IncidentStatus> statusFilter(String word) {
        if (word == null || word.equalsIgnoreCase("all")) return s -> true;
        if (word.equalsIgnoreCase("active")) return IncidentStatus::active;
        IncidentStatus status = Wire.parse(IncidentStatus.class, word);
        if (status == null) throw Invalid.of("status", "invalid.status");
        return s -> s == status;
    }

    static Predicate<FollowUpStatus> followUpStatusFilter(String word) {
        if (word == null || word.equalsIgnoreCase("all")) return s -> true;
        FollowUpStatus status = Wire.parse(FollowUpStatus.class, word);
        if (status == null) throw Invalid.of("status", "invalid.status");
        return s -> s == status;
    }

    private static boolean inRange(Instant at, Instant from, Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    static int limit(PageRequest request) {
        if (request.limit() < 1) return PageRequest.DEFAULT_LIMIT;
        return Math.min(request.limit(), PageRequest.MAX_LIMIT);
    }

    /** Keyset paging: the items after the cursor's key, in key order, and a cursor only if more remain. */
    private static <T, K extends Comparable<K>> Page<T> page(Collection<T> items, Function<T, K> key, K after,
            PageRequest request, Function<K, String> encode) {
        List<T> rest = items.stream()
                .filter(t -> after == null || key.apply(t).compareTo(after) > 0)
                .sorted(Comparator.comparing(key))
                .toList();
        int limit = limit(request);
        if (rest.size() <= limit) return new Page<>(rest, null);
        List<T> head = rest.subList(0, limit);
        return new Page<>(head, encode.apply(key.apply(head.get(limit - 1))));
    }

    /** Incidents list newest first; equal times by id, descending. */
    private record NewestFirst(Instant createdAt, String id) implements Comparable<NewestFirst> {
        static NewestFirst of(Incident i) {
            return new NewestFirst(i.createdAt(), i.id());
        }

        @Override
        public int compareTo(NewestFirst o) {
            int byTime = o.createdAt.compareTo(createdAt);
            return byTime != 0 ? byTime : o.id.compareTo(id);
        }

        String encode() {
            return Cursors.encode("incidents", createdAt.toString(), id);
        }

        static NewestFirst decode(String cursor) {
            String[] parts = Cursors.decode(cursor, "incidents", 2);
            try {
                return new NewestFirst(Instant.parse(parts[0]), parts[1]);
            } catch (DateTimeException e) {
                throw Cursors.invalid();
            }
        }
    }

    /** Audit entries newest first; equal times by id, descending. */
    private record NewestAudit(Instant at, String id) implements Comparable<NewestAudit> {
        static NewestAudit of(AuditEntry e) {
            return new NewestAudit(e.at(), e.id());
        }

        @Override
        public int compareTo(NewestAudit o) {
            int byTime = o.at.compareTo(at);
            return byTime != 0 ? byTime : o.id.compareTo(id);
        }

        String encode() {
            return Cursors.encode("audit", at.toString(), id);
        }

        static NewestAudit decode(String cursor) {
            String[] parts = Cursors.decode(cursor, "audit", 2);
            try {
                return new NewestAudit(Instant.parse(parts[0]), parts[1]);
            } catch (DateTimeException e) {
                throw Cursors.invalid();
            }
        }
    }

    /** Follow-ups by due date (those without one last), then id. */
    private record ByDueDate(LocalDate due, String id) implements Comparable<ByDueDate> {
        static ByDueDate of(FollowUp f) {
            return new ByDueDate(f.dueDate() == null ? LocalDate.MAX : f.dueDate(), f.id());
        }

        @Override
        public int compareTo(ByDueDate o) {
            int byDate = due.compareTo(o.due);
            return byDate != 0 ? byDate : id.compareTo(o.id);
        }

        String encode() {
            return Cursors.encode("followups", due.toString(), id);
        }

        static ByDueDate decode(String cursor) {
            String[] parts = Cursors.decode(cursor, "followups", 2);
            try {
                return new ByDueDate(LocalDate.parse(parts[0]), parts[1]);
            } catch (DateTimeException e) {
                throw Cursors.invalid();
            }
        }
    }

    private record ById(String id) implements Comparable<ById> {
        @Override
        public int compareTo(ById o) {
            return id.compareTo(o.id);
        }
    }

    private final class MemoryRegistry<T extends DirectoryEntry> implements Registry<T> {
        private final String what;
        private final TreeMap<String, T> byId = new TreeMap<>();

        MemoryRegistry(String what) {
            this.what = what;
        }

        @Override
        public Optional<T> get(String id) {
            synchronized (lock) {
                return Optional.ofNullable(byId.get(id));
            }
        }

        @Override
        public Optional<T> byPhone(String e164) {
            synchronized (lock) {
                return byId.values().stream().filter(e -> e164.equals(e.phone())).findFirst();
            }
        }

        @Override
        public Page<T> page(PageRequest request) {
            ById after = request.cursor() == null ? null : new ById(Cursors.decode(request.cursor(), what, 1)[0]);
            synchronized (lock) {
                return InMemoryStore.page(byId.values(), e -> new ById(e.id()), after, request,
                        k -> Cursors.encode(what, k.id()));
            }
        }

        @Override
        public List<T> all() {
            synchronized (lock) {
                return List.copyOf(byId.values());
            }
        }

        @Override
        public void insert(T entry) {
            synchronized (lock) {
                if (byId.containsKey(entry.id())) {
                    throw new IllegalStateException(what + " " + entry.id() + " already exists");
                }
                refuseTakenPhone(entry);
                byId.put(entry.id(), entry);
            }
        }

        @Override
        public void update(T entry) {
            synchronized (lock) {
                if (!byId.containsKey(entry.id())) throw new NotFound(what);
                refuseTakenPhone(entry);
                byId.put(entry.id(), entry);
            }
        }

        @Override
        public boolean delete(String id) {
            synchronized (lock) {
                return byId.remove(id) != null;
            }
        }

        private void refuseTakenPhone(T entry) {
            boolean taken = byId.values().stream()
                    .anyMatch(e -> !e.id().equals(entry.id()) && e.phone() != null && e.phone().equals(entry.phone()));
            if (taken) throw new Registry.PhoneTaken(what);
        }
    }
}
