package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.NotFound;
import huzhu.core.error.RateLimited;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personal link: 128-bit tokens kept only as hashes, rotated by the console, limited per token and address. */
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

    private List<Incident> incidents() {
        return world.memory.incidents().list(IncidentQuery.ALL, PageRequest.first(200)).items();
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
    void aToken_raisesAtMostItsLimit_thenIsRefusedWithRetryAfter_untilTheWindowPasses() {
        // given
        for (int i = 0; i < TriggerService.PER_TOKEN_MAX; i++) {
            triggers.trigger(token, HELP, null, "10.0.0." + i);
            world.later(60);
        }

        // when / then
        assertThatThrownBy(() -> triggers.trigger(token, HELP, null, "10.0.1.1"))
                .isInstanceOfSatisfying(RateLimited.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(TriggerService.PER_TOKEN_WINDOW.minusSeconds(60 * TriggerService.PER_TOKEN_MAX)));
        assertThat(incidents()).hasSize(TriggerService.PER_TOKEN_MAX);
        world.clock.advance(TriggerService.PER_TOKEN_WINDOW.minusSeconds(60 * TriggerService.PER_TOKEN_MAX));
        assertThat(triggers.trigger(token, HELP, null, "10.0.1.1").status()).isEqualTo("open");
    }

    @Test
    void aFailedTryThatOpenedNothing_usesNoneOfTheTokensAllowance() {
        // given: the store refuses the incident's creation, again and again
        world.store.failNextRemember(new huzhu.core.error.DependencyFailure("DynamoDB throttled (test)", null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> triggers.trigger(token, HELP, "tap-1"))
                .isInstanceOf(huzhu.core.error.DependencyFailure.class);

        // then: the limit counts incidents, so five more still open
        for (int i = 0; i < TriggerService.PER_TOKEN_MAX; i++) triggers.trigger(token, HELP, "tap-" + (i + 1));
        assertThat(incidents()).hasSize(TriggerService.PER_TOKEN_MAX);
    }

    @Test
    void repeatsOfOneIdempotencyKey_answerTheFirstIncident_andUseNoneOfTheTokensAllowance() {
        // given
        String first = triggers.trigger(token, HELP, "tap-1").incidentId();

        // when
        for (int i = 0; i < 10; i++) {
            assertThat(triggers.trigger(token, HELP, "tap-1").incidentId()).isEqualTo(first);
        }

        // then
        assertThat(incidents()).hasSize(1);
        for (int i = 1; i < TriggerService.PER_TOKEN_MAX; i++) triggers.trigger(token, HELP, "tap-" + (i + 1));
        assertThat(incidents()).hasSize(TriggerService.PER_TOKEN_MAX);
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
        assertThat(incidents()).hasSize(1);
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
