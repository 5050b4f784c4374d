package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.error.DependencyFailure;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.Intercepted;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.core.testing.World;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SweepResilienceTest {
    private final InMemoryStore memory = new InMemoryStore();
    private final AtomicReference<String> broken = new AtomicReference<>();
    private final MutableClock clock = MutableClock.atT0();
    private final Dispatcher dispatcher = Services.create(failingWritesOf(memory), new RecordingMessenger(),
            EscalationTimer.NONE, clock, new SequentialIds(9), World.CONFIG).dispatcher();

    @Test
    void oneIncidentThatCannotBeWritten_doesNotHoldBackTheOthersDueInTheSameSweep() {
        // given two members' incidents, both past their deadline; writes to the first one fail
        memory.directory().members().insert(Fixtures.member("m-1").phone(phone(1)).home("杭州", "西湖区").build());
        memory.directory().members().insert(Fixtures.member("m-2").phone(phone(2)).home("杭州", "西湖区").build());
        memory.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(phone(11)).build());
        memory.directory().leaders().insert(Fixtures.leader("l-1").phone(phone(21)).level(1).build());
        Incident first = open("m-1");
        Incident second = open("m-2");
        clock.advance(Duration.ofSeconds(181));
        broken.set(first.id());

        // when / then: the sweep fails (so it is retried and alarmed on) but only after moving the other one
        assertThatThrownBy(dispatcher::escalateDue).isInstanceOf(DependencyFailure.class);
        assertThat(memory.incidents().get(second.id()).orElseThrow().level()).isEqualTo(1);
        assertThat(memory.incidents().get(first.id()).orElseThrow().level()).isZero();
    }

    private Incident open(String memberId) {
        return dispatcher.open(new Dispatcher.NewIncident(null, memberId, IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(phone(3), null, Channel.SMS, true), null));
    }

    private Store failingWritesOf(Store store) {
        return Intercepted.store(store, (method, args, real) -> {
            if (Intercepted.first(args) instanceof Incident i && method.getName().equals("update")
                    && i.id().equals(broken.get())) {
                throw new DependencyFailure("DynamoDB unavailable (test)", null);
            }
            return real.run();
        });
    }
}
