package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.Services;
import huzhu.core.directory.Member;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.core.testing.World;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A level's escalation timer is set while its alerts go out, not one more round trip after them: the page that
 * told a family "已通知" and the SMS handler's answer waited for it on every incident opened.
 */
class TimerBesideTheAlertsTest {
    private static final int PATIENCE_SECONDS = 5;
    private static final String VOLUNTEER_PHONE = phone(11);

    private final InMemoryStore memory = new InMemoryStore();
    private final List<World.Wake> wakes = new CopyOnWriteArrayList<>();
    private final CountDownLatch timerAsked = new CountDownLatch(1);
    private final RecordingMessenger sent = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private Member member;

    @BeforeEach
    void aMemberWithAVolunteerNearby() {
        member = Fixtures.wangXiaoming().build();
        memory.directory().members().insert(member);
        memory.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(VOLUNTEER_PHONE).build());
    }

    /** The member's father texts for help. */
    private Dispatcher.NewIncident fathersText() {
        return new Dispatcher.NewIncident(null, member.id(), IncidentType.MEDICAL, "父亲胸口疼", null,
                new Reporter(phone(2), "王德福", Channel.SMS, true), member.language());
    }

    /**
     * Each SMS is answered only once the timer has been asked to wake (or patience runs out); without
     * {@code deliveredOk} the volunteer's number is refused for good.
     */
    private Services services(AtomicBoolean everySendMetTheTimer, boolean deliveredOk) {
        Messenger answersOnceTheTimerIsAsked = new Messenger() {
            @Override
            public SendResult send(OutboundSms sms) {
                try {
                    if (!timerAsked.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) everySendMetTheTimer.set(false);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return deliveredOk || !sms.to().equals(VOLUNTEER_PHONE) ? sent.send(sms)
                        : SendResult.failed("invalid-number (test)", true);
            }
        };
        EscalationTimer timer = (incidentId, level, deadline) -> {
            wakes.add(new World.Wake(incidentId, level, deadline));
            timerAsked.countDown();
        };
        return Services.create(memory, answersOnceTheTimerIsAsked, timer, clock, new SequentialIds(7), World.CONFIG);
    }

    @Test
    void openingAnIncident_setsTheLevelsTimer_whileItsAlertsAreStillOnTheirWay() {
        AtomicBoolean everySendMetTheTimer = new AtomicBoolean(true);

        Incident incident = services(everySendMetTheTimer, true).dispatcher().open(fathersText());

        assertThat(everySendMetTheTimer).as("the timer was asked while the alerts were still being sent").isTrue();
        assertThat(wakes).containsExactly(new World.Wake(incident.id(), 0, incident.nextEscalationAt()));
        assertThat(incident.alerts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AlertStatus.SENT));
    }

    @Test
    void aLevelNobodyCouldBeReachedAt_movesOnAtOnce_andItsEarlyTimerFindsNothingToDo() {
        AtomicBoolean everySendMetTheTimer = new AtomicBoolean(true);
        Services services = services(everySendMetTheTimer, false);
        memory.directory().leaders().insert(Fixtures.leader("l-1").phone(phone(21)).level(1).build());

        Incident incident = services.dispatcher().open(fathersText());

        // the volunteer's alert failed for good, so the incident went on to the officers at once, with a timer of its own
        Incident movedOn = memory.incidents().get(incident.id()).orElseThrow();
        assertThat(movedOn.level()).isPositive();
        assertThat(wakes).contains(new World.Wake(incident.id(), movedOn.level(), movedOn.nextEscalationAt()));
        World.Wake levelZero = wakes.get(0);
        assertThat(levelZero.level()).isZero();
        int smsBefore = sent.attempts().size();

        // when level 0's timer wakes at its deadline
        clock.set(levelZero.deadline());
        Dispatcher.Wake woke = services.dispatcher().onTimer(incident.id(), 0, levelZero.deadline());

        // then it finds the level moved on and does nothing
        assertThat(woke).isEqualTo(Dispatcher.Wake.STALE);
        Incident after = memory.incidents().get(incident.id()).orElseThrow();
        assertThat(after.level()).isEqualTo(movedOn.level());
        assertThat(after.version()).isEqualTo(movedOn.version());
        assertThat(sent.attempts()).hasSize(smsBefore);
    }

    @Test
    void whenSendingFails_theTimerSetBesideTheAlertsIsStillWaitedFor() {
        Messenger down = new Messenger() {
            @Override
            public SendResult send(OutboundSms sms) {
                throw new IllegalStateException("SMS service unreachable (test)");
            }
        };
        EscalationTimer slowTimer = (incidentId, level, deadline) -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            wakes.add(new World.Wake(incidentId, level, deadline));
        };
        Services services = Services.create(memory, down, slowTimer, clock, new SequentialIds(7), World.CONFIG);

        try {
            services.dispatcher().open(fathersText());
        } catch (RuntimeException whateverTheDispatcherMakesOfIt) {
            // the sweep resends what was not recorded; what matters here is the timer
        }

        assertThat(wakes).extracting(World.Wake::level).contains(0);
    }

    @Test
    void aCallerInterruptedWhileTheTimerIsStillBeingSet_keepsItsAlertsRecorded_andFailsNothing() throws Exception {
        CountDownLatch alertSent = new CountDownLatch(1);
        CountDownLatch timerMayFinish = new CountDownLatch(1);
        Messenger recordsTheAlert = new Messenger() {
            @Override
            public SendResult send(OutboundSms sms) {
                SendResult result = sent.send(sms);
                if (sms.to().equals(VOLUNTEER_PHONE)) alertSent.countDown();
                return result;
            }
        };
        EscalationTimer stuck = (incidentId, level, deadline) -> {
            try {
                timerMayFinish.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Services services = Services.create(memory, recordsTheAlert, stuck, clock, new SequentialIds(7), World.CONFIG);
        List<Object> outcome = new CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.add(services.dispatcher().open(fathersText()));
            } catch (RuntimeException e) {
                outcome.add(e);
            }
        });

        // when the caller is interrupted (a function shutting down) once its alert went out, the timer still pending
        caller.start();
        assertThat(alertSent.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        timerMayFinish.countDown();

        // then the open answers the incident, its alert recorded as sent: a lost timer is the sweep's to catch
        assertThat(outcome).hasSize(1);
        assertThat(outcome.get(0)).isInstanceOf(Incident.class);
        Incident stored = memory.incidents().get(((Incident) outcome.get(0)).id()).orElseThrow();
        assertThat(stored.alerts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AlertStatus.SENT));
    }
}
