package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.NotFound;
import huzhu.core.error.RateLimited;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.kernel.Hashes;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The personal link: 128-bit tokens kept only as hashes, rotated by the console, limited per link and address; one
 * emergency per member at a time, so pressing it again passes words on (capped) instead of raising another.
 */
class TriggerLimitsTest {
    private static final TriggerInput HELP = new TriggerInput(null, "父亲摔倒了", null, null, null);

    private World world;
    private TriggerService triggers;
    private String token;

    @BeforeEach
    void aMemberWithAPersonalLink() {
        world = new World();
        triggers = world.services.trigger();
        world.add(Fixtures.member("m-1").name("王小明").phone(phone(1)).build());
        world.add(Fixtures.volunteer("v-1").phone(phone(11)).build());
        token = world.services.directory().issueTriggerLink("m-1").token();
    }

    @Test
    void theStore_keepsOnlyTheTokensHash_andTheOldTokenStopsWhenRotated() {
        // then
        assertThat(world.memory.snapshot().triggerLinks()).containsOnlyKeys(Hashes.sha256(token))
                .doesNotContainValue(token);
        assertThat(world.memory.snapshot().toString()).doesNotContain(token);

        // when
        String rotated = world.services.directory().issueTriggerLink("m-1").token();

        // then
        assertThat(rotated).isNotEqualTo(token);
        assertThatThrownBy(() -> triggers.trigger(token, HELP, null)).isInstanceOf(NotFound.class);
        assertThat(triggers.trigger(rotated, HELP, null).status()).isEqualTo("open");
    }

    @Test
    void aLinkPressedAgainAndAgain_passesItsWordsOnAtMostTheRelayCap_thenOnlyKeepsThem() {
        // given the emergency under way, and someone pressing the link again with words each time
        String opened = triggers.trigger(token, HELP, "tap-0").incidentId();
        int cap = World.CONFIG.limits().relaysPerSender(true);
        int alerted = world.messenger.sentTo(phone(11)).size();
        for (int i = 1; i <= cap; i++) {
            assertThat(triggers.trigger(token, new TriggerInput(null, "补充" + i, null, null, null), "tap-" + i)
                    .reply()).as("tap %d", i).contains("已转告");
        }

        // when
        TriggerService.Triggered over = triggers.trigger(token, new TriggerInput(null, "补充 again", null, null, null),
                "tap-over");

        // then the volunteer read each of the first ones, not this one; the officers can still read it
        assertThat(over.incidentId()).isEqualTo(opened);
        assertThat(over.reply()).contains("已记录").doesNotContain("已转告");
        assertThat(world.messenger.sentTo(phone(11))).hasSize(alerted + cap);
        assertThat(world.incident(opened).timeline()).extracting(TimelineEntry::kind).containsOnlyOnce("relayKept");
        assertThat(world.allIncidents()).hasSize(1);
    }

    @Test
    void barePressesBeyondTheRelayCap_writeNothingMoreToTheIncident() {
        // given
        String opened = triggers.trigger(token, HELP, "tap-0").incidentId();
        int cap = World.CONFIG.limits().relaysPerSender(true);
        for (int i = 1; i <= cap; i++) triggers.trigger(token, null, "tap-" + i);
        long version = world.incident(opened).version();

        // when someone keeps reloading the page and pressing
        for (int i = 1; i <= 50; i++) {
            assertThat(triggers.trigger(token, null, "more-" + i).incidentId()).isEqualTo(opened);
        }

        // then
        assertThat(world.incident(opened).version()).isEqualTo(version);
        assertThat(world.incident(opened).timeline()).extracting(TimelineEntry::kind).filteredOn("tappedAgain"::equals)
                .hasSize(cap);
    }

    @Test
    void aFailedTryThatOpenedNothing_isOpenedByItsRetry_once() {
        // given: the store refuses to keep the tap's key
        world.store.failNextRemember(new huzhu.core.error.DependencyFailure("DynamoDB throttled (test)", null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> triggers.trigger(token, HELP, "tap-1"))
                .isInstanceOf(huzhu.core.error.DependencyFailure.class);
        assertThat(world.allIncidents()).isEmpty();

        // when the page retries
        TriggerService.Triggered retried = triggers.trigger(token, HELP, "tap-1");

        // then
        assertThat(world.allIncidents()).extracting(Incident::id).containsExactly(retried.incidentId());
        assertThat(world.messenger.sentTo(phone(11))).hasSize(1);
    }

    @Test
    void aSecondPressWhoseKeyCouldNotBeKept_failsForARetry_andTheRetryLosesNothingOfWhatItSaid() {
        // given the emergency under way, and the store failing as the second press's key is kept
        String opened = triggers.trigger(token, HELP, "tap-1").incidentId();
        TriggerInput more = new TriggerInput(null, "在三楼，门没锁", null, null, null);
        world.store.failNextRemember(new huzhu.core.error.DependencyFailure("DynamoDB throttled (test)", null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> triggers.trigger(token, more, "tap-2"))
                .isInstanceOf(huzhu.core.error.DependencyFailure.class);

        // when the page retries
        TriggerService.Triggered retried = triggers.trigger(token, more, "tap-2");

        // then it joined the same emergency, and the volunteer has the words (at least once: never lost)
        assertThat(retried.incidentId()).isEqualTo(opened);
        assertThat(retried.reply()).contains("已转告");
        assertThat(world.messenger.bodiesTo(phone(11))).anySatisfy(b -> assertThat(b).contains("在三楼，门没锁"));
        assertThat(triggers.trigger(token, more, "tap-2")).isEqualTo(retried);
        assertThat(world.allIncidents()).hasSize(1);
    }

    @Test
    void repeatsOfOneIdempotencyKey_answerTheFirstIncident_andAlertNoOneAgain() {
        // given
        String first = triggers.trigger(token, HELP, "tap-1").incidentId();
        int sent = world.messenger.attempts().size();

        // when
        for (int i = 0; i < 10; i++) {
            assertThat(triggers.trigger(token, HELP, "tap-1").incidentId()).isEqualTo(first);
        }

        // then
        assertThat(world.allIncidents()).hasSize(1);
        assertThat(world.messenger.attempts()).hasSize(sent);
    }

    @Test
    void bogusTokensFromOneAddress_areRefusedAfterItsAllowance_butAFamilysRealLinkBehindThatAddressStillWorks() {
        // given someone behind the family's carrier NAT spending the address's allowance on made-up links
        String nat = "203.0.113.50";
        for (int i = 0; i < TriggerService.MISSES_PER_ADDRESS.max(); i++) {
            String guess = "guess-" + i;
            assertThatThrownBy(() -> triggers.memberFor(guess, nat)).isInstanceOf(NotFound.class);
        }
        assertThatThrownBy(() -> triggers.memberFor("guess-more", nat)).isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> triggers.trigger("guess-more", HELP, null, nat)).isInstanceOf(RateLimited.class);

        // when the family opens their own link from the same address
        String opened = triggers.memberFor(token, nat).id();
        TriggerService.Triggered raised = triggers.trigger(token, HELP, null, nat);

        // then
        assertThat(opened).isEqualTo("m-1");
        assertThat(raised.status()).isEqualTo("open");
        assertThat(world.allIncidents()).hasSize(1);
    }

    @Test
    void aRealLink_isLimitedOnlyByItsOwnRule_notByItsAddress() {
        // given one address opening the family's page more often than it may miss
        String home = "198.51.100.30";
        for (int i = 0; i < TriggerService.VIEWS_PER_LINK.max(); i++) {
            assertThat(triggers.memberFor(token, home).id()).isEqualTo("m-1");
        }

        // then the link's own view limit holds, from any address, and the address may still miss
        assertThatThrownBy(() -> triggers.memberFor(token, "192.0.2.1")).isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> triggers.memberFor("guess-0", home)).isInstanceOf(NotFound.class);
        world.clock.advance(TriggerService.VIEWS_PER_LINK.per());
        assertThat(triggers.memberFor(token, home).id()).isEqualTo("m-1");
    }

    @Test
    void personalTokens_have128RandomBits() {
        // given: production ids, not the tests' sequential ones
        var ids = new huzhu.core.kernel.RandomIds(world.clock);

        // when
        String secret = ids.newSecret();

        // then: 16 bytes, base64url without padding
        assertThat(secret).hasSize(22).matches("[A-Za-z0-9_-]{22}");
        assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSize(16);
        assertThat(ids.newSecret()).isNotEqualTo(secret);
    }
}
