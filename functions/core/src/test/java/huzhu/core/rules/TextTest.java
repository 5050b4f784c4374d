package huzhu.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void chinesePunctuation_isKept_asPeopleWroteIt() {
        assertThat(Text.clean("已送医，情况稳定。谢谢！")).isEqualTo("已送医，情况稳定。谢谢！");
    }

    @Test
    void fullWidthLettersDigitsAndSpaces_foldToAscii() {
        assertThat(Text.clean("ＳＯＳ　１２０号")).isEqualTo("SOS 120号");
    }

    @Test
    void controlAndFormatCharacters_areRemoved_andLineBreaksBecomeSpaces() {
        assertThat(Text.clean("  救命\u0000\u200b\n老伴胸口疼\t ")).isEqualTo("救命 老伴胸口疼");
    }

    @Test
    void shorten_endsWithAnEllipsis_andNeverSplitsASurrogatePair() {
        assertThat(Text.shorten("武汉市江汉区新华路", 5)).isEqualTo("武汉市江…");
        assertThat(Text.shorten("ab😀cd", 4)).isEqualTo("ab…");
        assertThat(Text.shorten("短", 5)).isEqualTo("短");
    }
}
