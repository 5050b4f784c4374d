package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.error.DependencyFailure;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.error.RateLimited;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.incident.TriggerService.Triggered;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsLimits;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.Intercepted;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.core.testing.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each read before the first alert is a round trip to the store (BENCHMARKS.md, the call timeline): nothing is
 * read twice, and reads that do not depend on each other are in flight together. "Together" is checked without a
 * clock: a read is held until the reads it should overlap with have started — read one after the other, it would
 * wait in vain (for {@link #PATIENCE_SECONDS}) and the test fails.
 */
class ReadsBeforeTheFirstAlertTest {
    private static final long PATIENCE_SECONDS = 10;
    private static final String FATHER = phone(2);
    private static final TriggerInput BAD_INPUT = new TriggerInput("heart-attack", null, null, null, null);

    private final InMemoryStore memory = new InMemoryStore();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Map<String, Overlap> overlaps = new ConcurrentHashMap<>();
    private final RecordingMessenger sent = new RecordingMessenger();
    private Services services;

    /** {@code read} is held until every one of {@code others} has started (or patience runs out). */
    private static final class Overlap {
        final CountDownLatch others;
        final Set<String> names;
        volatile boolean metThem;

        Overlap(Set<String> names) {
            this.names = names;
            this.others = new CountDownLatch(names.size());
        }
    }

    @BeforeEach
    void aMemberInHangzhouWithTwoVolunteersNearby() {
        services = services(World.CONFIG);
        memory.directory().members().insert(Fixtures.wangXiaoming().build());
        memory.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(phone(11)).build());
        memory.directory().volunteers().insert(Fixtures.volunteer("v-2").phone(phone(12)).build());
        memory.directory().leaders().insert(Fixtures.leader("l-1").phone(phone(21)).level(1).build());
    }

    private Services services(ServiceConfig config) {
        return services(config, (method, args, real) -> real.run());
    }

    /** {@code answers} stands between the store and the services (after the bookkeeping above). */
    private Services services(ServiceConfig config, Intercepted.Hook answers) {
        Messenger firstSendMarked = new Messenger() {
            @Override
            public SendResult send(OutboundSms sms) {
                calls.add("-- first SMS --");
                return sent.send(sms);
            }
        };
        return Services.create(Intercepted.store(memory, (method, args, real) -> {
            String name = method.getName();
            if (!calls.contains("-- first SMS --")) calls.add(name);
            started.add(name);
            overlaps.forEach((held, o) -> {
                if (o.names.contains(name)) o.others.countDown();
            });
            Overlap mine = overlaps.get(name);
            if (mine != null) mine.metThem = mine.others.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return answers.call(method, args, real);
        }), firstSendMarked, EscalationTimer.NONE, MutableClock.atT0(), new SequentialIds(7), config);
    }

    private void hold(String read, String... untilStarted) {
        overlaps.put(read, new Overlap(Set.of(untilStarted)));
    }

    /** The member moves from 杭州 to 宁波, where one volunteer is (phone 13); the two of 杭州 stay behind. */
    private void theMemberMovesToNingbo() {
        Member before = memory.directory().members().get("m-1").orElseThrow();
        memory.directory().members().update(Fixtures.wangXiaoming().home("宁波", "鄞州区")
                .version(before.version() + 1).build());
        memory.directory().volunteers().insert(Fixtures.volunteer("v-3").phone(phone(13)).area("宁波", "鄞州区").build());
    }

    private Handled memberTexts(String body) {
        return services.inboundSms().handle(new InboundSms(phone(1), "+8610690000", body, "in-1", null));
    }

    private List<String> readsBeforeTheFirstSms() {
        int end = calls.indexOf("-- first SMS --");
        assertThat(end).as("an SMS went out").isPositive();
        return calls.subList(0, end).stream().sorted().toList();
    }

    private Handled familyTexts(String body) {
        return familyTexts(body, "in-1");
    }

    private Handled familyTexts(String body, String inboundMessageId) {
        return services.inboundSms().handle(new InboundSms(FATHER, "+8610690000", body, inboundMessageId, null));
    }

    @Test
    void aFamilyText_readsEachThingOnce_beforeTheAlerts() {
        assertThat(familyTexts("我妈心脏病犯了，快来人")).isEqualTo(Handled.OPENED);

        assertThat(readsBeforeTheFirstSms()).containsExactly(
                "active", // the active incidents: one per member at a time, the volunteers' load
                "createUnlessUnderWay", // the incident and its first level's alerts, one write (none if already under way)
                "escalationPolicy",
                "familyLinks", // the sender as family: whose, and where they live
                "memberPhoneLink", // the sender as a member
                "membersLinkedBy", // those members
                "recall", // a redelivery of this SMS?
                "volunteersInCity");
    }

    @Test
    void aFamilyText_isCheckedForARedelivery_whileItsSenderAndTheActiveIncidentsAreRead() {
        hold("recall", "active", "memberPhoneLink", "familyLinks");

        assertThat(familyTexts("我妈心脏病犯了，快来人")).isEqualTo(Handled.OPENED);

        assertThat(overlaps.get("recall").metThem).as("the reads were in flight together").isTrue();
    }

    @Test
    void opening_readsThePolicyWhileTheNearbyVolunteersAreRead() {
        hold("escalationPolicy", "volunteersInCity");

        assertThat(familyTexts("我妈心脏病犯了，快来人")).isEqualTo(Handled.OPENED);

        assertThat(overlaps.get("escalationPolicy").metThem).as("the reads were in flight together").isTrue();
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(11), phone(12));
    }

    @Test
    void aFamilyText_readsTheVolunteersWhereTheMemberLives_whileTheMemberIsRead() {
        hold("membersLinkedBy", "volunteersInCity", "escalationPolicy");

        assertThat(familyTexts("我妈心脏病犯了，快来人")).isEqualTo(Handled.OPENED);

        assertThat(overlaps.get("membersLinkedBy").metThem).as("member, volunteers and policy together").isTrue();
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(11), phone(12));
    }

    @Test
    void aFamilyText_alertsTheVolunteersWhereTheMemberLivesNow_whenTheLinkStillNamesTheCityTheyLeft() {
        // given: the member moved to 宁波, where one volunteer is; the phone's link has not caught up (yet)
        theMemberMovesToNingbo();
        services = services(World.CONFIG, (method, args, real) -> method.getName().equals("familyLinks")
                ? List.of(new PhoneLink("m-1", "杭州")) : real.run());

        // when
        assertThat(familyTexts("我妈心脏病犯了，快来人")).isEqualTo(Handled.OPENED);

        // then
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(13))
                .doesNotContain(phone(11), phone(12));
    }

    @Test
    void aFamilyText_isNotHeldBack_whenTheVolunteersOfACityTheMemberHasLeftCannotBeRead() {
        // given: the member moved to 宁波; the link still names 杭州, whose volunteers cannot be read just now
        theMemberMovesToNingbo();
        services = services(World.CONFIG, (method, args, real) -> {
            if (method.getName().equals("familyLinks")) return List.of(new PhoneLink("m-1", "杭州"));
            if (method.getName().equals("volunteersInCity") && "杭州".equals(Intercepted.first(args))) {
                throw new DependencyFailure("DynamoDB Query failed", null);
            }
            return real.run();
        });

        // when
        assertThat(familyTexts("我妈心脏病犯了，快来人")).isEqualTo(Handled.OPENED);

        // then
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(13));
    }

    @Test
    void aMembersOwnText_readsTheVolunteersWhereTheyLive_whileTheMemberIsRead() {
        hold("get", "volunteersInCity", "escalationPolicy");

        assertThat(memberTexts("我妈心脏病犯了，快来人")).isEqualTo(Handled.OPENED);

        assertThat(overlaps.get("get").metThem).as("member, volunteers and policy together").isTrue();
        assertThat(readsBeforeTheFirstSms()).containsExactly("active", "createUnlessUnderWay", "escalationPolicy", "familyLinks",
                "get", "memberPhoneLink", "membersLinkedBy", "recall", "volunteersInCity");
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(11), phone(12));
    }

    @Test
    void aMembersOwnText_alertsTheVolunteersWhereTheyLiveNow_whenThePhonesLinkStillNamesTheCityTheyLeft() {
        // given: the member moved to 宁波, where one volunteer is; the phone's link has not caught up (yet)
        theMemberMovesToNingbo();
        services = services(World.CONFIG, (method, args, real) -> method.getName().equals("memberPhoneLink")
                ? Optional.of(new PhoneLink("m-1", "杭州")) : real.run());

        // when
        assertThat(memberTexts("我妈心脏病犯了，快来人")).isEqualTo(Handled.OPENED);

        // then
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(13))
                .doesNotContain(phone(11), phone(12));
    }

    /** The member's personal link as issued now; what issuing it read is not counted. */
    private String aTriggerLink() {
        String token = services.directory().issueTriggerLink("m-1").token();
        calls.clear();
        return token;
    }

    /** The store's link for any token names the member in 杭州: as a token item written before the member moved. */
    private Services linksStillNamingHangzhou() {
        return services(World.CONFIG, (method, args, real) -> method.getName().equals("linkFor")
                ? Optional.of(new PhoneLink("m-1", "杭州")) : real.run());
    }

    @Test
    void aTapOnTheLink_looksUpTheLink_whileTheActiveIncidentsAreReadAndTheKeyIsRecalled() {
        String token = aTriggerLink();
        hold("linkFor", "active", "recall");

        services.trigger().trigger(token, null, "key-1");

        assertThat(overlaps.get("linkFor").metThem).as("link, active incidents and key together").isTrue();
    }

    @Test
    void aTapOnTheLink_readsTheMember_whileTheVolunteersWhereTheLinkSaysTheyLiveAreRead_andTheKeyIsKept() {
        String token = aTriggerLink();
        hold("get", "tokenHashOf", "volunteersInCity", "escalationPolicy", "remember");

        services.trigger().trigger(token, null, "key-1");

        assertThat(overlaps.get("get").metThem).as("member, token, volunteers, policy and key together").isTrue();
        assertThat(readsBeforeTheFirstSms()).containsExactly(
                "active", // the active incidents: the link's limit, the codes in use, the volunteers' load
                "createUnlessUnderWay", // the incident and its first level's alerts, one write (none if already under way)
                "escalationPolicy",
                "get", // the member
                "linkFor", // whose link, and where they live
                "recall", // a repeat of this Idempotency-Key?
                "remember", // the key kept, before the incident is written
                "tokenHashOf", // the token is still the member's
                "volunteersInCity");
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(11), phone(12));
    }

    @Test
    void aTapOnTheLink_alertsTheVolunteersWhereTheMemberLivesNow_whenTheLinkStillNamesTheCityTheyLeft() {
        // given: the member moved to 宁波, where one volunteer is; the link has not caught up (yet)
        String token = aTriggerLink();
        theMemberMovesToNingbo();
        services = linksStillNamingHangzhou();

        // when
        services.trigger().trigger(token, null, "key-1");

        // then
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(13))
                .doesNotContain(phone(11), phone(12));
    }

    @Test
    void aTapOnALinkThatNamesNoCity_stillAlertsTheVolunteersWhereTheMemberLives() {
        // given a token item written before links named a city
        String token = aTriggerLink();
        services = services(World.CONFIG, (method, args, real) -> method.getName().equals("linkFor")
                ? Optional.of(new PhoneLink("m-1", null)) : real.run());

        // when
        services.trigger().trigger(token, null, "key-1");

        // then
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(11), phone(12));
    }

    @Test
    void aDeadLink_answersNotFound_beforeItsBadInput_andKeepsNoKey_evenWhenALeftOverLinkStillNamesTheMember() {
        // given: the member's token was replaced, and the old one's link outlived the change
        String old = aTriggerLink();
        services.directory().issueTriggerLink("m-1");
        services = linksStillNamingHangzhou();

        // when / then: an unknown token, the replaced one, the replaced one with bad input
        assertThatThrownBy(() -> services.trigger().trigger("no-such-token", BAD_INPUT, "key-1"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> services.trigger().trigger(old, BAD_INPUT, "key-2")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> services.trigger().trigger(old, null, null)).isInstanceOf(NotFound.class);
        assertThat(memory.incidents().active()).isEmpty();
        assertThat(sent.attempts()).isEmpty();
        assertThat(memory.idempotencyKeys()).noneMatch(k -> k.endsWith(":key-2"));
    }

    @Test
    void aTapOnTheLinkOfAMemberWhoIsGone_answersNotFound_beforeItsBadInput_andOpensNothing() {
        // given: the member was deleted, and the link outlived it
        String token = aTriggerLink();
        memory.directory().members().delete("m-1");
        services = linksStillNamingHangzhou();

        // when / then
        assertThatThrownBy(() -> services.trigger().trigger(token, BAD_INPUT, "key-1")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> services.trigger().trigger(token, null, "key-2")).isInstanceOf(NotFound.class);
        assertThat(memory.incidents().active()).isEmpty();
        assertThat(sent.attempts()).isEmpty();
    }

    @Test
    void aTapWithBadInput_keepsNoKey_andTheSameKeyWorksOnceTheInputIsRight() {
        // given
        String token = aTriggerLink();
        assertThatThrownBy(() -> services.trigger().trigger(token, BAD_INPUT, "key-1")).isInstanceOf(Invalid.class);
        assertThat(memory.idempotencyKeys()).noneMatch(k -> k.startsWith("trigger:"));

        // when
        Triggered fixed = services.trigger().trigger(token, new TriggerInput("fire", null, null, null, null), "key-1");

        // then
        assertThat(memory.incidents().get(fixed.incidentId()).orElseThrow().type()).isEqualTo(IncidentType.FIRE);
    }

    @Test
    void aRepeatedTap_answersTheFirstIncident_andAlertsNoOneAgain() {
        // given
        String token = aTriggerLink();
        Triggered first = services.trigger().trigger(token, null, "key-1");
        int sentByTheFirst = sent.attempts().size();

        // when
        Triggered again = services.trigger().trigger(token, null, "key-1");

        // then
        assertThat(again).isEqualTo(first);
        assertThat(memory.incidents().active()).hasSize(1);
        assertThat(sent.attempts()).hasSize(sentByTheFirst);
    }

    @Test
    void aTapWhileTheEmergencyIsUnderWay_joinsIt_readsNoVolunteers_andKeepsItsKey() {
        // given
        String token = aTriggerLink();
        Triggered first = services.trigger().trigger(token, null, "key-1");
        int sentByTheFirst = sent.attempts().size();
        calls.clear();

        // when
        Triggered again = services.trigger().trigger(token, null, "key-2");

        // then
        assertThat(again.incidentId()).isEqualTo(first.incidentId());
        assertThat(memory.incidents().active()).hasSize(1);
        assertThat(sent.attempts()).hasSize(sentByTheFirst);
        assertThat(memory.idempotencyKeys()).anyMatch(k -> k.endsWith(":key-2"));
        assertThat(List.copyOf(calls)).noneMatch(c -> c.startsWith("volunteersInCity"));
    }

    @Test
    void beyondTheDaysSmsCeiling_aFamilyText_asksTheDirectoryNothingMore_beforeTheAlerts() {
        // given: a bad night has used up the day's SMS (a ceiling of 10: three emergencies, each closed, sent more)
        services = services(World.CONFIG.withLimits(new SmsLimits(20, 5, 10, 1, 10)));
        for (int i = 1; i <= 3; i++) {
            assertThat(familyTexts("我妈心脏病犯了，快来人", "earlier-" + i)).isEqualTo(Handled.OPENED);
            for (var open : memory.incidents().active()) services.dispatcher().cancel(open.id(), "误报", "officer");
        }
        calls.clear();

        // when
        assertThat(familyTexts("我爸摔倒了，快来人", "in-4")).isEqualTo(Handled.OPENED);

        // then: the alerts, the member's notice and the verified receipt go to numbers on record; only the count
        assertThat(readsBeforeTheFirstSms()).containsExactly("active", "count", "createUnlessUnderWay", "escalationPolicy",
                "familyLinks", "memberPhoneLink", "membersLinkedBy", "recall", "volunteersInCity");
        assertThat(sent.attempts()).extracting(RecordingMessenger.Attempt::to).contains(phone(11), phone(12));
    }
}
