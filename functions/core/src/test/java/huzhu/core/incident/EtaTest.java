package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.T0;
import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "10分钟到": an ETA accepts (or, from the responder, updates) and the family learns when to expect them. */
class EtaTest {
    private static final String FATHER = phone(2);
    private static final String STRANGER = phone(99);

    private World world;
    private Member member;
    private Volunteer liNa;

    @BeforeEach
    void aUnionInTangshan() {
        // T0 is 2026-03-02T01:30:00Z, 09:30 in Beijing
        world = new World();
        member = world.add(Fixtures.wangXiaoming().home("唐山", "路北区").build());
        liNa = world.add(Fixtures.liNa().area("唐山", "路北区").build());
        world.add(Fixtures.zhangWei().area("唐山", "路北区").build());
        world.add(Fixtures.officerLiu().build());
    }

    @Test
    void anEta_accepts_andTellsTheFamilyWhoIsComingAndWhen_inBeijingTime() {
        // given
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.messenger.clear();

        // when
        world.sms(liNa.phone(), "好的，10分钟到");

        // then
        Incident now = world.incident(incident.id());
        assertThat(now.responders()).singleElement()
                .satisfies(r -> assertThat(r.expectedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10))));
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString()
                .contains("李娜", liNa.phone(), "10分钟", "09:40", incident.code());
        assertThat(world.messenger.bodiesTo(member.phone())).singleElement().asString().contains("10分钟", "09:40");
        assertThat(now.timeline()).extracting(TimelineEntry::kind).contains("accepted", "eta");
    }

    @Test
    void anEta_fromTheResponder_updatesIt_andTellsTheFamilyAndTheResponder() {
        // given
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.sms(liNa.phone(), "1");
        world.later(120);
        world.messenger.clear();

        // when
        world.sms(liNa.phone(), "堵车了，还要二十分钟");
        world.sms(liNa.phone(), "二十分钟到");

        // then: the first is not understood (a question), the second is an ETA from 09:32
        Incident now = world.incident(incident.id());
        assertThat(now.responder("v-1").orElseThrow().expectedAt()).isEqualTo(T0.plusSeconds(120 + 20 * 60));
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString()
                .contains("李娜", "20分钟", "09:52", incident.code());
        assertThat(world.messenger.bodiesTo(liNa.phone())).last().asString().contains("09:52", incident.code());
        assertThat(now.responders()).hasSize(1);
    }

    @Test
    void anEta_fromSomeoneElse_afterItWasTaken_changesNothing() {
        // given
        Incident incident = world.openFor(member, FATHER, "王建国");
        world.sms(liNa.phone(), "马上到");
        world.messenger.clear();

        // when
        world.sms(phone(12), "5分钟到");

        // then
        assertThat(world.incident(incident.id()).responders()).extracting(Responder::recipientId)
                .containsExactly("v-1");
        assertThat(world.messenger.bodiesTo(FATHER)).isEmpty();
        assertThat(world.messenger.bodiesTo(phone(12))).singleElement().asString().contains("李娜", "无需前往");
    }

    @Test
    void anEta_forAStrangersIncident_tellsThemWhen_butNotWho() {
        // given: the officer is alerted for an unknown number's request
        world.sms(STRANGER, "求助 我爸摔倒了");
        Incident incident = world.memory.incidents().active().get(0);
        world.messenger.clear();

        // when
        world.sms(phone(21), "15分钟到");

        // then
        assertThat(world.messenger.bodiesTo(STRANGER)).singleElement().asString()
                .contains(incident.code(), "15分钟", "09:45").doesNotContain("刘干事", phone(21));
    }
}
