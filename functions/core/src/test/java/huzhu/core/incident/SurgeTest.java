package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static huzhu.core.testing.World.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.audit.AuditEntry;
import huzhu.core.directory.Area;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.group.GroupFact;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.RecordingMessenger.Attempt;
import huzhu.core.testing.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many families of one district calling within minutes (coal gas on a cold night): the district goes into surge.
 * Every family is answered and every incident stored and escalated on its own record, but the leaders get one
 * summary per level per interval and each volunteer only as many offers as they have free places.
 */
class SurgeTest {
    private static final Area LUBEI = new Area("唐山市", "路北区");
    private static final String OFFICER = phone(21);
    private static final String CHAIR = phone(22);

    private final AtomicInteger inboundIds = new AtomicInteger();
    private final AtomicInteger members = new AtomicInteger();
    private World world;

    private void aUnion(SurgeSettings settings) {
        world = new World(World.CONFIG.withSurge(settings));
        world.add(Fixtures.leader("l-1").name("刘干事").phone(OFFICER).level(1).build());
        world.add(Fixtures.leader("l-2").name("张主席").phone(CHAIR).level(2).build());
    }

    private void aUnion() {
        aUnion(SurgeSettings.DEFAULTS);
    }

    private Volunteer volunteer(String id, String district, int maxActive, double lat, double lon) {
        return world.add(Fixtures.volunteer(id).name("队员" + id).phone(phone(10 + Integer.parseInt(id.substring(2))))
                .area("唐山市", district).at(lat, lon).maxActive(maxActive).build());
    }

    /** On duty next door to the families, taking one incident at a time. */
    private Volunteer liNaNextDoor() {
        return volunteer("v-1", "路北区", 1, 39.63, 118.18);
    }

    /** On duty a street further, also one incident at a time. */
    private Volunteer aSecondNeighbour() {
        return volunteer("v-2", "路北区", 1, 39.64, 118.19);
    }

    private void takes(Volunteer volunteer, Incident incident) {
        world.dispatcher().respond(incident.id(), volunteer.id(), Action.ACCEPT);
    }

    /** A family of the district texts for help: a new member each, living at (lat, lon). */
    private Incident familyTexts(double lat, double lon) {
        int n = members.incrementAndGet();
        Member m = world.add(Fixtures.member("m-" + n).name("会员" + n).phone(phone(100 + n)).home("唐山市", "路北区")
                .at(lat, lon).family("家属" + n, "父亲", phone(500 + n)).build());
        world.services.inboundSms().handle(new InboundSms(phone(500 + n), "+8610690000", "救命 煤气中毒",
                "in-" + inboundIds.incrementAndGet(), null));
        return world.memory.incidents().active().stream().filter(i -> m.id().equals(i.memberId())).findFirst()
                .orElseThrow();
    }

    private Incident familyTexts() {
        return familyTexts(39.63, 118.18);
    }

    private List<Incident> familiesText(int count, Duration apart) {
        List<Incident> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opened.add(familyTexts());
            world.clock.advance(apart);
        }
        return opened;
    }

    private List<String> templatesTo(String phone) {
        return world.messenger.sentTo(phone).stream().map(Attempt::template).toList();
    }

    private List<AuditEntry> audit() {
        return world.memory.audit().list(null, null, PageRequest.first(200)).items();
    }

    /** The minute sweep, every minute for {@code minutes}. */
    private void sweepEveryMinute(int minutes) {
        for (int m = 0; m < minutes; m++) {
            world.clock.advance(Duration.ofMinutes(1));
            world.dispatcher().escalateDue();
        }
    }

    /** Places taken per volunteer: incidents held and offers unanswered, over every active incident. */
    private Map<String, Integer> placesTaken() {
        return SurgeOffers.busy(world.memory.incidents().active());
    }

    @Test
    void theSixthIncidentOfADistrictWithinTenMinutes_startsItsSurge_onTheTimelines_inTheAuditLog_andToTheOfficer() {
        // given
        aUnion();
        liNaNextDoor();
        aSecondNeighbour();
        List<Incident> five = familiesText(5, Duration.ofSeconds(60));
        assertThat(world.memory.surges().active()).isEmpty();

        // when
        Incident sixth = familyTexts();

        // then
        assertThat(world.memory.surges().get(LUBEI)).hasValueSatisfying(s -> assertThat(s.on()).isTrue());
        assertThat(kinds(world.incident(sixth.id()))).contains("surge-started");
        assertThat(world.incident(sixth.id()).surge()).isTrue();
        for (Incident earlier : five) {
            assertThat(world.incident(earlier.id()).surge()).isTrue();
            assertThat(kinds(world.incident(earlier.id()))).contains("surge");
        }
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("surge-start");
        assertThat(audit().get(0).targetLabel()).contains("路北区");
        assertThat(templatesTo(OFFICER)).containsExactly("surge.summary");
        assertThat(world.messenger.bodiesTo(OFFICER).get(0)).contains("路北区").contains("6").contains("/console#/surge");
    }

    @Test
    void fiveIncidentsInADistrict_orSixSpreadOverAnHour_areNoSurge() {
        // given
        aUnion();
        liNaNextDoor();

        // when: six, but never more than five within ten minutes
        familiesText(6, Duration.ofMinutes(11));

        // then
        assertThat(world.memory.surges().active()).isEmpty();
        assertThat(templatesTo(OFFICER)).doesNotContain("surge.summary");
    }

    @Test
    void fortyFamiliesInOneMinute_areEachAnsweredAndStored_whileLeadersAndVolunteersGetBoundedSms() {
        // given: two neighbours who take one incident at a time, the officer and the chair
        aUnion();
        liNaNextDoor();
        aSecondNeighbour();

        // when: forty families text within a minute, and nobody answers for an hour (a hundred: SurgeStoryIT)
        List<Incident> incidents = familiesText(40, Duration.ofMillis(1500));
        sweepEveryMinute(60);

        // then: every incident stored, every family got its receipt at once
        assertThat(world.memory.incidents().createdBetween(null, null)).hasSize(40);
        for (int n = 1; n <= 40; n++) assertThat(templatesTo(phone(500 + n))).first().isEqualTo("receipt");
        // the neighbours: the five alerts before the surge began, nothing more while they answer none of them
        for (String v : List.of(phone(11), phone(12))) {
            assertThat(world.messenger.sentTo(v)).as(v).hasSizeLessThanOrEqualTo(SurgeSettings.DEFAULTS.incidents());
        }
        // the leaders: one summary per level per ten minutes (an hour: at most seven), no SMS per incident
        assertThat(templatesTo(OFFICER)).containsOnly("surge.summary").hasSizeBetween(6, 7);
        assertThat(templatesTo(CHAIR)).containsOnly("surge.summary").hasSizeBetween(5, 6);
        // and every incident still escalated on its own, deadline by deadline, to the end of its policy
        for (Incident i : incidents) {
            Incident now = world.incident(i.id());
            assertThat(now.status()).isEqualTo(IncidentStatus.OPEN);
            assertThat(now.exhausted()).as(now.code()).isTrue();
            assertThat(kinds(now)).contains("escalated", "summarized", "exhausted");
        }
    }

    @Test
    void inSurge_theGroupsHearTheDistrictOncePerInterval_notALinePerIncident() {
        // given
        aUnion();
        Volunteer liNa = liNaNextDoor();

        // when: forty families text within a minute, she takes the first, nobody answers the rest for an hour
        List<Incident> incidents = familiesText(40, Duration.ofMillis(1500));
        takes(liNa, incidents.get(0));
        sweepEveryMinute(60);

        // then: the five before the surge have their own line; then one line for the district per ten minutes
        List<GroupFact> perIncident = world.group.facts().stream()
                .filter(f -> !(f instanceof GroupFact.DistrictSurge)).toList();
        assertThat(perIncident).hasSize(5).allMatch(f -> f instanceof GroupFact.IncidentOpened);
        List<GroupFact.DistrictSurge> district = world.group.facts(GroupFact.DistrictSurge.class);
        assertThat(district).hasSizeBetween(6, 7).allMatch(f -> f.district().equals("路北区"));
        assertThat(district.get(0).stage()).isEqualTo(GroupFact.DistrictSurge.Stage.STARTED);
        assertThat(district.subList(1, district.size()))
                .allMatch(f -> f.stage() == GroupFact.DistrictSurge.Stage.CONTINUING);
        assertThat(district.get(district.size() - 1).waiting()).isEqualTo(39);
        assertThat(district.get(district.size() - 1).handled()).isEqualTo(1);
        // and the leaders' topic hears the summaries' news only, not each incident's level
        assertThat(world.announced).isEmpty();
    }

    @Test
    void inSurge_anOfficerTakingAnIncidentInHand_isNoLineOfItsOwn() {
        // given a district in surge
        aUnion();
        List<Incident> incidents = familiesText(8, Duration.ofSeconds(10));

        // when the officer takes the last one in hand
        world.dispatcher().acknowledge(incidents.get(7).id(), "刘干事");

        // then it counts among the district's handled ones, in its next summary, not in a line of its own
        assertThat(world.incident(incidents.get(7).id()).surge()).isTrue();
        assertThat(world.group.facts(GroupFact.IncidentTakenInHand.class)).isEmpty();
    }

    @Test
    void aCalmSurgeEnds_inTheGroupsToo() {
        // given
        aUnion();
        liNaNextDoor();
        List<Incident> incidents = familiesText(8, Duration.ofSeconds(10));
        for (Incident i : incidents) world.dispatcher().resolve(i.id(), "已送医", null, "刘干事");

        // when
        sweepEveryMinute(15);

        // then
        List<GroupFact.DistrictSurge> district = world.group.facts(GroupFact.DistrictSurge.class);
        assertThat(district).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(GroupFact.DistrictSurge.Stage.ENDED);
            assertThat(f.waiting()).isZero();
        });
        assertThat(world.group.facts(GroupFact.IncidentResolved.class)).isEmpty();
    }

    @Test
    void inSurge_aVolunteerIsOfferedNoMoreThanTheirFreePlaces_andTheNextWhenOneFrees_nearestFirst() {
        // given: a district already in surge (any second incident starts one here)
        aUnion(new SurgeSettings(1, Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(10)));
        Volunteer liNa = volunteer("v-1", "路北区", 2, 39.630, 118.180);
        Volunteer zhang = volunteer("v-2", "路北区", 1, 39.700, 118.250);
        Incident a = familyTexts(39.630, 118.180);
        Incident b = familyTexts(39.631, 118.181);

        // when: more families call than the two have places
        Incident farC = familyTexts(39.800, 118.400);
        Incident nearD = familyTexts(39.701, 118.251);

        // then: 李娜 has her two places taken (a, b), 张伟 his one (a): the others wait in the queue
        assertThat(placesTaken()).containsEntry(liNa.id(), 2).containsEntry(zhang.id(), 1);
        assertThat(kinds(world.incident(farC.id()))).contains("queued");
        assertThat(world.incident(farC.id()).alerts()).isEmpty();
        assertThat(world.incident(nearD.id()).alerts()).isEmpty();

        // when: 张伟 declines a, and the sweep runs
        world.dispatcher().respond(a.id(), zhang.id(), Action.DECLINE);
        world.clock.advance(Duration.ofSeconds(30));
        world.dispatcher().escalateDue();

        // then: he is offered the waiting incident nearest to him, and only that one
        assertThat(world.incident(nearD.id()).alertFor(zhang.id())).isPresent();
        assertThat(world.incident(farC.id()).alertFor(zhang.id())).isEmpty();
        assertThat(kinds(world.incident(nearD.id()))).contains("offered");
        assertThat(placesTaken()).containsEntry(zhang.id(), 1);
        assertThat(world.messenger.sentTo(zhang.phone())).hasSize(2); // a's alert, d's offer
        assertThat(b.alertFor(zhang.id())).isEmpty();
    }

    @Test
    void inSurge_theFamilyStillHearsWhoIsComing_andTheVolunteerHoldsNoMoreThanMaxActive() {
        // given
        aUnion(new SurgeSettings(1, Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(10)));
        Volunteer liNa = liNaNextDoor();
        Incident a = familyTexts();
        Incident b = familyTexts();

        // when: she says yes to a, then yes again
        world.services.inboundSms().handle(new InboundSms(liNa.phone(), "+8610690000", "1 " + a.code(), "in-x1", null));
        world.services.inboundSms().handle(new InboundSms(liNa.phone(), "+8610690000", "1 " + b.code(), "in-x2", null));

        // then: a's family knows she is coming; b stays open for someone else
        assertThat(world.incident(a.id()).responder(liNa.id())).isPresent();
        assertThat(world.messenger.bodiesTo(phone(501))).last().asString().contains(liNa.name());
        assertThat(world.incident(b.id()).responders()).isEmpty();
        assertThat(placesTaken()).containsEntry(liNa.id(), 1);
    }

    @Test
    void aCalmQuarterOfAnHour_endsTheSurge_onTheTimelinesAndInTheAuditLog_andAlertsGoOneByOneAgain() {
        // given: a surge of eight, six of them since resolved by the officers
        aUnion();
        liNaNextDoor();
        List<Incident> incidents = familiesText(8, Duration.ofSeconds(10));
        for (Incident i : incidents.subList(0, 6)) world.dispatcher().resolve(i.id(), "已送医", null, "刘干事");
        Incident stillOpen = incidents.get(7);

        // when: fourteen quiet minutes, then a fifteenth
        sweepEveryMinute(14);
        assertThat(world.memory.surges().get(LUBEI).orElseThrow().on()).isTrue();
        sweepEveryMinute(1);

        // then
        assertThat(world.memory.surges().get(LUBEI).orElseThrow().on()).isFalse();
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("surge-end", "surge-start");
        assertThat(world.incident(stillOpen.id()).surge()).isFalse();
        assertThat(kinds(world.incident(stillOpen.id()))).contains("surge-ended");
        assertThat(templatesTo(OFFICER)).last().isEqualTo("surge.ended");

        // and: the next step of a remaining incident alerts its leaders one SMS each again
        int before = world.messenger.sentTo(CHAIR).size();
        sweepEveryMinute(10);
        assertThat(templatesTo(CHAIR).subList(before, templatesTo(CHAIR).size())).contains("alert");
    }

    @Test
    void aSurgeDoesNotEnd_whileMoreThanItsThresholdStillWait_howeverQuiet() {
        // given
        aUnion();
        familiesText(8, Duration.ofSeconds(10));

        // when
        sweepEveryMinute(30);

        // then
        assertThat(world.memory.surges().get(LUBEI).orElseThrow().on()).isTrue();
    }

    @Test
    void anotherDistrict_isNotInTheSurge() {
        // given: 路北区 in surge
        aUnion();
        familiesText(6, Duration.ofSeconds(10));

        // when: a family of 路南区 texts
        Member m = world.add(Fixtures.member("m-lunan").phone(phone(900)).home("唐山市", "路南区")
                .family("家属", "母亲", phone(901)).build());
        world.services.inboundSms().handle(new InboundSms(phone(901), "+8610690000", "救命", "in-lunan", null));

        // then
        Incident lunan = world.memory.incidents().active().stream().filter(i -> m.id().equals(i.memberId()))
                .findFirst().orElseThrow();
        assertThat(lunan.surge()).isFalse();
        assertThat(kinds(lunan)).doesNotContain("surge", "surge-started");
    }

    @Test
    void summariesCountWhatWaits_whatIsHandled_andHowLongTheOldestHasWaited() {
        // given
        aUnion();
        Volunteer liNa = liNaNextDoor();
        List<Incident> incidents = familiesText(6, Duration.ofSeconds(10));
        takes(liNa, incidents.get(0));
        world.messenger.clear();

        // when: ten minutes on, the officers' next summary
        sweepEveryMinute(10);

        // then
        List<String> summaries = new ArrayList<>(world.messenger.bodiesTo(OFFICER));
        assertThat(summaries).hasSize(1);
        // the oldest still waiting opened 10 min 50 s ago (the first is taken)
        assertThat(summaries.get(0)).contains("5起待接单").contains("1起已有人去").contains("最久10分钟");
        assertThat(world.memory.surges().get(LUBEI).orElseThrow().summarized()).containsKey(1);
    }
}
