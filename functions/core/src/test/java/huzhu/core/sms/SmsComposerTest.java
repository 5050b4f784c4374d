package huzhu.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACT §5: every SMS fits two segments and carries the incident code and the ack link intact, whatever
 * people typed; DESIGN §3: every text lives in both bundles.
 */
class SmsComposerTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    /** Never shortened: what the reader acts on, or what the composer itself fills in. */
    private static final Set<String> INTACT = Set.of("sig", "code", "link", "phone", "reporterPhone", "type", "number",
            "minutes", "time", "max");
    /**
     * Sent only when they fit; otherwise their shorter forms go instead (the family introduction splits
     * into "sms.intro.noLink" and "sms.intro.link", each checked here; OnboardingServiceTest checks the choice).
     */
    private static final Set<String> TRIED_FIRST = Set.of("sms.intro");

    private static final String CODE = "K27";
    private static final String LONG_LINK = "https://emergency-mutual-aid.union-example.org.cn/v1/acks/AbCdEfGhIjKl-MnOpQrStUvWxYz0123";
    private static final String LONG_NAME = "欧阳".repeat(25);
    private static final String LONG_ADDRESS = "浙江省杭州市西湖区文三路一百号三幢二单元".repeat(10);
    private static final String LONG_MESSAGE = "老伴胸口疼，喘不上气，".repeat(50);
    private static final String LONG_ENGLISH_MESSAGE = "My husband has chest pain and cannot breathe. ".repeat(11);

    private static final SmsComposer COMPOSER = new SmsComposer(null);

    static Stream<Arguments> everySmsKeyInEveryLanguage() {
        List<Arguments> out = new ArrayList<>();
        for (String key : smsKeys()) {
            for (Language lang : Language.values()) out.add(Arguments.of(key, lang));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} in {1}")
    @MethodSource("everySmsKeyInEveryLanguage")
    void everySms_fitsTwoSegments_withWorstCaseInputs_andKeepsCodeAndLinkIntact(String key, Language lang) {
        if (TRIED_FIRST.contains(key)) return;
        for (Map<String, String> values : List.of(worstCase(LONG_MESSAGE, lang), worstCase(LONG_ENGLISH_MESSAGE, lang))) {
            // given
            Set<String> used = placeholders(Messages.text(lang, key));
            List<String> shrinkable = used.stream().filter(p -> !INTACT.contains(p)).toList();

            // when
            String text = COMPOSER.compose(lang, key, values, shrinkable);

            // then
            assertThat(SmsLength.segments(text)).as("%s (%s): %s", key, lang, text).isLessThanOrEqualTo(2);
            assertThat(text).doesNotContain("{");
            if (used.contains("code")) assertThat(text).contains(CODE);
            if (used.contains("link")) assertThat(text).contains(LONG_LINK);
            if (used.contains("phone")) assertThat(text).contains("+8613800138000");
            if (key.equals("sms.accepted.responder")) assertThat(text).contains("+8613900139000");
            assertThat(text).startsWith(COMPOSER.signature(lang));
        }
    }

    @ParameterizedTest(name = "[{index}] {0} in {1}")
    @MethodSource("everySmsKeyInEveryLanguage")
    void everySms_withOrdinaryInputs_isNotShortenedAtAll(String key, Language lang) {
        // given
        Map<String, String> values = lang == Language.ZH_CN
                ? new HashMap<>(Map.of("name", "李娜", "member", "王小明", "address", "文三路1号", "message", "摔倒了",
                        "reporter", "父亲王建国", "reason", "误报", "text", "在二楼"))
                : new HashMap<>(Map.of("name", "Li Na", "member", "Wang Xiaoming", "address", "1 Wensan Road",
                        "message", "he fell", "reporter", "his father", "reason", "false alarm", "text", "2nd floor"));
        values.put("code", CODE);
        values.put("link", "https://huzhu.example/v1/acks/abcdefghijkl");
        values.put("phone", "+8613800138000");
        values.put("reporterPhone", "+8613900139000");
        values.put("type", Messages.text(lang, "type.medical"));
        values.put("minutes", "10");
        values.put("time", "09:40");
        values.put("max", "20");

        // when
        String text = COMPOSER.compose(lang, key, values, List.of("address", "message", "reporter", "member",
                "name", "reason", "text"));

        // then
        assertThat(text).doesNotContain("…");
        assertThat(text).isEqualTo(Messages.text(lang, key, withSignature(values, lang)));
    }

    @Test
    void chineseTexts_startWithTheBundleSignature_byDefault() {
        // when
        String text = new SmsComposer(null).compose(Language.ZH_CN, "sms.standDown", Map.of("code", CODE), List.of());

        // then
        assertThat(text).startsWith("【互助】").contains(CODE);
    }

    @Test
    void chineseTexts_startWithTheConfiguredSignature_whenOneIsGiven() {
        // given
        SmsComposer composer = new SmsComposer("【某某工会】");

        // when
        String zh = composer.compose(Language.ZH_CN, "sms.standDown", Map.of("code", CODE), List.of());
        String en = composer.compose(Language.EN, "sms.standDown", Map.of("code", CODE), List.of());

        // then
        assertThat(zh).startsWith("【某某工会】").doesNotContain("【互助】");
        assertThat(en).startsWith("[Huzhu]");
    }

    @Test
    void aBlankConfiguredSignature_fallsBackToTheBundle() {
        assertThat(new SmsComposer("  ").signature(Language.ZH_CN)).isEqualTo("【互助】");
    }

    @Test
    void aLongChineseAlert_isShortenedInTheAddressFirst_andKeepsTheMessageWhenThatIsEnough() {
        // given
        Map<String, String> values = new HashMap<>(worstCase("胸口疼", Language.ZH_CN));
        values.put("link", "https://huzhu.example/v1/acks/abcdefghijkl");
        values.put("member", "王小明");
        values.put("reporter", "父亲");

        // when
        String text = COMPOSER.compose(Language.ZH_CN, "sms.alert", values,
                List.of("address", "message", "reporter", "member"));

        // then
        assertThat(SmsLength.segments(text)).isLessThanOrEqualTo(2);
        assertThat(text).contains("胸口疼", "王小明", "父亲", "浙江省杭州市", "…", CODE,
                "https://huzhu.example/v1/acks/abcdefghijkl");
    }

    @Test
    void anEnglishAlert_inPlainAscii_staysGsm7_whenShortened() {
        // given
        Map<String, String> values = new HashMap<>(worstCase(LONG_ENGLISH_MESSAGE, Language.EN));
        values.put("member", "Wang Xiaoming");
        values.put("address", "100 Wensan Road, Xihu District, Hangzhou");
        values.put("reporter", "his father Wang Jianguo +8613800138000");
        values.put("type", Messages.text(Language.EN, "type.medical"));
        values.put("link", "https://huzhu.example/v1/acks/abcdefghijkl");

        // when
        String text = COMPOSER.compose(Language.EN, "sms.alert", values,
                List.of("address", "message", "reporter", "member"));

        // then: a GSM-7 text has 306 characters in two segments, far more than UCS-2's 134
        assertThat(SmsLength.isGsm7(text)).as(text).isTrue();
        assertThat(SmsLength.segments(text)).isEqualTo(2);
        assertThat(text).doesNotContain("…");
        assertThat(text).contains("My husband has chest pain", "...", "Wang Xiaoming", CODE,
                "https://huzhu.example/v1/acks/abcdefghijkl");
    }

    @Test
    void anEnglishAlert_aboutAChineseNamedMember_dropsTheChinesePartsRatherThanOverflow() {
        // given: one Chinese character makes the text UCS-2, where the English template alone does not fit
        Map<String, String> values = new HashMap<>(worstCase("He fell", Language.EN));
        values.put("member", "王小明");
        values.put("address", "文三路1号");
        values.put("reporter", "父亲 +8613800138000");
        values.put("link", "https://huzhu.example/v1/acks/abcdefghijkl");

        // when
        String text = COMPOSER.compose(Language.EN, "sms.alert", values,
                List.of("address", "message", "reporter", "member"));

        // then
        assertThat(SmsLength.segments(text)).as(text).isLessThanOrEqualTo(2);
        assertThat(text).contains(CODE, "https://huzhu.example/v1/acks/abcdefghijkl");
    }

    @Test
    void controlCharactersAndFullWidthFormsInInputs_areCleanedBeforeRendering() {
        // when
        String text = COMPOSER.compose(Language.ZH_CN, "sms.relay",
                Map.of("code", CODE, "text", "  二楼\n右手边\u0007\u200b  "), List.of("text"));

        // then
        assertThat(text).isEqualTo("【互助】K27报告人补充：二楼 右手边");
    }

    @Test
    void placeholdersInPeoplesText_areNotFilledAgain() {
        // when
        String text = COMPOSER.compose(Language.EN, "sms.relay", Map.of("code", CODE, "text", "{code} {link}"),
                List.of("text"));

        // then
        assertThat(text).endsWith("reporter adds: {code} {link}");
    }

    // ---- the bundles

    @Test
    void everyChineseKey_existsInEnglish_andViceVersa() {
        // given
        Set<String> zh = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();

        // then
        assertThat(new TreeSet<>(en)).as("keys only in Chinese").containsAll(zh);
        assertThat(new TreeSet<>(zh)).as("keys only in English").containsAll(en);
    }

    @Test
    void bothBundles_useTheSamePlaceholdersForEachKey() {
        // given
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");

        // then
        for (String key : zh.stringPropertyNames()) {
            if (!en.containsKey(key)) continue;
            assertThat(placeholders(en.getProperty(key))).as(key)
                    .isEqualTo(placeholders(zh.getProperty(key)));
        }
    }

    @Test
    void everySmsText_startsWithTheSignature_inBothBundles() {
        for (String key : smsKeys()) {
            if (key.equals("sms.signature")) continue;
            for (Language lang : Language.values()) {
                assertThat(Messages.text(lang, key)).as("%s (%s)", key, lang).startsWith("{sig}");
            }
        }
    }

    @Test
    void theBundles_holdTheContractsSignatureAndThe120Reminder() {
        assertThat(Messages.text(Language.ZH_CN, "sms.signature")).isEqualTo("【互助】");
        for (Language lang : Language.values()) {
            assertThat(Messages.text(lang, "sms.receipt")).contains("{code}", "120");
            assertThat(Messages.text(lang, "sms.receipt.unverified")).contains("{code}", "120");
            assertThat(Messages.text(lang, "reply.trigger")).contains("{code}", "120");
            assertThat(Messages.text(lang, "sms.alert")).contains("{code}", "{link}");
            assertThat(Messages.text(lang, "sms.alert.unverified")).contains("{code}", "{link}");
        }
    }

    // ---- helpers

    private static Map<String, String> worstCase(String message, Language lang) {
        Map<String, String> v = new HashMap<>();
        v.put("code", CODE);
        v.put("link", LONG_LINK);
        v.put("name", LONG_NAME);
        v.put("member", LONG_NAME);
        v.put("contact", LONG_NAME);
        v.put("title", "夏季安全提醒".repeat(10));
        v.put("number", "+8613800138000");
        v.put("address", LONG_ADDRESS);
        v.put("message", message);
        v.put("text", message);
        v.put("reason", LONG_ADDRESS);
        v.put("reporter", "父亲" + LONG_NAME + " +8613700137000");
        v.put("phone", "+8613800138000");
        v.put("reporterPhone", "+8613900139000");
        v.put("type", Messages.text(lang, "type.medical"));
        v.put("minutes", "180");
        v.put("time", "23:59");
        v.put("max", "1000");
        return v;
    }

    private static Map<String, Object> withSignature(Map<String, String> values, Language lang) {
        Map<String, Object> m = new HashMap<>(values);
        m.put("sig", COMPOSER.signature(lang));
        return m;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static Set<String> smsKeys() {
        Set<String> keys = new TreeSet<>();
        for (String name : List.of("messages_zh_CN.properties", "messages_en.properties")) {
            for (String k : load(name).stringPropertyNames()) {
                if (k.startsWith("sms.")) keys.add(k);
            }
        }
        return keys;
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = SmsComposerTest.class.getResourceAsStream("/huzhu/core/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }
}
