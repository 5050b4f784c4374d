package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.T0;
import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whom each level alerts and how the policy steps on, decided on the people given: no store, no SMS. */
class LevelPlannerTest {
    private final LevelPlanner planner = new LevelPlanner(new IncidentTexts(World.CONFIG));

    @Test
    void aLeadersLevel_alertsEveryLeaderOfItsLeaderLevel_andSetsItsDeadline() {
        // given a stranger's incident at the first leaders' level; two leaders of level 1, one of level 2
        People people = new People(List.of(leader("l-1", 1), leader("l-2", 1), leader("l-3", 2)), null, List.of());
        Incident.Builder b = stranger(1);

        // when
        List<Alert> intents = planner.plan(b, 1, T0, people);

        // then
        assertThat(intents).extracting(Alert::recipientId).containsExactly("l-1", "l-2");
        assertThat(intents).allSatisfy(a -> assertThat(a.unsent()).isTrue());
        Incident planned = b.build();
        assertThat(planned.alerts()).extracting(Alert::recipientId).containsExactly("l-1", "l-2");
        assertThat(planned.nextEscalationAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void nearbyVolunteers_ofTheMembersCity_areAlerted() {
        // given a member of 杭州 and volunteers in 杭州
        Member member = Fixtures.member("m-1").home("杭州", "西湖区").build();
        List<Volunteer> hangzhou = List.of(Fixtures.volunteer("v-1").phone(phone(11)).build(),
                Fixtures.volunteer("v-2").phone(phone(12)).build());
        People people = new People(List.of(), member, hangzhou);

        // when
        List<Alert> intents = planner.plan(forMember(member), 0, T0, people);

        // then
        assertThat(intents).extracting(Alert::recipientId).containsExactlyInAnyOrder("v-1", "v-2");
        assertThat(intents).extracting(Alert::recipientKind).containsOnly(RecipientKind.VOLUNTEER);
    }

    @Test
    void aLevelThatReachesNobody_movesOnAtOnce_toTheNextLevel() {
        // given a member with no volunteer in the city, and one officer at leaders' level 1
        Member member = Fixtures.member("m-1").home("杭州", "西湖区").build();
        People people = new People(List.of(leader("l-1", 1)), member, List.of());
        Incident.Builder b = forMember(member);

        // when
        List<Alert> intents = planner.plan(b, 0, T0, people);

        // then
        assertThat(intents).extracting(Alert::recipientId).containsExactly("l-1");
        Incident planned = b.build();
        assertThat(planned.level()).isEqualTo(1);
        assertThat(World.kinds(planned)).containsExactly("no-recipients", "alerted");
    }

    @Test
    void theLastLevel_repeatsUpToItsRepeat_thenThePolicyIsExhausted() {
        // given a stranger's incident at the last level (2, repeated at most 3 times), its leaders there
        People people = new People(List.of(leader("l-3", 2)), null, List.of());
        Incident.Builder b = stranger(2);
        planner.plan(b, 2, T0, people);

        // when: three repeats, then one step more
        for (int i = 0; i < 3; i++) assertThat(planner.stepUp(b, T0, null, people)).hasSize(1);
        List<Alert> afterLast = planner.stepUp(b, T0, null, people);

        // then
        assertThat(afterLast).isEmpty();
        Incident exhausted = b.build();
        assertThat(exhausted.exhausted()).isTrue();
        assertThat(exhausted.nextEscalationAt()).isNull();
        assertThat(exhausted.repeats()).isEqualTo(3);
    }

    private static Incident.Builder stranger(int level) {
        return Incident.opening("inc-1", "0427", null, IncidentType.OTHER, "救命", null,
                new Reporter(phone(901), null, Channel.SMS, false), Language.ZH_CN, T0, EscalationPolicy.DEFAULT,
                level);
    }

    private static Incident.Builder forMember(Member member) {
        return Incident.opening("inc-1", "0427", member.id(), IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(phone(901), null, Channel.HTTP, true), Language.ZH_CN, T0, EscalationPolicy.DEFAULT, 0);
    }

    private static Leader leader(String id, int level) {
        return Fixtures.leader(id).phone(phone(Math.abs(id.hashCode()) % 900 + 100)).level(level).build();
    }

    /** The people there are, as plain values. */
    private record People(List<Leader> leaders, Member member, List<Volunteer> volunteers)
            implements LevelPlanner.People {
        @Override
        public List<Leader> leadersAtLevel(int level) {
            return leaders.stream().filter(l -> l.level() == level).toList();
        }

        @Override
        public Member member(String memberId) {
            return member != null && member.id().equals(memberId) ? member : null;
        }

        @Override
        public List<Volunteer> volunteersInCity(String city) {
            return volunteers;
        }

        @Override
        public List<Incident> active() {
            return List.of();
        }
    }
}
