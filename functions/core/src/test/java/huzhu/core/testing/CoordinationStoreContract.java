package huzhu.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.Store;
import huzhu.core.directory.Area;
import huzhu.core.incident.Holds;
import huzhu.core.incident.Holds.Hold;
import huzhu.core.incident.Surge;
import huzhu.core.kernel.StaleWrite;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do with the small records that coordinate many incidents at once: what each volunteer holds
 * and each district's surge. Both are written only on the version they were read at. A store implementation's test
 * extends this class and says how to make a fresh store.
 */
public abstract class CoordinationStoreContract {
    private static final Instant T = Instant.parse("2026-12-20T21:30:00.123456789Z");
    private static final Area LUBEI = new Area("唐山市", "路北区");
    private static final Area LUNAN = new Area("唐山市", "路南区");

    protected abstract Store newStore();

    private Store store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable c) c.close();
    }

    @Test
    void holds_comeBackAsWritten_pendingAndConfirmedAlike() {
        // given
        Holds holds = new Holds("v-1", List.of(new Hold("i-1", null), new Hold("i-2", T)), 1);

        // when
        store.holds().put(holds);

        // then
        assertThat(store.holds().get("v-1")).contains(holds);
        assertThat(store.holds().get("v-2")).isEmpty();
    }

    @Test
    void holds_areWrittenOnlyOnTheVersionTheyWereReadAt() {
        // given
        store.holds().put(new Holds("v-1", List.of(new Hold("i-1", T)), 1));
        Holds next = new Holds("v-1", List.of(), 2);

        // when / then: a second first version, or a version skipped, is refused and changes nothing
        assertThatThrownBy(() -> store.holds().put(new Holds("v-1", List.of(), 1))).isInstanceOf(StaleWrite.class);
        assertThatThrownBy(() -> store.holds().put(new Holds("v-1", List.of(), 3))).isInstanceOf(StaleWrite.class);
        assertThat(store.holds().get("v-1").orElseThrow().held()).hasSize(1);
        store.holds().put(next);
        assertThat(store.holds().get("v-1")).contains(next);
    }

    @Test
    void surges_comeBackAsWritten_andOnlyThoseOnAreActive() {
        // given
        Surge lubei = new Surge(LUBEI, T, null, Map.of(1, T.plusSeconds(60), 2, T.plusSeconds(600)), 1);
        Surge lunan = new Surge(LUNAN, T, T.plusSeconds(3600), Map.of(), 3);
        store.surges().put(lubei);
        store.surges().put(new Surge(LUNAN, T, null, Map.of(), 1));
        store.surges().put(new Surge(LUNAN, T, null, Map.of(), 2));
        store.surges().put(lunan);

        // then
        assertThat(store.surges().get(LUBEI)).contains(lubei);
        assertThat(store.surges().get(LUNAN)).contains(lunan);
        assertThat(store.surges().get(new Area("唐山市", "开平区"))).isEmpty();
        assertThat(store.surges().active()).containsExactly(lubei);
    }

    @Test
    void surges_areWrittenOnlyOnTheVersionTheyWereReadAt() {
        // given: one writer started the surge
        store.surges().put(new Surge(LUBEI, T, null, Map.of(), 1));

        // when / then: a second writer starting it too is refused
        assertThatThrownBy(() -> store.surges().put(new Surge(LUBEI, T.plusSeconds(1), null, Map.of(), 1)))
                .isInstanceOf(StaleWrite.class);
        assertThatThrownBy(() -> store.surges().put(new Surge(LUBEI, T, T, Map.of(), 3)))
                .isInstanceOf(StaleWrite.class);
        assertThat(store.surges().get(LUBEI).orElseThrow().startedAt()).isEqualTo(T);
    }
}
