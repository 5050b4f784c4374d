package huzhu.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.kernel.Ids;
import huzhu.core.testing.SequentialIds;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Short codes people type in SMS replies. */
class IncidentCodesTest {
    private static final String FORMAT = "[A-HJ-NP-Z][0-9]{2}";

    /** Ids whose random draws are always the same number. */
    private record StuckIds(int value) implements Ids {
        @Override
        public String newId() {
            return "id";
        }

        @Override
        public String newSecret() {
            return "secret";
        }

        @Override
        public int nextInt(int bound) {
            return value % bound;
        }
    }

    @Test
    void aCode_isOneLetterAndTwoDigits_withoutIOrO() {
        // given
        SequentialIds ids = new SequentialIds(7);

        // when
        Set<String> codes = IntStream.range(0, 5000).mapToObj(i -> IncidentCodes.next(ids, Set.of()))
                .collect(Collectors.toSet());

        // then
        assertThat(codes).allMatch(c -> c.matches(FORMAT));
        assertThat(codes).noneMatch(c -> c.startsWith("I") || c.startsWith("O"));
        assertThat(codes).contains("A00"); // the space is really 24 × 100 codes
        assertThat(codes.size()).isGreaterThan(2000);
    }

    @Test
    void theRandomDraw_mapsOntoLetterAndDigits() {
        assertThat(IncidentCodes.next(new StuckIds(0), Set.of())).isEqualTo("A00");
        assertThat(IncidentCodes.next(new StuckIds(127), Set.of())).isEqualTo("B27");
        assertThat(IncidentCodes.next(new StuckIds(2399), Set.of())).isEqualTo("Z99");
    }

    @Test
    void aCode_isNeverOneThatAnActiveIncidentHolds() {
        // given
        SequentialIds ids = new SequentialIds(11);
        Set<String> active = new HashSet<>();

        // when: fill most of the table one code at a time
        for (int i = 0; i < 2000; i++) {
            String code = IncidentCodes.next(ids, active);

            // then
            assertThat(active).doesNotContain(code);
            active.add(code);
        }
        assertThat(active).hasSize(2000);
    }

    @Test
    void whenTheDrawKeepsHittingActiveCodes_theTableIsWalkedForAFreeOne() {
        // given: every draw gives A00, which is taken, and so are A01 and A02
        Ids stuck = new StuckIds(0);

        // when
        String code = IncidentCodes.next(stuck, Set.of("A00", "A01", "A02"));

        // then
        assertThat(code).isEqualTo("A03");
    }

    @Test
    void theLastFreeCode_isFound_inAlmostFullTable() {
        // given: all 2,400 codes but one are active
        Set<String> active = new HashSet<>();
        for (int n = 0; n < 2400; n++) active.add(IncidentCodes.next(new StuckIds(n), Set.of()));
        active.remove("Q42");

        // when
        String code = IncidentCodes.next(new SequentialIds(3), active);

        // then
        assertThat(code).isEqualTo("Q42");
    }

    @Test
    void aFullTable_isAnError_notAnEndlessLoop() {
        // given
        Set<String> active = new HashSet<>();
        for (int n = 0; n < 2400; n++) active.add(IncidentCodes.next(new StuckIds(n), Set.of()));

        // when / then
        assertThatThrownBy(() -> IncidentCodes.next(new SequentialIds(3), active))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCode_isReadBackFromAReply() {
        // given
        for (int n = 0; n < 2400; n++) {
            String code = IncidentCodes.next(new StuckIds(n), Set.of());

            // when / then: the grammar reads every code, in both positions
            assertThat(ReplyGrammar.read("1 " + code)).as(code)
                    .isEqualTo(new ReplyGrammar.Reading(ReplyGrammar.Action.ACCEPT, code, null));
            assertThat(ReplyGrammar.read(code.toLowerCase() + " 0")).as(code)
                    .isEqualTo(new ReplyGrammar.Reading(ReplyGrammar.Action.DECLINE, code, null));
            assertThat(ReplyGrammar.read("好的 " + code)).as(code)
                    .isEqualTo(new ReplyGrammar.Reading(ReplyGrammar.Action.ACCEPT, code, null));
        }
    }
}
