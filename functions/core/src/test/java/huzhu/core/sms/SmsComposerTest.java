package huzhu.core.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a catalogue template becomes the SMS people read: bounded values, cut on character boundaries, in order. */
class SmsComposerTest {
    private static final String CODE = "K27";
    private static final String LINK = "https://huzhu.example/v1/acks/abcdefghijkl";
    private static final SmsComposer COMPOSER = new SmsComposer(null);

    @Test
    void chineseTexts_startWithTheBundleSignature_byDefault() {
        // when
        String text = COMPOSER.render(Language.ZH_CN, "standDown", Map.of("code", CODE)).text();

        // then
        assertThat(text).startsWith("【互助】").contains(CODE);
    }

    @Test
    void chineseTexts_startWithTheConfiguredSignature_whenOneIsGiven() {
        // given
        SmsComposer composer = new SmsComposer("【某某工会】");

        // when
        String zh = composer.render(Language.ZH_CN, "standDown", Map.of("code", CODE)).text();
        String en = composer.render(Language.EN, "standDown", Map.of("code", CODE)).text();

        // then
        assertThat(zh).startsWith("【某某工会】").doesNotContain("【互助】");
        assertThat(en).startsWith("[Huzhu]");
    }

    @Test
    void aBlankConfiguredSignature_fallsBackToTheBundle() {
        assertThat(new SmsComposer("  ").signature(Language.ZH_CN)).isEqualTo("【互助】");
    }

    @Test
    void ordinaryValues_areNotShortenedAtAll_andTheTextIsTheBundlesWithThem() {
        // given
        Map<String, Object> values = alert("王小明", "文三路1号", "摔倒了", "父亲王建国");

        // when
        RenderedSms sms = COMPOSER.render(Language.ZH_CN, "alert", values);

        // then
        assertThat(sms.shortened()).isFalse();
        assertThat(sms.text()).isEqualTo("【互助】紧急求助K27：王小明家（文三路1号）突发疾病：摔倒了。父亲王建国报告。回复1接单，0无法前往。" + LINK);
        assertThat(sms.templateName()).isEqualTo("alert");
        assertThat(sms.variables()).containsExactly(Map.entry("code", CODE), Map.entry("member", "王小明"),
                Map.entry("address", "文三路1号"), Map.entry("type", "突发疾病"), Map.entry("message", "摔倒了"),
                Map.entry("reporter", "父亲王建国"), Map.entry("link", LINK));
    }

    @Test
    void theVariables_areInTheOrderOfTheReadersLanguage() {
        // when
        RenderedSms en = COMPOSER.render(Language.EN, "alert", english(alert("Wang", "1 Road", "fell", "father")));

        // then: the English text names the kind of emergency before the member
        assertThat(en.variables().keySet()).containsExactly("code", "type", "member", "address", "message", "reporter",
                "link");
    }

    @Test
    void aValue_isCutToItsVariablesMaximum_endingInAnEllipsis() {
        // when
        RenderedSms sms = relay(Language.ZH_CN, "二".repeat(80));

        // then
        assertThat(sms.variables().get("text")).isEqualTo("二".repeat(34) + "…");
        assertThat(sms.shortened()).isTrue();
    }

    @Test
    void cutting_neverSplitsAnEmojiOrALetterFromItsAccent() {
        // given: 34 characters, then an emoji (two UTF-16 units) and an e with a combining acute accent
        String text = "二".repeat(33) + "😀" + "e\u0301" + "二".repeat(10);

        // when
        String cut = relay(Language.ZH_CN, text).variables().get("text");

        // then
        assertThat(cut).isEqualTo("二".repeat(33) + "😀…");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(35);
    }

    @Test
    void aLongChineseAlert_isShortenedInTheAddressFirst_andKeepsTheMessageWhenThatIsEnough() {
        // given
        Map<String, Object> values = alert("王小明", "浙江省杭州市西湖区文三路一百号三幢二单元".repeat(10), "胸口疼", "父亲");

        // when
        String text = COMPOSER.render(Language.ZH_CN, "alert", values).text();

        // then
        assertThat(SmsLength.segments(text)).isLessThanOrEqualTo(2);
        assertThat(text).contains("胸口疼", "王小明", "父亲", "浙江省杭州市", "…", CODE, LINK);
    }

    @Test
    void anEnglishAlert_inPlainAscii_staysGsm7_whenShortened() {
        // given
        Map<String, Object> values = english(alert("Wang Xiaoming", "100 Wensan Road, Xihu District, Hangzhou",
                "My husband has chest pain and cannot breathe. ".repeat(11), "his father Wang Jianguo"));

        // when
        String text = COMPOSER.render(Language.EN, "alert", values).text();

        // then: a GSM-7 text has 306 characters in two segments, far more than UCS-2's 134
        assertThat(SmsLength.isGsm7(text)).as(text).isTrue();
        assertThat(SmsLength.segments(text)).isLessThanOrEqualTo(2);
        assertThat(text).doesNotContain("…").contains("My husband has chest pain", "...", "Wang Xiaoming", CODE, LINK);
    }

    @Test
    void anEnglishAlert_aboutAChineseNamedMember_givesWayRatherThanOverflow() {
        // given: one Chinese character makes the text UCS-2, where the English template alone hardly fits
        Map<String, Object> values = english(alert("王小明", "文三路1号", "He fell", "父亲 +8613800138000"));

        // when
        String text = COMPOSER.render(Language.EN, "alert", values).text();

        // then
        assertThat(SmsLength.segments(text)).as(text).isLessThanOrEqualTo(2);
        assertThat(text).contains(CODE, LINK);
    }

    @Test
    void controlCharactersAndFullWidthFormsInInputs_areCleanedBeforeRendering() {
        // when
        String text = relay(Language.ZH_CN, "  二楼\n右手边\u0007\u200b  ").text();

        // then
        assertThat(text).isEqualTo("【互助】K27报告人补充：二楼 右手边");
    }

    @Test
    void placeholdersInPeoplesText_areNotFilledAgain() {
        // when
        String text = relay(Language.EN, "{code} {link}").text();

        // then
        assertThat(text).endsWith("reporter adds: {code} {link}");
    }

    @Test
    void linksInWhatPeopleTyped_areTakenOut() {
        // when: no provider takes a link in a variable, and a relayed link is how phishing travels
        String text = relay(Language.ZH_CN, "快看 http://evil.example/x 还有www.bad.cn和 pay.example.com/a 在二楼").text();

        // then
        assertThat(text).endsWith("报告人补充：快看 还有 和 在二楼").doesNotContain("http", "www", ".com", ".cn");
    }

    @Test
    void signatureBrackets_inPeoplesText_cannotPassForASignature() {
        // when
        String text = relay(Language.ZH_CN, "【银行】请转账").text();

        // then
        assertThat(text).isEqualTo("【互助】K27报告人补充：(银行)请转账");
    }

    @Test
    void anEmptyText_becomesTheBundlesNone_soNoProviderGetsAnEmptyVariable() {
        // when
        RenderedSms zh = COMPOSER.render(Language.ZH_CN, "cancelled", Map.of("code", CODE, "reason", " "));
        RenderedSms en = COMPOSER.render(Language.EN, "cancelled", new HashMap<>(Map.of("code", CODE)));

        // then
        assertThat(zh.variables().get("reason")).isEqualTo(Messages.text(Language.ZH_CN, SmsComposer.NONE_KEY));
        assertThat(en.text()).contains("(none)");
    }

    @Test
    void aMissingCode_isRefused_ratherThanSentWrong() {
        assertThatThrownBy(() -> COMPOSER.render(Language.ZH_CN, "standDown", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code");
    }

    @Test
    void aTemplateTheCatalogueDoesNotHold_isRefused() {
        assertThatThrownBy(() -> COMPOSER.render(Language.ZH_CN, "hello", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalogue");
    }

    // ---- the domestic providers' forms

    @Test
    void forADomesticProvider_theAlertGoesWithoutItsLink_withTheSameWords_andItsSignature() {
        // given
        RenderedSms sns = COMPOSER.render(Language.ZH_CN, "alert", alert("王小明", "文三路1号", "摔倒了", "父亲王建国"));

        // when
        RenderedSms aliyun = SmsComposer.forProvider(SmsProvider.ALIYUN, "唐山市总工会").adapt(sns).orElseThrow();

        // then
        assertThat(aliyun.templateName()).isEqualTo("alert.noLink");
        assertThat(aliyun.provider()).isEqualTo(SmsProvider.ALIYUN);
        assertThat(aliyun.variables()).doesNotContainKey("link").containsEntry("message", "摔倒了");
        assertThat(aliyun.text()).isEqualTo("【唐山市总工会】紧急求助K27：王小明家（文三路1号）突发疾病：摔倒了。父亲王建国报告。回复1接单，0无法前往。");
    }

    @Test
    void forADomesticProvider_aMainlandNumber_goesInItsNationalForm() {
        // given
        RenderedSms sns = COMPOSER.render(Language.ZH_CN, "accepted.family",
                Map.of("code", CODE, "name", "李娜", "phone", "+8613800138000"));

        // when
        RenderedSms tencent = SmsComposer.forProvider(SmsProvider.TENCENT, "互助").adapt(sns).orElseThrow();

        // then
        assertThat(sns.variables().get("phone")).isEqualTo("+8613800138000");
        assertThat(tencent.variables().get("phone")).isEqualTo("13800138000");
    }

    @Test
    void forTencent_aFreeTextIsCutToTwelveCharacters() {
        // given
        RenderedSms sns = relay(Language.ZH_CN, "老人在二楼卧室，门没锁，请直接进来");

        // when
        RenderedSms tencent = SmsComposer.forProvider(SmsProvider.TENCENT, "互助").adapt(sns).orElseThrow();

        // then
        assertThat(sns.variables().get("text")).isEqualTo("老人在二楼卧室，门没锁，请直接进来");
        assertThat(tencent.variables().get("text")).isEqualTo("老人在二楼卧室，门没锁…");
    }

    @Test
    void theLinkOnlyIntroduction_hasNoDomesticForm() {
        // given
        RenderedSms sns = COMPOSER.render(Language.ZH_CN, "intro.link", Map.of("member", "王建国", "link", LINK));

        // then
        assertThat(SmsComposer.forProvider(SmsProvider.ALIYUN, "互助").adapt(sns)).isEmpty();
    }

    @Test
    void aDomesticComposer_refusesToRenderALinkTemplateItself() {
        assertThatThrownBy(() -> SmsComposer.forProvider(SmsProvider.ALIYUN, "互助").render(Language.ZH_CN, "intro.link",
                Map.of("member", "王建国", "link", LINK))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> english(Map<String, Object> values) {
        values.put("type", Messages.text(Language.EN, "type.medical"));
        return values;
    }

    private static Map<String, Object> alert(String member, String address, String message, String reporter) {
        Map<String, Object> v = new HashMap<>();
        v.put("code", CODE);
        v.put("link", LINK);
        v.put("member", member);
        v.put("address", address);
        v.put("message", message);
        v.put("reporter", reporter);
        v.put("type", "突发疾病");
        return v;
    }

    /** What the reporter typed, relayed in {@code language} to whoever is coming to incident {@code CODE}. */
    private static RenderedSms relay(Language language, String typed) {
        return COMPOSER.render(language, "relay", Map.of("code", CODE, "text", typed));
    }
}
