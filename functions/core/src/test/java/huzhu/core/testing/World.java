package huzhu.core.testing;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.Alert;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One union in memory for service stories: the test kit's fakes behind {@link Services#create}, and the
 * few shortcuts every story needs. Nothing here decides anything; the services do.
 */
public final class World {
    public static final ServiceConfig CONFIG = new ServiceConfig("https://huzhu.example", null);
    /** The union's SMS number, where the stories' texts arrive. */
    public static final String UNION_NUMBER = "+8610690000";

    /** A deadline the timer port was asked to wake. */
    public record Wake(String incidentId, int level, Instant deadline) {
    }

    public final InMemoryStore memory = new InMemoryStore();
    public final RecordingMessenger messenger = new RecordingMessenger();
    public final MutableClock clock = MutableClock.atT0();
    public final SequentialIds ids = new SequentialIds(20260302);
    public final List<Wake> wakes = new ArrayList<>();
    public final EscalationTimer timer = (incidentId, level, deadline) -> wakes.add(new Wake(incidentId, level, deadline));
    /** What the services see: the memory store as is, unless a story lets a competing write slip in. */
    public final InterleavingStore store = new InterleavingStore(memory);
    /** What the leaders' topic was told: "leaderLevel: text". */
    public final List<String> announced = new ArrayList<>();
    /** What the union's group chats were told. */
    public final RecordingGroup group = new RecordingGroup(messenger);
    public final ServiceConfig config;
    public final Services services;
    private final AtomicInteger inboundIds = new AtomicInteger();

    public World() {
        this(CONFIG);
    }

    /** A union with settings of its own (surge thresholds, limits, languages). */
    public World(ServiceConfig config) {
        this.config = config;
        this.services = Services.create(store, messenger,
                (leaderLevel, subject, text) -> announced.add(leaderLevel + ": " + text), group, timer, clock, ids,
                config, Services.Care.QUIET);
    }

    public Dispatcher dispatcher() {
        return services.dispatcher();
    }

    public Member add(Member m) {
        memory.directory().members().insert(m);
        return m;
    }

    public Volunteer add(Volunteer v) {
        memory.directory().volunteers().insert(v);
        return v;
    }

    public Leader add(Leader l) {
        memory.directory().leaders().insert(l);
        return l;
    }

    public Incident incident(String id) {
        return memory.incidents().get(id).orElseThrow();
    }

    /** Every incident the union holds, newest first (the stories open far fewer than a page of them). */
    public List<Incident> allIncidents() {
        return memory.incidents().list(IncidentQuery.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    public Alert alert(String incidentId, String recipientId) {
        return incident(incidentId).alertFor(recipientId).orElseThrow();
    }

    /** The token of the ack link in this recipient's alert SMS. */
    public String ackToken(String incidentId, String recipientId) {
        return config.ackTokens().token(incident(incidentId).code(), incidentId, recipientId);
    }

    public Instant later(int seconds) {
        return clock.advance(Duration.ofSeconds(seconds));
    }

    /** A text from {@code from} to the union's number, each with a provider message id of its own (in-1, in-2…). */
    public Handled sms(String from, String body) {
        return sms(from, body, null);
    }

    /** A reply that quotes one of the union's texts ({@code quotedMessageId}: its provider message id). */
    public Handled sms(String from, String body, String quotedMessageId) {
        String messageId = "in-" + inboundIds.incrementAndGet();
        return services.inboundSms().handle(new InboundSms(from, UNION_NUMBER, body, messageId, quotedMessageId));
    }

    /** An incident raised for the member by one of their family, through the personal link. */
    public Incident openFor(Member member, String reporterPhone, String reporterName) {
        return dispatcher().open(new Dispatcher.NewIncident(null, member.id(), IncidentType.MEDICAL, "父亲胸口疼，喘不上气",
                null, new Reporter(reporterPhone, reporterName, Channel.HTTP, true), member.language()));
    }

    public static List<String> kinds(Incident incident) {
        return incident.timeline().stream().map(TimelineEntry::kind).toList();
    }

    public static List<String> recipients(Incident incident, int level) {
        return incident.alerts().stream().filter(a -> a.level() == level).map(Alert::recipientId).toList();
    }
}
