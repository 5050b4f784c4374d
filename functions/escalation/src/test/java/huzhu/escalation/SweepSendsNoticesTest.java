package huzhu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import huzhu.core.model.Actor;
import huzhu.core.model.Channel;
import huzhu.core.model.Incident;
import huzhu.core.model.IncidentType;
import huzhu.core.model.NoticeStatus;
import huzhu.core.model.Reporter;
import huzhu.core.port.EscalationTimer;
import huzhu.core.port.LeaderAnnouncements;
import huzhu.core.port.DependencyFailure;
import huzhu.core.port.NoticeBroadcast;
import huzhu.core.port.Store;
import huzhu.core.service.CareConfig;
import huzhu.core.service.Dispatcher;
import huzhu.core.service.NoticeService.AudienceInput;
import huzhu.core.service.NoticeService.NoticeInput;
import huzhu.core.service.ServiceConfig;
import huzhu.core.service.Services;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escalation sweep's scheduled event is also the trigger that sends scheduled notices. */
class SweepSendsNoticesTest {
    private static final Actor OFFICER = new Actor("sub-1", "周干事");

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, sms, LeaderAnnouncements.NONE, EscalationTimer.NONE, clock,
            new SequentialIds(5), new ServiceConfig("https://huzhu.example", null),
            new Services.Care(CareConfig.DEFAULTS, NoticeBroadcast.NONE, clock::advance));
    private final EscalationHandler handler = new EscalationHandler(services.dispatcher(), services.campaigns());
    private final ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled-check.json");

    @Test
    void theSweep_escalatesFirst_thenSendsTheScheduledNoticeWhoseTimeHasCome() {
        // given an overdue incident, and a notice scheduled for a minute from now
        store.members().insert(Fixtures.member("m-1").phone(Fixtures.phone(1)).home("武汉市", "江汉区").build());
        store.volunteers().insert(Fixtures.volunteer("v-1").phone(Fixtures.phone(11)).area("武汉市", "江汉区").build());
        store.leaders().insert(Fixtures.leader("l-1").phone(Fixtures.phone(21)).level(1).build());
        Incident opened = services.dispatcher().open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL,
                "胸口疼", null, new Reporter(Fixtures.phone(2), null, Channel.SMS, true), null));
        Instant at = clock.instant().plusSeconds(60);
        String id = services.notices().create(new NoticeInput("端午慰问", "工会发放慰问品。",
                new AudienceInput("all-members", null), at.toString()), OFFICER).notice().id();

        // when the sweep runs before, then after the notice's time
        handler.handleRequest(event, null);
        long before = sms.bodiesTo(Fixtures.phone(1)).stream().filter(b -> b.contains("端午慰问")).count();
        clock.advance(Duration.ofSeconds(200));
        Map<String, Object> result = handler.handleRequest(event, null);

        // then
        assertThat(before).isZero();
        assertThat(result).containsEntry("escalated", 1);
        assertThat(store.incident(opened.id()).orElseThrow().level()).isEqualTo(1);
        assertThat(services.notices().get(id).notice().status()).isEqualTo(NoticeStatus.SENT);
        assertThat(sms.bodiesTo(Fixtures.phone(1))).filteredOn(b -> b.contains("端午慰问")).hasSize(1);
    }

    @Test
    void aBulkSenderThatFails_stillLetsEscalationRun_andFailsTheInvocationAfterwards() {
        // given a store whose leases fail: the bulk sender cannot run
        Services s = Services.create(failingLeases(store), sms, LeaderAnnouncements.NONE, EscalationTimer.NONE, clock,
                new SequentialIds(6), new ServiceConfig("https://huzhu.example", null),
                new Services.Care(CareConfig.DEFAULTS, NoticeBroadcast.NONE, clock::advance));
        store.members().insert(Fixtures.member("m-1").home("武汉市", "江汉区").build());
        store.leaders().insert(Fixtures.leader("l-1").phone(Fixtures.phone(21)).level(1).build());
        Incident opened = s.dispatcher().open(new Dispatcher.NewIncident(null, "m-1", IncidentType.MEDICAL, "胸口疼",
                null, new Reporter(Fixtures.phone(2), null, Channel.SMS, true), null));
        clock.advance(Duration.ofSeconds(181));

        // when / then
        assertThatThrownBy(() -> new EscalationHandler(s.dispatcher(), s.campaigns()).handleRequest(event, null))
                .hasMessageContaining("lease table unavailable");
        assertThat(store.incident(opened.id()).orElseThrow().level()).isEqualTo(1);
    }

    /** The store as is, except that taking a lease fails like an unavailable table. */
    private static Store failingLeases(Store store) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("acquireLease")) {
                        throw new DependencyFailure("lease table unavailable", null);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
