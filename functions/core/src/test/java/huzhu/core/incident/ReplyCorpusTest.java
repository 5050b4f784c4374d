package huzhu.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.ReplyGrammar.Reading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of replies (src/test/resources/huzhu/core/incident/reply-corpus.txt): a few hundred forms people
 * with an outstanding alert really send, in simplified and traditional script, each with the action it must be
 * read as — including the ones that must not be read as yes.
 */
class ReplyCorpusTest {

    /** One line of the corpus: the body as typed, what it must be read as. */
    record Form(String body, Action expected, String code, Integer etaMinutes, int line) {
        @Override
        public String toString() {
            return "line " + line + ": \"" + body + "\" → " + (expected == null ? "UNCLEAR" : expected)
                    + (etaMinutes == null ? "" : " eta=" + etaMinutes) + (code == null ? "" : " code=" + code);
        }
    }

    static List<Form> corpus() throws IOException {
        List<Form> forms = new ArrayList<>();
        for (CorpusLine l : CorpusLine.read("reply-corpus.txt")) {
            Action expected = null;
            String code = null;
            Integer eta = null;
            for (String part : l.head().split("\\s+")) {
                if (part.startsWith("eta=")) eta = Integer.valueOf(part.substring(4));
                else if (part.startsWith("code=")) code = part.substring(5);
                else if (!part.equals("UNCLEAR")) expected = Action.valueOf(part);
            }
            forms.add(new Form(l.body(), expected, code, eta, l.line()));
        }
        return forms;
    }

    static Stream<Form> forms() throws IOException {
        return corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyFormInTheCorpus_isReadAsWrittenDown(Form form) {
        // when
        Reading reading = ReplyGrammar.read(form.body());

        // then
        assertThat(reading.action()).as("action of %s", form).isEqualTo(form.expected());
        assertThat(reading.etaMinutes()).as("eta of %s", form).isEqualTo(form.etaMinutes());
        assertThat(reading.code()).as("code of %s", form).isEqualTo(form.code());
    }

    @Test
    void theCorpus_isAFewHundredForms_inBothScripts_withTheFormsThatMustNotBeYes() throws IOException {
        // given
        List<Form> forms = corpus();

        // then
        assertThat(forms).hasSizeGreaterThan(300);
        assertThat(forms.stream().filter(f -> f.body().codePoints().anyMatch(ReplyCorpusTest::traditionalOnly)))
                .as("forms in traditional script").hasSizeGreaterThan(60);
        for (Action a : Action.values()) {
            assertThat(forms).as("forms read as %s", a).filteredOn(f -> f.expected() == a).hasSizeGreaterThan(10);
        }
        assertThat(forms).filteredOn(f -> f.expected() == null).hasSizeGreaterThan(80);
        assertThat(forms).filteredOn(f -> f.etaMinutes() != null).hasSizeGreaterThan(30);
        for (String notYes : List.of("好累", "不好意思去不了", "我去不了", "好像不行", "可以吗？", "行不行", "可以嗎？")) {
            assertThat(forms).as(notYes).anySatisfy(f -> {
                assertThat(f.body()).isEqualTo(notYes);
                assertThat(f.expected()).isNotEqualTo(Action.ACCEPT);
            });
        }
    }

    /** A few characters that exist only in traditional script, enough to count the traditional forms. */
    private static boolean traditionalOnly(int c) {
        return "馬過來這時間沒問題達處理樓門現場經鐘個後會兒謝對離遠無趕開車實約單嗎麼裡還讓請體".indexOf(c) >= 0;
    }
}
