package huzhu.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.ReplyGrammar.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §5: the words a volunteer or leader may answer with, and what must not be read as an answer. */
class ReplyGrammarTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            // accept
            "1|ACCEPT", "Y|ACCEPT", "y|ACCEPT", "YES|ACCEPT", "yes|ACCEPT", "Yes|ACCEPT", "接|ACCEPT",
            "收到|ACCEPT", "接单|ACCEPT", "接單|ACCEPT",
            // decline
            "0|DECLINE", "N|DECLINE", "n|DECLINE", "NO|DECLINE", "no|DECLINE", "No|DECLINE", "不|DECLINE",
            "不去|DECLINE",
            // arrived
            "2|ARRIVED", "到|ARRIVED", "到达|ARRIVED", "到達|ARRIVED", "ARRIVED|ARRIVED", "arrived|ARRIVED",
            "Arrived|ARRIVED",
            // done
            "9|DONE", "完成|DONE", "DONE|DONE", "done|DONE", "Done|DONE"})
    void everyReplyWord_isReadAsItsAction_withoutACode(String body, Action expected) {
        // when
        Reading reading = ReplyGrammar.read(body);

        // then
        assertThat(reading).isEqualTo(new Reading(expected, null, null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // the code after the word, with or without a space, in any case
            "1 K27|ACCEPT|K27", "1K27|ACCEPT|K27", "1 k27|ACCEPT|K27", "yes k27|ACCEPT|K27", "接 K27|ACCEPT|K27",
            "收到K27|ACCEPT|K27", "Y A05|ACCEPT|A05",
            "0 K27|DECLINE|K27", "no K27|DECLINE|K27", "不 K27|DECLINE|K27",
            "2 K27|ARRIVED|K27", "到达 K27|ARRIVED|K27", "到達K27|ARRIVED|K27", "arrived K27|ARRIVED|K27",
            "9 K27|DONE|K27", "完成 K27|DONE|K27", "done K27|DONE|K27",
            // the code before the word
            "K27 1|ACCEPT|K27", "K271|ACCEPT|K27", "k27 yes|ACCEPT|K27", "K27 接|ACCEPT|K27",
            "K27 0|DECLINE|K27", "K27 NO|DECLINE|K27", "K27 2|ARRIVED|K27", "K27 到達|ARRIVED|K27",
            "K27 9|DONE|K27", "K27 完成|DONE|K27",
            // codes whose letter is itself a reply word
            "1 N05|ACCEPT|N05", "N05 1|ACCEPT|N05", "Y N05|ACCEPT|N05", "N05 Y|ACCEPT|N05", "Y05 0|DECLINE|Y05",
            "N Y05|DECLINE|Y05"})
    void aReplyWord_withAnIncidentCode_beforeOrAfterIt_givesTheActionAndTheCode(String body, Action expected,
            String code) {
        // when
        Reading reading = ReplyGrammar.read(body);

        // then
        assertThat(reading).isEqualTo(new Reading(expected, code, null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "'  1  '|ACCEPT", "1.|ACCEPT", "1!|ACCEPT", "1。|ACCEPT", "（1）|ACCEPT", "【1】|ACCEPT", "'1\n'|ACCEPT",
            "１|ACCEPT", "１。|ACCEPT", "ＹＥＳ|ACCEPT", "ｙｅｓ|ACCEPT", "' 接 '|ACCEPT", "'\u3000接\u3000'|ACCEPT",
            "收到！|ACCEPT", "“收到”|ACCEPT", "Y E S|ACCEPT",
            "０|DECLINE", "不。|DECLINE", "ＮＯ！|DECLINE",
            "２|ARRIVED", "到達。|ARRIVED", "ＡＲＲＩＶＥＤ|ARRIVED",
            "９|DONE", "完成！|DONE", "ＤＯＮＥ.|DONE"})
    void surroundingSpacesPunctuationAndFullWidthForms_areIgnored(String body, Action expected) {
        // when
        Reading reading = ReplyGrammar.read(body);

        // then
        assertThat(reading.action()).isEqualTo(expected);
    }

    @Test
    void aFullWidthCode_withFullWidthPunctuation_isReadLikeAnAsciiOne() {
        // when
        Reading reading = ReplyGrammar.read("１，Ｋ２７。");

        // then
        assertThat(reading).isEqualTo(new Reading(Action.ACCEPT, "K27", null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is not understood")
    @ValueSource(strings = {"10", "01", "12", "1234", "11", "19", "99", "K2", "1 K2", "1 K277", "1 KK27",
            "1 27", "老伴胸口疼", "救命 老伴胸口疼", "求助", "不好了", "收到了吗", "YESS", "Y1", "Hello", "接不接",
            "STOP", "退订", "1 2", "?", "。", "   ", "\n"})
    void textThatIsNeitherACommandNorPlainAgreementOrRefusal_isNotUnderstood(String body) {
        // when
        Reading reading = ReplyGrammar.read(body);

        // then
        assertThat(reading.understood()).isFalse();
    }

    @Test
    void aCodeAlone_isNotUnderstood_butNamesTheIncident() {
        assertThat(ReplyGrammar.read("k27")).isEqualTo(new Reading(null, "K27", null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingAtAll_isNotUnderstood(String body) {
        assertThat(ReplyGrammar.read(body).understood()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is a stop word")
    @ValueSource(strings = {"STOP", "stop", "Stop", " STOP. ", "ＳＴＯＰ", "TD", "td", "Td", "退订", "退訂", "退订。",
            " 退 订 ", "UNSUBSCRIBE", "unsubscribe"})
    void stopWords_areRecognised_inEveryForm(String body) {
        assertThat(ReplyGrammar.isStop(body)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is not a stop word")
    @ValueSource(strings = {"", "1", "STOPPED", "please stop sending", "退订吗不要", "TDD", "退"})
    void otherText_isNotAStopWord(String body) {
        assertThat(ReplyGrammar.isStop(body)).isFalse();
    }

    @Test
    void aNullBody_isNotAStopWord() {
        assertThat(ReplyGrammar.isStop(null)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" asks for help")
    @ValueSource(strings = {"求助", "求助 我爸晕倒了", "救命 老伴胸口疼", "救命！", "救", "急", "急！老人摔倒", "HELP",
            "help", "Help me please", "SOS", "sos", "S.O.S", "ＳＯＳ", " 求助", "【求助】家里着火了", "“救命”"})
    void helpPrefixes_makeAHelpRequest(String body) {
        assertThat(ReplyGrammar.isHelpRequest(body)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" does not ask for help")
    @ValueSource(strings = {"", "老伴胸口疼", "你好", "1", "hello", "我想求助", "please help", "STOP"})
    void textWithoutAHelpPrefix_isNotAHelpRequest(String body) {
        assertThat(ReplyGrammar.isHelpRequest(body)).isFalse();
    }

    @Test
    void aNullBody_isNotAHelpRequest() {
        assertThat(ReplyGrammar.isHelpRequest(null)).isFalse();
    }
}
