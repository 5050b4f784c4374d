package huzhu.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SMS segments: GSM-7 160 alone / 153 concatenated, UCS-2 70 alone / 67 concatenated. */
class SmsLengthTest {
    @ParameterizedTest(name = "[{index}] {0} GSM-7 characters → {1} segments")
    @CsvSource({"1,1", "159,1", "160,1", "161,2", "305,2", "306,2", "307,3", "459,3", "460,4"})
    void gsm7Text_costs160ThenPer153(int length, int segments) {
        assertCosts("a".repeat(length), GSM7, segments);
    }

    @ParameterizedTest(name = "[{index}] {0} UCS-2 characters → {1} segments")
    @CsvSource({"1,1", "69,1", "70,1", "71,2", "133,2", "134,2", "135,3", "201,3", "202,4"})
    void ucs2Text_costs70ThenPer67(int length, int segments) {
        assertCosts("互".repeat(length), UCS2, segments);
    }

    @ParameterizedTest(name = "[{index}] {0} extension characters → {1} segments")
    @CsvSource({"80,1", "81,2", "153,2", "154,3"})
    void gsm7ExtensionCharacters_countTwice(int count, int segments) {
        // € ^ { } [ ] ~ \ | each take an escape and a septet
        assertCosts("€".repeat(count), GSM7, segments);
    }

    @Test
    void mixedExtensionAndBasicCharacters_countExactlyAt160And161Septets() {
        // given: 10 extension characters (20 septets) + 140 basic = 160 septets
        String exactly = "{}[]~^|\\€€" + "x".repeat(140);
        String oneMore = exactly + "x";

        // when / then
        assertThat(SmsLength.segments(exactly)).isEqualTo(1);
        assertThat(SmsLength.segments(oneMore)).isEqualTo(2);
    }

    @Test
    void oneChineseCharacter_turnsAGsm7TextIntoUcs2() {
        // given
        String ascii = "a".repeat(100);
        String mixed = "a".repeat(99) + "互";

        // when / then
        assertThat(SmsLength.segments(ascii)).isEqualTo(1);
        assertThat(SmsLength.isGsm7(mixed)).isFalse();
        assertThat(SmsLength.segments(mixed)).isEqualTo(2);
    }

    @Test
    void theEllipsisCharacter_isNotGsm7() {
        assertThat(SmsLength.isGsm7("…")).isFalse();
        assertThat(SmsLength.isGsm7("...")).isTrue();
    }

    @Test
    void anEmoji_costsTwoUcs2Units() {
        // given: 35 emoji = 70 UTF-16 units; one more is 72
        String fits = "😀".repeat(35);
        String over = "😀".repeat(36);

        // when / then
        assertThat(SmsLength.segments(fits)).isEqualTo(1);
        assertThat(SmsLength.segments(over)).isEqualTo(2);
    }

    @Test
    void gsm7BasicPunctuationAndAccents_stayGsm7() {
        assertThat(SmsLength.isGsm7("Hello, World! @£$¥èé 0-9 (a+b)=c; \"q\" 'x' ?¿¡ ÄÖÑÜäöñüà_§")).isTrue();
    }

    @Test
    void anEmptyText_stillCostsOneSegment() {
        assertThat(SmsLength.segments("")).isEqualTo(1);
    }

    @Test
    void fits_comparesSegmentsWithTheLimit() {
        assertThat(SmsLength.fits("互".repeat(134), 2)).isTrue();
        assertThat(SmsLength.fits("互".repeat(135), 2)).isFalse();
        assertThat(SmsLength.fits("a".repeat(306), 2)).isTrue();
        assertThat(SmsLength.fits("a".repeat(307), 2)).isFalse();
    }

    private static final boolean GSM7 = true;
    private static final boolean UCS2 = false;

    /** {@code text} goes in the alphabet said and costs that many segments. */
    private static void assertCosts(String text, boolean gsm7, int segments) {
        assertThat(SmsLength.isGsm7(text)).as("GSM-7").isEqualTo(gsm7);
        assertThat(SmsLength.segments(text)).as("segments").isEqualTo(segments);
    }
}
