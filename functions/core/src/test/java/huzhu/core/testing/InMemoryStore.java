package huzhu.core.testing;

import huzhu.core.error.Invalid;
import huzhu.core.model.ApplicationStatus;
import huzhu.core.model.AssistanceApplication;
import huzhu.core.model.AuditEntry;
import huzhu.core.model.DeliveryStatus;
import huzhu.core.model.FamilyIntroduction;
import huzhu.core.model.IntroductionStatus;
import huzhu.core.model.Notice;
import huzhu.core.model.NoticeDelivery;
import huzhu.core.model.NoticeReply;
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
import huzhu.core.port.StaleWrite;
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
    private final Map<String, Instant> optOuts = new HashMap<>();
    private final MemoryRegistry<Member> members = new MemoryRegistry<>("member");
    private final MemoryRegistry<Volunteer> volunteers = new MemoryRegistry<>("volunteer");
    private final MemoryRegistry<Leader> leaders = new MemoryRegistry<>("leader");
    private final Map<String, String> memberByTokenHash = new HashMap<>();
    private final Map<String, String> tokenHashByMember = new HashMap<>();
    private final Map<String, Incident> incidents = new HashMap<>();
    private final Map<String, FollowUp> followUps = new HashMap<>();
    private final Map<String, Remembered> idempotency = new HashMap<>();
    private final Map<String, AuditEntry> audit = new HashMap<>();
    private final Map<String, FamilyIntroduction> introductions = new TreeMap<>();
    private final Map<String, Notice> notices = new HashMap<>();
    private final Map<String, NoticeDelivery> deliveries = new TreeMap<>();
    private final Map<String, NoticeReply> replies = new HashMap<>();
    private final Map<String, AssistanceApplication> applications = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private EscalationPolicy policy;

    private record Lease(String owner, Instant until) {
    }

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
    public boolean hasTriggerToken(String memberId) {
        synchronized (lock) {
            return tokenHashByMember.containsKey(memberId);
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

    // ---- family introductions

    @Override
    public void saveIntroduction(FamilyIntroduction next) {
        synchronized (lock) {
            String key = next.memberId() + " " + next.phone();
            FamilyIntroduction stored = introductions.get(key);
            long expected = stored == null ? 0 : stored.version();
            if (next.version() != expected + 1) throw new StaleWrite("introduction", key);
            introductions.put(key, next);
        }
    }

    @Override
    public Optional<FamilyIntroduction> introduction(String memberId, String phone) {
        synchronized (lock) {
            return Optional.ofNullable(introductions.get(memberId + " " + phone));
        }
    }

    @Override
    public List<FamilyIntroduction> introductionsOf(String memberId) {
        synchronized (lock) {
            return introductions.values().stream().filter(i -> i.memberId().equals(memberId)).toList();
        }
    }

    @Override
    public List<FamilyIntroduction> introductions() {
        synchronized (lock) {
            return List.copyOf(introductions.values());
        }
    }

    @Override
    public List<FamilyIntroduction> introductionsWithStatus(IntroductionStatus status) {
        synchronized (lock) {
            return introductions.values().stream().filter(i -> i.status() == status)
                    .sorted(Comparator.comparing(FamilyIntroduction::requestedAt)
                            .thenComparing(FamilyIntroduction::memberId).thenComparing(FamilyIntroduction::phone))
                    .toList();
        }
    }

    // ---- notices

    @Override
    public void insertNotice(Notice notice) {
        synchronized (lock) {
            if (notices.containsKey(notice.id())) throw new IllegalStateException("notice " + notice.id() + " already exists");
            notices.put(notice.id(), notice);
        }
    }

    @Override
    public void updateNotice(Notice updated) {
        synchronized (lock) {
            Notice stored = notices.get(updated.id());
            if (stored == null || stored.version() != updated.version() - 1) throw new StaleWrite("notice", updated.id());
            notices.put(updated.id(), updated);
        }
    }

    @Override
    public Optional<Notice> notice(String id) {
        synchronized (lock) {
            return Optional.ofNullable(notices.get(id));
        }
    }

    @Override
    public Page<Notice> notices(PageRequest request) {
        NewestNotice after = request.cursor() == null ? null : NewestNotice.decode(request.cursor());
        synchronized (lock) {
            return page(notices.values(), NewestNotice::of, after, request, NewestNotice::encode);
        }
    }

    @Override
    public List<Notice> noticesDue(Instant now) {
        synchronized (lock) {
            return notices.values().stream().filter(n -> n.dueAt() != null && !n.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Notice::dueAt).thenComparing(Notice::id)).toList();
        }
    }

    @Override
    public boolean insertDelivery(NoticeDelivery delivery) {
        synchronized (lock) {
            return deliveries.putIfAbsent(delivery.noticeId() + " " + delivery.phone(), delivery) == null;
        }
    }

    @Override
    public void updateDelivery(NoticeDelivery updated) {
        synchronized (lock) {
            String key = updated.noticeId() + " " + updated.phone();
            NoticeDelivery stored = deliveries.get(key);
            if (stored == null || stored.version() != updated.version() - 1) throw new StaleWrite("delivery", key);
            deliveries.put(key, updated);
        }
    }

    @Override
    public List<NoticeDelivery> deliveries(String noticeId) {
        synchronized (lock) {
            return deliveries.values().stream().filter(d -> d.noticeId().equals(noticeId)).toList();
        }
    }

    @Override
    public Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since) {
        synchronized (lock) {
            return deliveries.values().stream()
                    .filter(d -> d.phone().equals(phone) && d.status() == DeliveryStatus.SENT && d.sentAt() != null
                            && !d.sentAt().isBefore(since))
                    .max(Comparator.comparing(NoticeDelivery::sentAt).thenComparing(NoticeDelivery::noticeId));
        }
    }

    @Override
    public void appendReply(NoticeReply reply) {
        synchronized (lock) {
            if (replies.containsKey(reply.id())) throw new IllegalStateException("reply " + reply.id() + " already exists");
            replies.put(reply.id(), reply);
        }
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        synchronized (lock) {
            return replies.values().stream().filter(r -> r.noticeId().equals(noticeId))
                    .sorted(Comparator.comparing(NoticeReply::at).thenComparing(NoticeReply::id)).toList();
        }
    }

    // ---- assistance applications

    @Override
    public void insertApplication(AssistanceApplication application) {
        synchronized (lock) {
            if (applications.containsKey(application.id())) {
                throw new IllegalStateException("application " + application.id() + " already exists");
            }
            applications.put(application.id(), application);
        }
    }

    @Override
    public void updateApplication(AssistanceApplication updated) {
        synchronized (lock) {
            AssistanceApplication stored = applications.get(updated.id());
            if (stored == null || stored.version() != updated.version() - 1) {
                throw new StaleWrite("application", updated.id());
            }
            applications.put(updated.id(), updated);
        }
    }

    @Override
    public Optional<AssistanceApplication> application(String id) {
        synchronized (lock) {
            return Optional.ofNullable(applications.get(id));
        }
    }

    @Override
    public Page<AssistanceApplication> applications(String status, PageRequest request) {
        Predicate<ApplicationStatus> wanted = applicationStatusFilter(status);
        NewestApplication after = request.cursor() == null ? null : NewestApplication.decode(request.cursor());
        synchronized (lock) {
            List<AssistanceApplication> matching = applications.values().stream()
                    .filter(a -> wanted.test(a.status())).toList();
            return page(matching, NewestApplication::of, after, request, NewestApplication::encode);
        }
    }

    @Override
    public List<AssistanceApplication> applicationsOf(String memberId) {
        synchronized (lock) {
            return applications.values().stream().filter(a -> a.memberId().equals(memberId))
                    .sorted(Comparator.comparing(NewestApplication::of)).toList();
        }
    }

    @Override
    public List<AssistanceApplication> applicationsSubmittedBetween(Instant from, Instant to) {
        synchronized (lock) {
            return applications.values().stream().filter(a -> inRange(a.submittedAt(), from, to))
                    .sorted(Comparator.comparing(AssistanceApplication::submittedAt)
                            .thenComparing(AssistanceApplication::id))
                    .toList();
        }
    }

    // ---- leases

    @Override
    public boolean acquireLease(String name, String owner, Instant until, Instant now) {
        synchronized (lock) {
            Lease held = leases.get(name);
            if (held != null && !held.owner().equals(owner) && held.until().isAfter(now)) return false;
            leases.put(name, new Lease(owner, until));
            return true;
        }
    }

    @Override
    public void releaseLease(String name, String owner) {
        synchronized (lock) {
            Lease held = leases.get(name);
            if (held != null && held.owner().equals(owner)) leases.remove(name);
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

    // ---- opt-outs

    @Override
    public void recordOptOut(String e164, Instant at) {
        synchronized (lock) {
            optOuts.putIfAbsent(e164, at);
        }
    }

    @Override
    public Optional<Instant> optedOutAt(String e164) {
        synchronized (lock) {
            return Optional.ofNullable(optOuts.get(e164));
        }
    }

    @Override
    public void clearOptOut(String e164) {
        synchronized (lock) {
            optOuts.remove(e164);
        }
    }

    // ---- shared rules

    static Predicate<ApplicationStatus> applicationStatusFilter(String word) {
        if (word == null || word.equalsIgnoreCase("all")) return s -> true;
        ApplicationStatus status = Wire.parse(ApplicationStatus.class, word);
        if (status == null) throw Invalid.of("status", "invalid.status");
        return s -> s == status;
    }

    /** Notices newest first; equal times by id, descending. */
    private record NewestNotice(Instant createdAt, String id) implements Comparable<NewestNotice> {
        static NewestNotice of(Notice n) {
            return new NewestNotice(n.createdAt(), n.id());
        }

        @Override
        public int compareTo(NewestNotice o) {
            int byTime = o.createdAt.compareTo(createdAt);
            return byTime != 0 ? byTime : o.id.compareTo(id);
        }

        String encode() {
            return Cursors.encode("notices", createdAt.toString(), id);
        }

        static NewestNotice decode(String cursor) {
            String[] parts = Cursors.decode(cursor, "notices", 2);
            try {
                return new NewestNotice(Instant.parse(parts[0]), parts[1]);
            } catch (DateTimeException e) {
                throw Cursors.invalid();
            }
        }
    }

    /** Applications newest submission first; equal times by id, descending. */
    private record NewestApplication(Instant submittedAt, String id) implements Comparable<NewestApplication> {
        static NewestApplication of(AssistanceApplication a) {
            return new NewestApplication(a.submittedAt(), a.id());
        }

        @Override
        public int compareTo(NewestApplication o) {
            int byTime = o.submittedAt.compareTo(submittedAt);
            return byTime != 0 ? byTime : o.id.compareTo(id);
        }

        String encode() {
            return Cursors.encode("applications", submittedAt.toString(), id);
        }

        static NewestApplication decode(String cursor) {
            String[] parts = Cursors.decode(cursor, "applications", 2);
            try {
                return new NewestApplication(Instant.parse(parts[0]), parts[1]);
            } catch (DateTimeException e) {
                throw Cursors.invalid();
            }
        }
    }

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
