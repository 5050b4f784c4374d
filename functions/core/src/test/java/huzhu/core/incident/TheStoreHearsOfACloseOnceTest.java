package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.Services;
import huzhu.core.directory.Member;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.Intercepted;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.core.testing.World;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The write that closes a member's emergency tells the store, once, so that it can let go of what it kept while the
 * emergency was under way (DynamoDB: the claim in the member's partition); the closed incident's later writes (a
 * note, the family's thanks, a delivery receipt) do not, so they write nothing beside it.
 */
class TheStoreHearsOfACloseOnceTest {
    private final InMemoryStore memory = new InMemoryStore();
    private final List<String> closedTold = new CopyOnWriteArrayList<>();

    @Test
    void closingAnEmergency_tellsTheStoreOnce_andItsLaterWritesDoNot() {
        Member member = Fixtures.wangXiaoming().build();
        memory.directory().members().insert(member);
        memory.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(phone(11)).build());
        Services services = Services.create(Intercepted.store(memory, (method, args, real) -> {
            if (method.getName().equals("closed")) closedTold.add(((Incident) args[0]).id() + " " + ((Incident) args[0]).status());
            return real.run();
        }), new RecordingMessenger(), EscalationTimer.NONE, MutableClock.atT0(), new SequentialIds(7), World.CONFIG);
        Dispatcher dispatcher = services.dispatcher();

        Incident incident = dispatcher.open(new Dispatcher.NewIncident(null, member.id(), IncidentType.MEDICAL, "父亲胸口疼",
                null, new Reporter(phone(2), "王德福", Channel.SMS, true), member.language()));
        dispatcher.addNote(incident.id(), "已联系家属", "officer-1");
        assertThat(closedTold).isEmpty();

        dispatcher.cancel(incident.id(), "家属说已送医", "officer-1");
        dispatcher.addNote(incident.id(), "回访已安排", "officer-1");
        dispatcher.addNote(incident.id(), "家属致谢", "officer-1");

        assertThat(closedTold).containsExactly(incident.id() + " " + IncidentStatus.CANCELLED);
    }
}
