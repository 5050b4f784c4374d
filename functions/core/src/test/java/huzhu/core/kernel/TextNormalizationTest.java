package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Text#nfc} and {@link Text#nfkc} are the JDK's NFC and NFKC: their short cut (no Unicode tables for text
 * whose normal form is itself) may never give another answer than {@link Normalizer} does.
 */
class TextNormalizationTest {
    private static final UnaryOperator<String> JDK_NFC = s -> Normalizer.normalize(s, Normalizer.Form.NFC);
    private static final UnaryOperator<String> JDK_NFKC = s -> Normalizer.normalize(s, Normalizer.Form.NFKC);

    @Test
    void nfcAndNfkc_areTheJdks_forEveryCharacterAlone() {
        // given every UTF-16 unit that is not half of a surrogate pair
        for (char c = 0; c < 0xFFFF; c++) {
            if (Character.isSurrogate(c)) continue;
            String s = String.valueOf(c);
            // when / then
            assertThat(Text.nfc(s)).as("NFC of U+%04X", (int) c).isEqualTo(JDK_NFC.apply(s));
            assertThat(Text.nfkc(s)).as("NFKC of U+%04X", (int) c).isEqualTo(JDK_NFKC.apply(s));
        }
    }

    @Test
    void nfc_isTheJdks_forEveryPairOfTheCharactersItShortCuts_andTheirNeighbours() {
        // given the short cut's characters outside the ideographs, and characters that compose or reorder
        List<Character> chars = new ArrayList<>();
        for (char c = 0; c < 0xFFFF; c++) {
            if ((Text.stableUnderNfc(c) && (c < 0x4E00 || c > 0x9FFF)) || combining(c)) chars.add(c);
        }
        // when / then: every pair of them, both ways
        for (char a : chars) {
            for (char b : chars) {
                String s = "" + a + b;
                assertThat(Text.nfc(s)).as("NFC of U+%04X U+%04X", (int) a, (int) b).isEqualTo(JDK_NFC.apply(s));
            }
        }
    }

    @Test
    void nfcAndNfkc_areTheJdks_forEveryIdeographBesideCharactersThatCompose() {
        // given each CJK Unified Ideograph, between ASCII, Chinese punctuation and combining marks
        String[] neighbours = {"a", "，", "\u0301", "\u302a", "\u3099", "\u1161", "\uff9e"};
        IntStream.rangeClosed(0x4E00, 0x9FFF).forEach(i -> {
            for (String after : neighbours) {
                String s = "。" + (char) i + after;
                // when / then
                assertThat(Text.nfc(s)).isEqualTo(JDK_NFC.apply(s));
                assertThat(Text.nfkc(s)).isEqualTo(JDK_NFKC.apply(s));
            }
        });
    }

    @Test
    void nfcAndNfkc_areTheJdks_forMixedTextPeopleType() {
        // given random texts of Chinese, ASCII, full-width forms, Latin-1, combining marks, Hangul jamo, emoji
        String alphabet = "爸在家摔倒了起不来王德福救命aZ09 +-()，。！？：；「」、\u3000ＡＺ０９！ＳéÅñ\u00a0½²"
                + "\u0301\u0308\u0327\u302a\u302e\u3099\u309a\u1100\u1161\u11a8가ｶﾞ\uff9e\u2000\u212b😀";
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            while (s.length() < length) s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            // when / then
            assertThat(Text.nfc(s.toString())).as("NFC of %s", s).isEqualTo(JDK_NFC.apply(s.toString()));
            assertThat(Text.nfkc(s.toString())).as("NFKC of %s", s).isEqualTo(JDK_NFKC.apply(s.toString()));
        }
    }

    @Test
    void shortCut_keepsTheTextItself_forChineseTextsAndPhoneNumbers() {
        // given what a family types: Chinese with full-width punctuation, an address, a phone number
        String message = "爸爸在家摔倒了，起不来。";
        String phone = "+86 138-0013-8000";
        // when / then: the same String comes back (no copy made: the JDK's tables were not needed)
        assertThat(Text.nfc(message)).isSameAs(message);
        assertThat(Text.nfkc(phone)).isSameAs(phone);
        assertThat(Text.nfkc("成都市武侯区人民南路四段1号")).isEqualTo("成都市武侯区人民南路四段1号");
    }

    /**
     * Characters that compose with or reorder around what precedes them, of the scripts a text here mixes: Latin's
     * combining marks, Hangul's vowels and finals, the kana voicing marks (full and half width), the ideographic tone
     * marks.
     */
    private static boolean combining(char c) {
        return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1160 && c <= 0x11FF) || (c >= 0x302A && c <= 0x302F)
                || c == 0x3099 || c == 0x309A || c == 0xFF9E || c == 0xFF9F;
    }
}
