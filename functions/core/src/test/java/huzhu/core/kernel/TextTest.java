package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What people type, as the services keep it: full-width letters and digits folded, controls gone, punctuation kept. */
class TextTest {

    static Stream<Arguments> typed() {
        return Stream.of(
                Arguments.of("１２３ＡＢＣ", "123ABC", "full-width digits and letters fold to ASCII"),
                Arguments.of("救命！（急）已送医，情况稳定。", "救命！（急）已送医，情况稳定。",
                        "Chinese punctuation is kept as written"),
                Arguments.of("ＳＯＳ　１２０号", "SOS 120号", "full-width letters, digits and spaces fold"),
                Arguments.of("\u3000 老人摔倒 \u3000", "老人摔倒", "ideographic spaces around are trimmed"),
                Arguments.of("a\u0000b\u0007c\u001bd", "abcd", "C0 controls are removed"),
                Arguments.of("a\u0085b\u009fc", "abc", "C1 controls are removed"),
                Arguments.of("a\u200bb\u200ec\u202ed\ufeffe", "abcde", "zero-width and bidi format characters are removed"),
                Arguments.of("第一行\n第二行\t完", "第一行 第二行 完", "newlines and tabs become spaces"),
                Arguments.of("\r\n", "", "nothing but line breaks is nothing"),
                Arguments.of("😀 家里", "😀 家里", "emoji and Chinese are kept"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("typed")
    void clean_foldsAndStrips(String input, String expected, String why) {
        assertThat(Text.clean(input)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] shorten to {1}")
    @CsvSource(delimiter = '|', value = {"abcdef|4|abc…", "abcdef|6|abcdef", "abcdef|1|…", "a😀bc|3|a…"})
    void shorten_cutsWithAnEllipsis_neverInsideASurrogatePair(String input, int max, String expected) {
        String cut = Text.shorten(input, max);
        assertThat(cut).isEqualTo(expected);
        assertThat(cut.length()).isLessThanOrEqualTo(max);
        assertThat(cut.chars().filter(c -> Character.isHighSurrogate((char) c)).count())
                .isEqualTo(cut.chars().filter(c -> Character.isLowSurrogate((char) c)).count());
    }
}
