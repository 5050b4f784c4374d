package huzhu.core.service;

import huzhu.core.model.Alert;
import huzhu.core.model.Channel;
import huzhu.core.model.Incident;
import huzhu.core.model.IncidentType;
import huzhu.core.model.Leader;
import huzhu.core.model.Member;
import huzhu.core.model.Reporter;
import huzhu.core.model.TimelineEntry;
import huzhu.core.model.Volunteer;
import huzhu.core.port.EscalationTimer;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One union in memory for service stories: the test kit's fakes behind {@link Services#create}, and the
 * few shortcuts every story needs. Nothing here decides anything; the services do.
 */
final class World {
    static final ServiceConfig CONFIG = new ServiceConfig("https://huzhu.example", null);

    /** A deadline the timer port was asked to wake. */
    record Wake(String incidentId, int level, Instant deadline) {
    }

    final InMemoryStore memory = new InMemoryStore();
    final RecordingMessenger messenger = new RecordingMessenger();
    final MutableClock clock = MutableClock.atT0();
    final SequentialIds ids = new SequentialIds(20260302);
    final List<Wake> wakes = new ArrayList<>();
    final EscalationTimer timer = (incidentId, level, deadline) -> wakes.add(new Wake(incidentId, level, deadline));
    /** What the services see: the memory store as is, unless a story lets a competing write slip in. */
    final InterleavingStore store = new InterleavingStore(memory);
    /** What the leaders' topic was told: "leaderLevel: text". */
    final List<String> announced = new ArrayList<>();
    final Services services = Services.create(store, messenger,
            (leaderLevel, subject, text) -> announced.add(leaderLevel + ": " + text), timer, clock, ids, CONFIG);

    Dispatcher dispatcher() {
        return services.dispatcher();
    }

    Member add(Member m) {
        memory.members().insert(m);
        return m;
    }

    Volunteer add(Volunteer v) {
        memory.volunteers().insert(v);
        return v;
    }

    Leader add(Leader l) {
        memory.leaders().insert(l);
        return l;
    }

    Incident incident(String id) {
        return memory.incident(id).orElseThrow();
    }

    Alert alert(String incidentId, String recipientId) {
        return incident(incidentId).alertFor(recipientId).orElseThrow();
    }

    /** The token of the ack link in this recipient's alert SMS. */
    String ackToken(String incidentId, String recipientId) {
        return CONFIG.ackTokens().token(incident(incidentId).code(), incidentId, recipientId);
    }

    Instant later(int seconds) {
        return clock.advance(Duration.ofSeconds(seconds));
    }

    /** An incident raised for the member by one of their family, through the personal link. */
    Incident openFor(Member member, String reporterPhone, String reporterName) {
        return dispatcher().open(new Dispatcher.NewIncident(null, member.id(), IncidentType.MEDICAL, "父亲胸口疼，喘不上气",
                null, new Reporter(reporterPhone, reporterName, Channel.HTTP, true), member.language()));
    }

    static List<String> kinds(Incident incident) {
        return incident.timeline().stream().map(TimelineEntry::kind).toList();
    }

    static List<String> recipients(Incident incident, int level) {
        return incident.alerts().stream().filter(a -> a.level() == level).map(Alert::recipientId).toList();
    }
}
