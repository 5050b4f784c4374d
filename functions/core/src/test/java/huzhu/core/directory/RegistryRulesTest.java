package huzhu.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.NotFound;
import huzhu.core.kernel.StaleWrite;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decisions every registry takes before it writes, apart from any store. */
class RegistryRulesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private final RegistryRules leaders = new RegistryRules("leader");

    @Test
    void aPhoneAnotherLeaderHolds_isTaken() {
        // given
        Leader wang = leader("l-1", "+8613800138000", 1);

        // when / then
        assertThatThrownBy(() -> leaders.refuseTakenPhone(wang, phone -> Optional.of("l-2")))
                .isInstanceOfSatisfying(Registry.PhoneTaken.class,
                        e -> assertThat(e).hasMessage("leader phone already registered"));
    }

    @Test
    void aPhoneTheLeaderHoldsItself_orNobodyHolds_isFree() {
        Leader wang = leader("l-1", "+8613800138000", 2);

        assertThatCode(() -> leaders.refuseTakenPhone(wang, phone -> Optional.of("l-1"))).doesNotThrowAnyException();
        assertThatCode(() -> leaders.refuseTakenPhone(wang, phone -> Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void anEntryWithoutAPhone_isNeverLookedUp() {
        Leader noPhone = leader("l-1", null, 1);

        assertThatCode(() -> leaders.refuseTakenPhone(noPhone, phone -> {
            throw new AssertionError("looked up " + phone);
        })).doesNotThrowAnyException();
    }

    @Test
    void basedOn_answersTheStoredEntry_atTheVersionAChangeIsBasedOn() {
        Leader stored = leader("l-1", null, 3);

        assertThat(leaders.basedOn(Optional.of(stored), "l-1", 3)).isSameAs(stored);
    }

    @Test
    void basedOn_none_isNotFound_andAnotherVersion_isStale() {
        assertThatThrownBy(() -> leaders.basedOn(Optional.<Leader>empty(), "l-1", 3))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.what()).isEqualTo("leader"));
        assertThatThrownBy(() -> leaders.basedOn(Optional.of(leader("l-1", null, 4)), "l-1", 3))
                .isInstanceOf(StaleWrite.class).hasMessage("leader l-1 changed concurrently");
    }

    @Test
    void aRefusedConditionalWrite_isStale_whileTheEntryIsStored_andNotFound_onceItIsGone() {
        assertThat(leaders.refused(true, "l-1")).isInstanceOf(StaleWrite.class);
        assertThat(leaders.refused(false, "l-1")).isInstanceOf(NotFound.class);
    }

    private static Leader leader(String id, String phone, long version) {
        return new Leader(id, "王主席", phone, null, "主席", 1, null, T0, T0, version);
    }
}
