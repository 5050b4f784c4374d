package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ITEM_TYPE;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;
import static huzhu.aws.dynamo.TableSchema.TTL;

import huzhu.aws.AwsClients;
import huzhu.core.Store;
import huzhu.core.audit.AuditEntry;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.FollowUp;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeReply;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Registry;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The {@link Store} on one DynamoDB table, through the low-level client (no enhanced client: it reflects
 * over beans at cold start). The table design is in functions/aws/README.md; {@link TableSchema} creates it.
 * Nothing here does I/O until a method is called, so constructing it at init is free.
 */
public final class DynamoStore implements Store {
    public static final String TABLE_VARIABLE = "HUZHU_TABLE";
    public static final String ENDPOINT_VARIABLE = "HUZHU_DYNAMODB_ENDPOINT";

    private static final String LIVE_UNTIL = "liveUntil";
    private static final int ATTEMPTS = 5;

    private final Table table;
    private final PersonRegistry<Member> members;
    private final PersonRegistry<Volunteer> volunteers;
    private final PersonRegistry<Leader> leaders;
    private final TriggerTokens tokens;
    private final Incidents incidents;
    private final FollowUps followUps;
    private final AuditLog auditLog;
    private final Introductions introductions;
    private final Notices notices;
    private final Applications applications;
    private final Leases leases;

    public DynamoStore(DynamoDbClient client, String tableName) {
        this(client, tableName, Clock.systemUTC());
    }

    /** {@code clock} only dates phone claims (see {@link PersonRegistry}); the domain passes its own times. */
    public DynamoStore(DynamoDbClient client, String tableName, Clock clock) {
        this.table = new Table(client, tableName);
        this.members = new PersonRegistry<>(table, DirectoryItems.MEMBERS, clock);
        this.volunteers = new PersonRegistry<>(table, DirectoryItems.VOLUNTEERS, clock);
        this.leaders = new PersonRegistry<>(table, DirectoryItems.LEADERS, clock);
        this.tokens = new TriggerTokens(table);
        this.incidents = new Incidents(table);
        this.followUps = new FollowUps(table);
        this.auditLog = new AuditLog(table);
        this.introductions = new Introductions(table);
        this.notices = new Notices(table);
        this.applications = new Applications(table);
        this.leases = new Leases(table);
    }

    /** {@code HUZHU_TABLE} names the table; {@code HUZHU_DYNAMODB_ENDPOINT}, when set, points elsewhere than AWS. */
    public static DynamoStore fromEnvironment(AwsClients clients) {
        return fromEnvironment(clients, System.getenv());
    }

    static DynamoStore fromEnvironment(AwsClients clients, Map<String, String> env) {
        String tableName = env.get(TABLE_VARIABLE);
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalStateException(TABLE_VARIABLE + " must name the DynamoDB table");
        }
        String endpoint = env.get(ENDPOINT_VARIABLE);
        URI override = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.trim());
        return new DynamoStore(clients.configure(DynamoDbClient.builder(), override).build(), tableName.trim());
    }

    public String tableName() {
        return table.name();
    }

    // ---- the table itself

    /** Creates the table with its indexes (on demand) unless it exists, waits until it is usable, turns TTL on. */
    public void createTableIfMissing() {
        DynamoDbClient client = table.client();
        try {
            client.describeTable(b -> b.tableName(table.name()));
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(TableSchema.createTableRequest(table.name()));
            } catch (ResourceInUseException createdMeanwhile) {
                // another process created it first: fine
            } catch (SdkException e) {
                throw new DependencyFailure("creating DynamoDB table " + table.name() + " failed", e);
            }
        } catch (SdkException e) {
            throw new DependencyFailure("describing DynamoDB table " + table.name() + " failed", e);
        }
        awaitActive(Duration.ofMinutes(5));
        enableTimeToLive();
    }

    private void awaitActive(Duration patience) {
        long giveUp = System.nanoTime() + patience.toNanos();
        long pause = 50;
        while (true) {
            TableDescription t = table.call("DescribeTable",
                    () -> table.client().describeTable(b -> b.tableName(table.name())).table());
            boolean ready = t.tableStatus() == TableStatus.ACTIVE
                    && t.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
            if (ready) return;
            if (System.nanoTime() - giveUp > 0) {
                throw new DependencyFailure("DynamoDB table " + table.name() + " did not become active", null);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DependencyFailure("interrupted while waiting for table " + table.name(), e);
            }
            pause = Math.min(pause * 2, 2000);
        }
    }

    private void enableTimeToLive() {
        DynamoDbClient client = table.client();
        TimeToLiveStatus status = table.call("DescribeTimeToLive", () -> client
                .describeTimeToLive(b -> b.tableName(table.name())).timeToLiveDescription().timeToLiveStatus());
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) return;
        try {
            client.updateTimeToLive(b -> b.tableName(table.name())
                    .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName(TTL)));
        } catch (DynamoDbException e) {
            // dynalite has no TTL. Harmless: expired records are recognised by liveUntil, TTL only tidies up.
            boolean unknownOperation = e.awsErrorDetails() != null
                    && "UnknownOperationException".equals(e.awsErrorDetails().errorCode());
            if (!unknownOperation) {
                throw new DependencyFailure("turning on TTL for DynamoDB table " + table.name() + " failed", e);
            }
        } catch (SdkException e) {
            throw new DependencyFailure("turning on TTL for DynamoDB table " + table.name() + " failed", e);
        }
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
        return members.withFamilyPhone(e164);
    }

    @Override
    public List<Volunteer> volunteersInCity(String city) {
        if (city == null || city.isEmpty()) return List.of();
        return volunteers.byIndex(Keys.volunteersInCity(city));
    }

    @Override
    public List<Leader> leadersAtLevel(int level) {
        return leaders.byIndex(Keys.leadersAtLevel(level));
    }

    @Override
    public void bindTriggerToken(String memberId, String tokenHash) {
        tokens.bind(memberId, tokenHash);
    }

    @Override
    public Optional<String> memberIdForTriggerToken(String tokenHash) {
        return tokens.memberIdFor(tokenHash);
    }

    @Override
    public boolean hasTriggerToken(String memberId) {
        return tokens.has(memberId);
    }

    @Override
    public void unbindTriggerToken(String memberId) {
        tokens.unbind(memberId);
    }

    // ---- incidents

    @Override
    public void create(Incident incident) {
        incidents.create(incident);
    }

    @Override
    public Optional<Incident> incident(String id) {
        return incidents.incident(id);
    }

    @Override
    public void update(Incident updated) {
        incidents.update(updated);
    }

    @Override
    public List<Incident> active() {
        return incidents.active();
    }

    @Override
    public List<Incident> dueForEscalation(Instant now) {
        return incidents.dueForEscalation(now);
    }

    @Override
    public Page<Incident> list(IncidentQuery query, PageRequest page) {
        return incidents.list(query, page);
    }

    @Override
    public List<Incident> createdBetween(Instant from, Instant to) {
        return incidents.createdBetween(from, to);
    }

    // ---- follow-ups

    @Override
    public void insert(FollowUp followUp) {
        followUps.insert(followUp);
    }

    @Override
    public void replace(FollowUp followUp) {
        followUps.replace(followUp);
    }

    @Override
    public Optional<FollowUp> followUp(String id) {
        return followUps.followUp(id);
    }

    @Override
    public List<FollowUp> forIncident(String incidentId) {
        return followUps.forIncident(incidentId);
    }

    @Override
    public Page<FollowUp> followUps(String status, PageRequest page) {
        return followUps.followUps(status, page);
    }

    // ---- audit

    @Override
    public void append(AuditEntry entry) {
        auditLog.append(entry);
    }

    @Override
    public Page<AuditEntry> audit(Instant from, Instant to, PageRequest page) {
        return auditLog.audit(from, to, page);
    }

    // ---- issue 9: family introductions, notices, applications, leases

    @Override
    public void saveIntroduction(FamilyIntroduction next) {
        introductions.saveIntroduction(next);
    }

    @Override
    public Optional<FamilyIntroduction> introduction(String memberId, String phone) {
        return introductions.introduction(memberId, phone);
    }

    @Override
    public List<FamilyIntroduction> introductionsOf(String memberId) {
        return introductions.introductionsOf(memberId);
    }

    @Override
    public List<FamilyIntroduction> introductions() {
        return introductions.introductions();
    }

    @Override
    public List<FamilyIntroduction> introductionsWithStatus(IntroductionStatus status) {
        return introductions.introductionsWithStatus(status);
    }

    @Override
    public void insertNotice(Notice notice) {
        notices.insertNotice(notice);
    }

    @Override
    public void updateNotice(Notice updated) {
        notices.updateNotice(updated);
    }

    @Override
    public Optional<Notice> notice(String id) {
        return notices.notice(id);
    }

    @Override
    public Page<Notice> notices(PageRequest page) {
        return notices.notices(page);
    }

    @Override
    public List<Notice> noticesDue(Instant now) {
        return notices.noticesDue(now);
    }

    @Override
    public boolean insertDelivery(NoticeDelivery delivery) {
        return notices.insertDelivery(delivery);
    }

    @Override
    public void updateDelivery(NoticeDelivery updated) {
        notices.updateDelivery(updated);
    }

    @Override
    public List<NoticeDelivery> deliveries(String noticeId) {
        return notices.deliveries(noticeId);
    }

    @Override
    public Optional<NoticeDelivery> lastDeliveryTo(String phone, Instant since) {
        return notices.lastDeliveryTo(phone, since);
    }

    @Override
    public void appendReply(NoticeReply reply) {
        notices.appendReply(reply);
    }

    @Override
    public List<NoticeReply> replies(String noticeId) {
        return notices.replies(noticeId);
    }

    @Override
    public void insertApplication(AssistanceApplication application) {
        applications.insertApplication(application);
    }

    @Override
    public void updateApplication(AssistanceApplication updated) {
        applications.updateApplication(updated);
    }

    @Override
    public Optional<AssistanceApplication> application(String id) {
        return applications.application(id);
    }

    @Override
    public Page<AssistanceApplication> applications(String status, PageRequest page) {
        return applications.applications(status, page);
    }

    @Override
    public List<AssistanceApplication> applicationsOf(String memberId) {
        return applications.applicationsOf(memberId);
    }

    @Override
    public List<AssistanceApplication> applicationsSubmittedBetween(Instant from, Instant to) {
        return applications.applicationsSubmittedBetween(from, to);
    }

    @Override
    public boolean acquireLease(String name, String owner, Instant until, Instant now) {
        return leases.acquireLease(name, owner, until, now);
    }

    @Override
    public void releaseLease(String name, String owner) {
        leases.releaseLease(name, owner);
    }

    // ---- opt-outs

    @Override
    public void recordOptOut(String e164, Instant at) {
        table.put(Items.writer()
                .s(PK, Keys.optOut(e164)).s(SK, Keys.OPT_OUT).s(ITEM_TYPE, Keys.OPT_OUT)
                .s("at", at.toString())
                .build(), "attribute_not_exists(#pk)", null);
    }

    @Override
    public Optional<Instant> optedOutAt(String e164) {
        return table.get(Keys.optOut(e164), Keys.OPT_OUT).map(item -> Instant.parse(item.get("at").s()));
    }

    @Override
    public void clearOptOut(String e164) {
        table.delete(Keys.optOut(e164), Keys.OPT_OUT);
    }

    // ---- settings

    @Override
    public Optional<EscalationPolicy> escalationPolicy() {
        return table.get(Keys.SETTINGS, Keys.ESCALATION_POLICY)
                .map(item -> Items.reader(item).map("policy", PolicyItems::read));
    }

    @Override
    public void saveEscalationPolicy(EscalationPolicy policy) {
        table.put(Items.writer()
                .s(PK, Keys.SETTINGS).s(SK, Keys.ESCALATION_POLICY).s(ITEM_TYPE, Keys.SETTINGS)
                .map("policy", PolicyItems.write(policy))
                .build());
    }

    // ---- idempotency

    /**
     * A record is live while {@code liveUntil} (exact, sortable) is after now; {@code expiresAt} (epoch
     * seconds, rounded up) lets DynamoDB's TTL delete it some time later.
     */
    @Override
    public Optional<String> remember(String key, String value, Instant expiresAt, Instant now) {
        String pk = Keys.idempotency(key);
        Map<String, AttributeValue> item = Items.writer()
                .s(PK, pk).s(SK, Keys.IDEMPOTENCY).s(ITEM_TYPE, Keys.IDEMPOTENCY)
                .s("value", value)
                .s(LIVE_UNTIL, Keys.sortable(expiresAt))
                .n(TTL, expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0))
                .build();
        String nowKey = Keys.sortable(now);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (table.put(item, "attribute_not_exists(#pk) OR #liveUntil <= :now", Map.of(":now", Items.s(nowKey)))) {
                return Optional.empty();
            }
            Optional<Map<String, AttributeValue>> existing = table.get(pk, Keys.IDEMPOTENCY)
                    .filter(e -> e.get(LIVE_UNTIL).s().compareTo(nowKey) > 0);
            if (existing.isPresent()) return Optional.of(existing.get().get("value").s());
            // it expired or was deleted between our write and our read: write again
        }
        throw new DependencyFailure("idempotency record kept changing", null);
    }

    @Override
    public Optional<String> recall(String key, Instant now) {
        String nowKey = Keys.sortable(now);
        return table.get(Keys.idempotency(key), Keys.IDEMPOTENCY)
                .filter(e -> e.get(LIVE_UNTIL).s().compareTo(nowKey) > 0)
                .map(e -> e.get("value").s());
    }
}
