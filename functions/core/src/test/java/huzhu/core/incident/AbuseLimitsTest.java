package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.T0;
import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.sms.SmsLimits;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.RecordingMessenger.Attempt;
import huzhu.core.testing.Stdout;
import huzhu.core.testing.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What texts to the union's number can make it send: every limit counted in SMS sent. */
class AbuseLimitsTest {
    private static final String STRANGER = phone(99);
    private static final String FATHER = phone(2);
    private static final String OFFICER = phone(21);
    private static final String OTHER_OFFICER = phone(22);

    private World world;
    private Member member;

    private void aUnion(SmsLimits limits) {
        world = new World(World.CONFIG.withLimits(limits));
        member = world.add(Fixtures.wangXiaoming().home("唐山", "路北区").build());
        world.add(Fixtures.liNa().area("唐山", "路北区").build());
        world.add(Fixtures.zhangWei().area("唐山", "路北区").build());
        world.add(Fixtures.leader("l-1").name("刘干事").phone(OFFICER).level(1).build());
        world.add(Fixtures.leader("l-2").name("赵干事").phone(OTHER_OFFICER).level(1).build());
    }

    // ---------------------------------------------------------------- relays per sender and incident

    @Test
    void aHundredFollowUpsFromAStranger_costAtMostTheCap() {
        // given: an unknown number's request, which alerts the two officers
        aUnion(SmsLimits.DEFAULTS);
        world.sms(STRANGER, "求助 老人摔倒了");
        Incident incident = world.allIncidents().get(0);
        world.messenger.clear();

        // when
        for (int i = 0; i < 100; i++) world.sms(STRANGER, "快来 " + i);

        // then: 5 relays, each to the two officers and confirmed to the sender (3 SMS), and one "no longer passed
        // on" to the sender: 5 × 3 + 1 = 16 SMS for 100 texts
        int cap = SmsLimits.DEFAULTS.unverifiedRelaysPerSender();
        assertThat(cap).isEqualTo(5);
        assertThat(world.messenger.attempts()).hasSize(cap * 3 + 1);
        assertThat(world.messenger.sentTo(OFFICER)).hasSize(cap);
        assertThat(world.messenger.bodiesTo(STRANGER)).last().asString().contains(incident.code(), "不再逐条转发");
        // and nothing is lost: every text is on the timeline
        assertThat(world.incident(incident.id()).timeline()).filteredOn(e -> e.text().contains("快来 "))
                .hasSize(100);
    }

    @Test
    void linksAndPhoneNumbers_areTakenOutOfWhatAStrangerGetsPassedOn_butKeptOnTheTimeline() {
        // given
        aUnion(SmsLimits.DEFAULTS);
        world.sms(STRANGER, "求助 点 http://evil.example.cn/x 领奖");
        Incident incident = world.allIncidents().get(0);

        // when
        world.sms(STRANGER, "加我微信 www.spam.top 或打 139-1234-5678，详见 t.cn/A6xyz");

        // then
        assertThat(world.messenger.bodiesTo(OFFICER)).hasSize(2).allSatisfy(b -> assertThat(b)
                .doesNotContain("http://evil", "evil.example", "spam.top", "1234-5678", "t.cn")
                .contains("〔链接已删〕"));
        assertThat(world.messenger.bodiesTo(OFFICER)).last().asString().contains("〔号码已删〕", "加我微信");
        assertThat(world.incident(incident.id()).timeline()).last().satisfies(e -> assertThat(e.text())
                .contains("www.spam.top", "139-1234-5678"));
    }

    @Test
    void aRegisteredFamilysWordsArePassedOnAsWritten() {
        // given
        aUnion(SmsLimits.DEFAULTS);
        world.sms(FATHER, "老伴胸口疼");

        // when
        world.sms(FATHER, "到了打我电话 13912345678");

        // then
        assertThat(world.messenger.bodiesTo(phone(11))).last().asString().contains("13912345678");
    }

    @Test
    void aFamilysFollowUpsBeyondTheCap_areKeptOnTheTimeline_andTheOfficersAreToldOnce() {
        // given
        aUnion(new SmsLimits(3, 5, 10, 1, 2000));
        world.sms(FATHER, "老伴胸口疼");
        Incident incident = world.allIncidents().get(0);
        world.messenger.clear();

        // when
        for (int i = 0; i < 10; i++) world.sms(FATHER, "补充 " + i);

        // then: 3 relays to the two volunteers, each confirmed (3 × 3), then one note to the father and one to each
        // officer
        assertThat(world.messenger.attempts()).hasSize(3 * 3 + 1 + 2);
        assertThat(world.messenger.bodiesTo(OFFICER)).singleElement().asString().contains(incident.code(), "控制台");
        assertThat(world.incident(incident.id()).timeline()).filteredOn(e -> e.text().contains("补充 ")).hasSize(10);
    }

    // ---------------------------------------------------------------- unverified incidents per hour, all numbers

    @Test
    void unverifiedIncidents_areCappedPerHourAcrossAllNumbers_andTheOfficersAreToldOnce() {
        // given
        aUnion(new SmsLimits(20, 5, 3, 1, 2000));
        for (int i = 0; i < 3; i++) {
            assertThat(world.sms(phone(100 + i), "求助 " + i)).isEqualTo(Handled.OPENED_UNVERIFIED);
        }
        world.messenger.clear();

        // when: more numbers, each asking once
        List<Handled> more = List.of(world.sms(phone(200), "求助"), world.sms(phone(201), "救命"),
                world.sms(phone(202), "SOS"));

        // then: no incident, no alert; each is told how to reach help (and 120) once; the officers hear it once
        assertThat(more).containsOnly(Handled.EXPLAINED);
        assertThat(world.allIncidents()).hasSize(3);
        assertThat(world.messenger.bodiesTo(OFFICER)).singleElement().asString().contains("上限");
        assertThat(world.messenger.bodiesTo(OTHER_OFFICER)).hasSize(1);
        assertThat(world.messenger.bodiesTo(phone(201))).singleElement().asString().contains("120");

        // and in the next hour they may ask again
        world.clock.advance(Duration.ofHours(1));
        assertThat(world.sms(phone(203), "求助")).isEqualTo(Handled.OPENED_UNVERIFIED);
    }

    @Test
    void theUnverifiedCap_neverHoldsBackARegisteredFamily() {
        // given
        aUnion(new SmsLimits(20, 5, 1, 1, 2000));
        world.sms(phone(100), "求助");

        // when
        Handled handled = world.sms(FATHER, "老伴胸口疼");

        // then
        assertThat(handled).isEqualTo(Handled.OPENED);
    }

    // ---------------------------------------------------------------- STOP confirmations

    @Test
    void stopConfirmations_areLimitedPerDay_butTheOptOutIsRecorded() {
        // given
        aUnion(SmsLimits.DEFAULTS);

        // when
        for (int i = 0; i < 20; i++) {
            world.sms(STRANGER, i % 2 == 0 ? "STOP" : "退订");
            world.later(60);
        }

        // then
        assertThat(world.messenger.attempts()).hasSize(1);
        assertThat(world.memory.optOuts().optedOutAt(STRANGER)).contains(T0);

        // and the next day one more confirmation
        world.clock.advance(Duration.ofDays(1));
        world.sms(STRANGER, "TD");
        assertThat(world.messenger.attempts()).hasSize(2);
    }

    @Test
    void aVolunteerSendingStopAgain_doesNotTellTheOfficersAgain() {
        // given
        aUnion(SmsLimits.DEFAULTS);
        world.sms(phone(11), "退订");

        // when
        world.sms(phone(11), "退订");
        world.sms(phone(11), "STOP");

        // then
        assertThat(world.messenger.sentTo(OFFICER)).hasSize(1);
        assertThat(world.messenger.sentTo(phone(11))).hasSize(1);
    }

    // ---------------------------------------------------------------- the daily ceiling

    @Test
    void overTheDailyCeiling_emergencySmsToTheUnionsPeopleStillGoOut_theRestIsHeldBack_andTheAlarmLineWritten() {
        // given: ten unknown numbers use up a ceiling of ten SMS
        aUnion(new SmsLimits(20, 5, 10, 1, 10));
        for (int i = 0; i < 10; i++) world.sms(phone(300 + i), "你好");
        assertThat(world.messenger.attempts()).hasSize(10);
        world.messenger.clear();

        // when
        String log = Stdout.captured(() -> {
            world.sms(phone(400), "你好");
            world.sms(FATHER, "老伴胸口疼");
            world.sms(STRANGER, "求助 有人晕倒");
        });

        // then: the volunteers' alerts, the father's receipt and the member's notice go out; so do the officers'
        // alerts for the stranger's request; the explanation and the stranger's receipt do not
        assertThat(world.messenger.sent()).extracting(Attempt::to).containsExactlyInAnyOrder(
                phone(11), phone(12), FATHER, member.phone(), OFFICER, OTHER_OFFICER);
        assertThat(world.allIncidents()).hasSize(2);
        assertThat(log).contains("\"sms.ceilingReached\"").contains("\"sms.ceiling\"");
        assertThat(log.lines().filter(l -> l.contains("\"message\":\"sms.ceiling\""))).hasSize(2);
    }

    @Test
    void theCeiling_isPerDayInChinaTime() {
        // given: T0 is 09:30 in Beijing; the ceiling is spent
        aUnion(new SmsLimits(20, 5, 10, 1, 10));
        for (int i = 0; i < 11; i++) world.sms(phone(300 + i), "你好");
        assertThat(world.messenger.attempts()).hasSize(10);

        // when: 00:00 the next day in Beijing (16:00 UTC)
        world.clock.advance(Duration.ofHours(14).plusMinutes(30));
        world.sms(phone(400), "你好");

        // then
        assertThat(world.messenger.attempts()).hasSize(11);
    }
}
