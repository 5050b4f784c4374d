package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void parse_readsObjectsArraysNumbersAndChineseText_inOrder() {
        // when
        Map<String, Object> object = JsonText.object(JsonText.parse(
                " {\"content\":\"接，马上到\",\"sequence_id\":1234567890,\"ok\":true,\"none\":null,\"list\":[1,\"二\"]} "));

        // then
        assertThat(object).containsExactly(Map.entry("content", "接，马上到"),
                Map.entry("sequence_id", new BigDecimal("1234567890")), Map.entry("ok", true),
                new java.util.AbstractMap.SimpleEntry<>("none", null), Map.entry("list", List.of(new BigDecimal("1"), "二")));
        assertThat(JsonText.text(object, "sequence_id")).isEqualTo("1234567890");
    }

    @Test
    void parse_decodesEscapes_includingSurrogatePairsOfAnEmoji() {
        // when
        Object value = JsonText.parse("\"\\u6536\\u5230 \\ud83d\\ude91 \\\"1\\\"\\n\"");

        // then
        assertThat(value).isEqualTo("收到 🚑 \"1\"\n");
    }

    @Test
    void text_printsNumbersPlainly_evenInExponentForm() {
        assertThat(JsonText.text(JsonText.object(JsonText.parse("{\"n\":1.23456789E9}")), "n")).isEqualTo("1234567890");
    }

    @Test
    void parse_refusesWhatIsNotOneJsonValue() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "\"open", "{\"a\":1} x", "tru", "{\"a\":\"\u0001\"}",
                "\"\\x\"", "[".repeat(100) + "]".repeat(100))) {
            assertThatThrownBy(() -> JsonText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void parse_refusesNumbersAndEscapesJsonDoesNotAllow() {
        for (String text : List.of("01", "-01", "1.", ".5", "+1", "1e", "1e+", "-", "1.5.2", "0x10", "1-2",
                "\"\\u+1a2\"", "\"\\u 12a\"")) {
            assertThatThrownBy(() -> JsonText.parse(text)).as(text).isInstanceOf(JsonText.Malformed.class);
        }
        assertThat(JsonText.parse("[0,-0.5,1e5,1E-2,-12.50e+3]")).isEqualTo(List.of(new BigDecimal("0"),
                new BigDecimal("-0.5"), new BigDecimal("1e5"), new BigDecimal("1E-2"), new BigDecimal("-12.50e+3")));
    }

    @Test
    void parseUniqueKeys_refusesAnObjectNamingAKeyTwice_whereParseKeepsTheLast() {
        String text = "{\"a\":{\"b\":1,\"b\":2}}";
        assertThat(JsonText.parse(text)).isEqualTo(Map.of("a", Map.of("b", new BigDecimal("2"))));
        assertThatThrownBy(() -> JsonText.parseUniqueKeys(text)).isInstanceOf(JsonText.Malformed.class);
        assertThat(JsonText.parseUniqueKeys("{\"a\":{\"b\":1},\"b\":2}")).isNotNull();
    }

    @Test
    void write_escapesQuotesAndControls_andKeepsChineseAndEmojiAsThemselves() {
        // given
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "张\"师傅\"\\");
        value.put("note", "第一行\n🚑\u0001");
        value.put("set", List.of("K7", 3));

        // when
        String json = JsonText.write(value);

        // then
        assertThat(json).isEqualTo("{\"name\":\"张\\\"师傅\\\"\\\\\",\"note\":\"第一行\\n🚑\\u0001\",\"set\":[\"K7\",3]}");
        assertThat(JsonText.parse(json)).isEqualTo(Map.of("name", "张\"师傅\"\\", "note", "第一行\n🚑\u0001",
                "set", List.of("K7", new BigDecimal("3"))));
    }

    @Test
    void write_escapesEveryControlCharacter_asJacksonDoes_shortFormsFirst_thenUpperCaseHex() {
        // given: U+0000 to U+001F, then DEL, U+2028 and a slash, which JSON lets stand
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) controls.append(c);
        controls.append("\u007f\u2028/");

        // when
        String json = JsonText.write(controls.toString());

        // then
        assertThat(json).isEqualTo("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B"
                + "\\f\\r\\u000E\\u000F\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019"
                + "\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F\u007f\u2028/\"");
        assertThat(JsonText.parse(json)).isEqualTo(controls.toString());
    }

    @Test
    void write_asciiOnly_stillEscapesChineseInLowerCaseHex() {
        // when
        StringBuilder out = new StringBuilder();
        JsonText.write(out, "路北\u000b", v -> v, true);

        // then
        assertThat(out).hasToString("\"\\u8def\\u5317\\u000B\"");
    }
}
