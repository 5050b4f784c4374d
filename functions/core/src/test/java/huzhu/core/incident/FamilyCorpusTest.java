package huzhu.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.care.BereavementWords;
import huzhu.core.incident.ReporterFollowUps.Meaning;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of the family's side (src/test/resources/huzhu/core/incident/family-corpus.txt): what a member or their
 * family texts while help is on its way, in simplified and traditional script, each with what it must be read as.
 */
class FamilyCorpusTest {
    private static final String CODE = "K27";

    record Form(String body, Meaning expected, int line) {
        @Override
        public String toString() {
            return "line " + line + ": \"" + body + "\" → " + expected;
        }
    }

    static List<Form> corpus() throws IOException {
        return CorpusLine.read("family-corpus.txt").stream()
                .map(l -> new Form(l.body(), Meaning.valueOf(l.head()), l.line())).toList();
    }

    static Stream<Form> forms() throws IOException {
        return corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyFormInTheCorpus_isReadAsWrittenDown(Form form) {
        // when
        Meaning meaning = ReporterFollowUps.meaning(form.body(), CODE, BereavementWords::reportsADeath);

        // then
        assertThat(meaning).as("%s", form).isEqualTo(form.expected());
    }

    @Test
    void theCorpus_hasTheFamilysWordsOfTheIssue_inBothScripts() throws IOException {
        // given
        List<Form> forms = corpus();

        // then
        for (Meaning m : Meaning.values()) {
            assertThat(forms).as("forms read as %s", m).filteredOn(f -> f.expected() == m).hasSizeGreaterThan(9);
        }
        for (String wish : List.of("不用了", "没事了", "已经去医院了", "取消", "沒事了", "已經去醫院了", "不用了，謝謝")) {
            assertThat(forms).as(wish).anySatisfy(f -> {
                assertThat(f.body()).isEqualTo(wish);
                assertThat(f.expected()).isEqualTo(Meaning.WISHES_TO_STAND_DOWN);
            });
        }
    }
}
