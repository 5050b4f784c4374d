package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import huzhu.core.directory.Member;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.incident.TriggerService.LocationInput;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.incident.TriggerService.Triggered;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.Stdout;
import huzhu.core.testing.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personal emergency link (POST /v1/triggers/{triggerToken}). */
class TriggerServiceTest {
    private static final String FATHER = phone(2);

    private World world;
    private TriggerService triggers;
    private Member member;
    private String token;

    @BeforeEach
    void aMemberWithAPersonalLink() {
        world = new World();
        triggers = world.services.trigger();
        member = world.add(Fixtures.wangXiaoming().build());
        world.add(Fixtures.volunteer("v-1").phone(phone(11)).build());
        world.add(Fixtures.leader("l-1").phone(phone(21)).level(1).build());
        token = world.services.directory().issueTriggerLink("m-1").token();
    }

    private static TriggerInput input(String type, String message, String name, String phone, LocationInput at) {
        return new TriggerInput(type, message, name, phone, at);
    }

    @Test
    void oneTap_withNoBodyAtAll_opensAnIncidentForTheMember_andRemindsOf120() {
        // when
        Triggered triggered = triggers.trigger(token, null, null);

        // then
        Incident incident = world.incident(triggered.incidentId());
        assertThat(triggered.status()).isEqualTo("open");
        assertThat(triggered.code()).isEqualTo(incident.code());
        assertThat(triggered.reply()).contains(incident.code(), "120");
        assertThat(incident.memberId()).isEqualTo("m-1");
        assertThat(incident.type()).isEqualTo(IncidentType.OTHER);
        assertThat(incident.reporter()).isEqualTo(new Reporter(null, null, Channel.HTTP, true));
        assertThat(world.messenger.sentTo(phone(11))).hasSize(1);
    }

    @Test
    void whatTheFamilyTyped_isKept_andTheirPhoneMakesThemAVerifiedReporter() {
        // when
        Triggered triggered = triggers.trigger(token, input("accident", " 摔倒了 ", "王建国", "138 0000 0002",
                new LocationInput("文三路 1 号", 30.27, 120.15)), null);

        // then
        Incident incident = world.incident(triggered.incidentId());
        assertThat(incident.type()).isEqualTo(IncidentType.ACCIDENT);
        assertThat(incident.message()).isEqualTo("摔倒了");
        assertThat(incident.location()).isEqualTo(new Place("文三路 1 号", 30.27, 120.15));
        assertThat(incident.reporter()).isEqualTo(new Reporter(FATHER, "王建国", Channel.HTTP, true));
    }

    @Test
    void aPhoneThatIsNotTheFamilys_makesAnUnverifiedReporter_butStillAlertsTheVolunteers() {
        // when
        Triggered triggered = triggers.trigger(token, input(null, "邻居发现老人晕倒", "邻居", phone(77), null), null);

        // then
        Incident incident = world.incident(triggered.incidentId());
        assertThat(incident.reporter().verified()).isFalse();
        assertThat(incident.level()).isZero();
        assertThat(world.messenger.sentTo(phone(11))).hasSize(1);
    }

    @Test
    void anUnknownToken_isNotFound_andOpensNothing() {
        for (String bad : new String[] {"no-such-token", "", "   ", "x".repeat(201)}) {
            assertThatThrownBy(() -> triggers.trigger(bad, null, null)).as(bad)
                    .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.what()).isEqualTo("trigger"));
        }
        assertThatThrownBy(() -> triggers.trigger(null, null, null)).isInstanceOf(NotFound.class);
        assertThat(world.allIncidents()).isEmpty();
        assertThat(world.messenger.attempts()).isEmpty();
    }

    @Test
    void theSameIdempotencyKey_returnsTheSameIncident_andCreatesNothingNew() {
        // given
        Triggered first = triggers.trigger(token, input("medical", "胸口疼", null, null, null), "key-1");
        int sent = world.messenger.attempts().size();
        world.later(30);

        // when
        Triggered again = triggers.trigger(token, input("medical", "胸口疼", null, null, null), "key-1");

        // then
        assertThat(again).isEqualTo(first);
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.messenger.attempts()).hasSize(sent);
    }

    @Test
    void aSecondTap_whileTheMembersEmergencyIsUnderWay_joinsIt_andAlertsNoOneAgain() {
        // given
        Triggered first = triggers.trigger(token, input("medical", "胸口疼", null, null, null), "key-1");
        int alertsSoFar = world.messenger.sentTo(phone(11)).size();

        // when the page is opened again and the button pressed again, with nothing typed
        world.later(40);
        Triggered second = triggers.trigger(token, null, "key-2");

        // then
        assertThat(second.incidentId()).isEqualTo(first.incidentId());
        assertThat(second.code()).isEqualTo(first.code());
        assertThat(second.reply()).contains(first.code(), "正在处理", "120");
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.messenger.sentTo(phone(11))).hasSize(alertsSoFar);
        assertThat(world.incident(first.incidentId()).timeline()).extracting(TimelineEntry::kind)
                .containsOnlyOnce("tappedAgain");
    }

    @Test
    void whatASecondTapSays_isPassedOnToWhoeverWasAlerted_andTheFamilyIsToldSo() {
        // given
        Triggered first = triggers.trigger(token, input("medical", "胸口疼", null, null, null), "key-1");

        // when
        world.later(60);
        Triggered second = triggers.trigger(token, input(null, "又晕倒了，快来", "王建国", FATHER, null), "key-2");

        // then the volunteer alerted reads it, flagged urgent; nobody has accepted, so the officers hear it too
        assertThat(second.incidentId()).isEqualTo(first.incidentId());
        assertThat(second.reply()).contains(first.code(), "已转告", "120");
        assertThat(world.messenger.bodiesTo(phone(11))).last().asString().contains("又晕倒了", first.code());
        assertThat(world.messenger.bodiesTo(phone(21))).last().asString().contains("又晕倒了");
        assertThat(world.incident(first.incidentId()).timeline()).extracting(TimelineEntry::kind)
                .contains("urgentRelay");
        assertThat(world.allIncidents()).hasSize(1);
    }

    @Test
    void aRepeatOfASecondTap_passesItsWordsOnOnce_andAnswersAsTheFirstTime() {
        // given
        Triggered first = triggers.trigger(token, null, "key-1");
        Triggered second = triggers.trigger(token, input(null, "在三楼，门没锁", null, null, null), "key-2");
        int sent = world.messenger.attempts().size();

        // when
        Triggered again = triggers.trigger(token, input(null, "在三楼，门没锁", null, null, null), "key-2");

        // then
        assertThat(again).isEqualTo(second);
        assertThat(second.incidentId()).isEqualTo(first.incidentId());
        assertThat(world.messenger.attempts()).hasSize(sent);
    }

    @Test
    void twoPressesInTheSameInstant_openOneEmergency_andTheOtherJoinsIt() {
        // given a second press (another family member's phone, another page) whose incident is stored just before ours
        Triggered[] other = new Triggered[1];
        world.store.beforeNextCreate(() -> other[0] = triggers.trigger(token, input(null, "爸爸倒在厨房", null, null, null),
                "key-other"));

        // when
        Triggered mine = triggers.trigger(token, input("medical", "胸口疼，快来人", "王建国", FATHER, null), "key-1");

        // then one incident, the volunteer alerted once, and what this press said passed on to it
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(mine.incidentId()).isEqualTo(other[0].incidentId());
        assertThat(mine.reply()).contains(other[0].code(), "已转告", "120");
        assertThat(world.messenger.sentTo(phone(11))).hasSize(2); // the alert, then this press's words
        assertThat(world.messenger.bodiesTo(phone(11))).last().asString().contains("胸口疼，快来人");
    }

    @Test
    void aPressInTheSameInstantAsAFamilyText_joinsTheEmergencyTheTextOpened() {
        // given the father's text is stored just before the press's incident
        world.store.beforeNextCreate(() -> world.sms(FATHER, "老伴晕倒了"));

        // when
        Triggered[] pressed = new Triggered[1];
        String logged = Stdout.captured(() -> pressed[0] = triggers.trigger(token, null, "key-1"));
        Triggered press = pressed[0];

        // then
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(press.incidentId()).isEqualTo(world.allIncidents().get(0).id());
        assertThat(logged).contains("\"message\":\"incident.alreadyUnderWay\"", "\"underWay\":\"" + press.incidentId() + "\"");
        assertThat(press.reply()).contains("正在处理");
        assertThat(world.messenger.sentTo(phone(11))).hasSize(1);
        assertThat(world.incident(press.incidentId()).timeline()).extracting(TimelineEntry::kind).contains("tappedAgain");
    }

    @Test
    void onceTheEmergencyIsClosed_theLinkOpensANewOne() {
        // given
        Triggered first = triggers.trigger(token, null, "key-1");
        world.services.dispatcher().cancel(first.incidentId(), "误报", "刘干事");

        // when
        Triggered next = triggers.trigger(token, input(null, "父亲摔倒了", null, null, null), "key-2");

        // then
        assertThat(next.incidentId()).isNotEqualTo(first.incidentId());
        assertThat(next.reply()).contains(next.code(), "120").doesNotContain("正在处理");
        assertThat(world.allIncidents()).hasSize(2);
    }

    @Test
    void aDeathOnRecord_doesNotSwallowANewEmergency() {
        // given the member's family has a death on record, still active (taken in hand, the leaders told)
        Incident death = world.services.dispatcher().recordBereavement(new Dispatcher.NewIncident(null, "m-1",
                IncidentType.BEREAVEMENT, "父亲去世", null, new Reporter(FATHER, "王建国", Channel.SMS, true),
                Language.ZH_CN), "父亲", "刘干事");
        assertThat(death.active()).isTrue();

        // when the link is pressed
        Triggered pressed = triggers.trigger(token, input(null, "母亲晕倒了", null, null, null), "key-1");

        // then it is a new emergency, and the volunteer is alerted
        assertThat(pressed.incidentId()).isNotEqualTo(death.id());
        assertThat(pressed.reply()).doesNotContain("正在处理");
        assertThat(world.messenger.sentTo(phone(11))).hasSize(1);
    }

    @Test
    void anIdempotencyKey_isRememberedFor24Hours() {
        // given
        Triggered first = triggers.trigger(token, null, "key-1");

        // when
        world.later(24 * 3600 - 1);
        Triggered within = triggers.trigger(token, null, "key-1");
        world.services.dispatcher().resolve(first.incidentId(), "已送医", null, "刘干事");
        world.later(1);
        Triggered after = triggers.trigger(token, null, "key-1");

        // then
        assertThat(within.incidentId()).isEqualTo(first.incidentId());
        assertThat(after.incidentId()).isNotEqualTo(first.incidentId());
    }

    @Test
    void aRotatedToken_stopsTheOldOneWorking_andTheNewOneWorks() {
        // given
        String rotated = world.services.directory().issueTriggerLink("m-1").token();

        // when / then
        assertThatThrownBy(() -> triggers.trigger(token, null, null)).isInstanceOf(NotFound.class);
        assertThat(triggers.trigger(rotated, null, null).incidentId()).isNotNull();
        assertThat(triggers.memberFor(rotated).id()).isEqualTo("m-1");
    }

    @Test
    void theLinkOfADeletedMember_stopsWorking() {
        // given
        world.services.directory().deleteMember("m-1");

        // when / then
        assertThatThrownBy(() -> triggers.trigger(token, null, null)).isInstanceOf(NotFound.class);
    }

    @Test
    void validationErrors_nameEveryBadField_byItsPath_andOpenNothing() {
        // given
        TriggerInput bad = input("heart-attack", "x".repeat(501), "名".repeat(51), "not a phone",
                new LocationInput("址".repeat(201), 91.0, -181.0));

        // when / then
        assertThatThrownBy(() -> triggers.trigger(token, bad, "k".repeat(201)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsOnly(
                        entry("type", "invalid.type"),
                        entry("message", "invalid.tooLong"),
                        entry("reporterName", "invalid.tooLong"),
                        entry("reporterPhone", "invalid.phone"),
                        entry("location.lat", "invalid.range"),
                        entry("location.lon", "invalid.range"),
                        entry("location.address", "invalid.tooLong"),
                        entry("Idempotency-Key", "invalid.tooLong")));
        assertThat(world.allIncidents()).isEmpty();
        assertThat(world.messenger.attempts()).isEmpty();
    }

    @Test
    void anInvalidRequest_doesNotUseUpItsIdempotencyKey() {
        // given
        assertThatThrownBy(() -> triggers.trigger(token, input("nonsense", null, null, null, null), "key-1"))
                .isInstanceOf(Invalid.class);

        // when
        Triggered fixed = triggers.trigger(token, input("fire", null, null, null, null), "key-1");

        // then
        assertThat(world.incident(fixed.incidentId()).type()).isEqualTo(IncidentType.FIRE);
    }

    @Test
    void anEnglishSpeakingMember_getsTheReplyInEnglish() {
        // given
        world.add(Fixtures.member("m-en").phone(phone(5)).language(Language.EN).build());
        String english = world.services.directory().issueTriggerLink("m-en").token();

        // when
        Triggered triggered = triggers.trigger(english, null, null);

        // then
        assertThat(triggered.reply()).contains("Help request received", triggered.code(), "120");
    }
}
