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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue against the contract (every SMS within two segments, the code and the links whole) and against
 * the providers' template rules (Alibaba Cloud's and Tencent Cloud's, see {@link SmsProvider}), for every template
 * in both languages with every variable at its maximum length.
 */
class SmsCatalogueTest {
    /** Tried first and replaced by two SMS when too long (OnboardingServiceTest checks the choice). */
    private static final Set<String> TRIED_FIRST = Set.of("intro", "intro.replyHere");
    /** A signature of the most characters the providers allow: 12 between the brackets. */
    private static final String LONGEST_SIGN_NAME = "唐山市路北区总工会互助会";
    private static final Pattern ADJACENT = Pattern.compile("}\\s*\\{");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*}");

    static Stream<Arguments> everyTemplateForEveryProviderInEveryLanguage() {
        List<Arguments> out = new ArrayList<>();
        for (SmsTemplate t : SmsCatalogue.all()) {
            for (SmsProvider p : SmsProvider.values()) {
                if (SmsCatalogue.forProvider(t, p).filter(x -> x == t).isEmpty()) continue;
                for (Language lang : Language.values()) out.add(Arguments.of(t.name(), p, lang));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} via {1} in {2}")
    @MethodSource("everyTemplateForEveryProviderInEveryLanguage")
    void everyTemplate_withEveryVariableAtItsMaximum_fitsTwoSegments_andKeepsCodesPhonesAndLinksWhole(String name,
            SmsProvider provider, Language lang) {
        if (TRIED_FIRST.contains(name)) return;
        SmsTemplate template = SmsCatalogue.get(name);
        SmsComposer composer = provider == SmsProvider.SNS ? new SmsComposer(null)
                : SmsComposer.forProvider(provider, LONGEST_SIGN_NAME);
        for (boolean emoji : List.of(false, true)) {
            // given
            Map<String, Object> values = longest(template, lang, emoji);

            // when
            RenderedSms sms = composer.render(lang, name, values);

            // then
            assertThat(SmsLength.segments(sms.text())).as("%s: %s", name, sms.text())
                    .isLessThanOrEqualTo(SmsComposer.MAX_SEGMENTS);
            assertThat(sms.text()).startsWith(composer.signature(lang)).doesNotContain("{");
            assertThat(SmsCatalogue.problems(sms)).isEmpty();
            for (SmsVariable v : template.variables()) {
                String value = sms.variables().get(v.name());
                assertThat(value).as(v.name()).isNotEmpty();
                assertThat(value.codePointCount(0, value.length())).as(v.name())
                        .isLessThanOrEqualTo(v.maxLength(provider));
                if (!v.type().cuttable()) assertThat(value).isEqualTo(SmsValues.prepare(v.type(), values.get(v.name()), provider));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SmsProvider.class, names = {"ALIYUN", "TENCENT"})
    void everyTemplateADomesticProviderSends_keepsItsTemplateRules(SmsProvider provider) {
        for (SmsTemplate t : sendable(provider)) {
            assertThat(t.hasLink()).as("%s carries a link in a variable", t.name()).isFalse();
            assertThat(t.variables().stream().filter(v -> v.type() == VariableType.PHONE)).as(t.name()).hasSizeLessThanOrEqualTo(2);
            for (SmsVariable v : t.variables()) {
                assertThat(v.maxLength(provider)).as("%s.%s", t.name(), v.name())
                        .isBetween(1, provider.maxVariableLength());
                assertThat(SmsProvider.RESERVED_VARIABLE_NAMES).as(t.name()).doesNotContain(v.name().toLowerCase());
                if (!v.type().cuttable()) {
                    assertThat(v.maxLength(provider)).as("%s.%s cannot be cut, so it must fit whole", t.name(), v.name())
                            .isEqualTo(v.type() == VariableType.PHONE ? SmsVariable.NATIONAL_MOBILE : v.maxLength());
                }
            }
            for (Language lang : Language.values()) {
                String text = t.registeredText(lang);
                String fixed = PLACEHOLDER.matcher(text).replaceAll("");
                assertThat(fixed.strip()).as("%s (%s) is only variables", t.name(), lang).isNotEmpty();
                assertThat(ADJACENT.matcher(text).find()).as("%s (%s) has adjacent variables: %s", t.name(), lang, text)
                        .isFalse();
                List<String> used = SmsTemplate.placeholders(text);
                assertThat(used).as("%s (%s) uses a variable twice", t.name(), lang).doesNotHaveDuplicates();
                for (char c : SmsProvider.FORBIDDEN_IN_TEMPLATES.toCharArray()) {
                    assertThat(text).as("%s (%s)", t.name(), lang).doesNotContain(String.valueOf(c));
                }
                assertThat(text).as(t.name()).doesNotStartWith("[").doesNotEndWith("]");
                int longest = fixed.codePointCount(0, fixed.length()) + LONGEST_SIGN_NAME.length() + 2
                        + t.variables().stream().mapToInt(v -> v.maxLength(provider)).sum();
                assertThat(longest).as(t.name()).isLessThanOrEqualTo(SmsProvider.MAX_TEMPLATE_LENGTH);
            }
        }
    }

    @Test
    void everyTemplateWithALink_hasALinkFreeForm_exceptTheLinkOnlyIntroduction() {
        for (SmsTemplate t : SmsCatalogue.all()) {
            if (!t.hasLink()) {
                assertThat(t.withoutLinks()).as(t.name()).isNull();
                continue;
            }
            if (t.name().equals("intro.link")) continue; // its link is the whole point; the introduction says the rest
            SmsTemplate free = SmsCatalogue.get(t.withoutLinks());
            assertThat(free.hasLink()).as(free.name()).isFalse();
            Set<String> without = t.variables().stream().filter(v -> !v.type().link()).map(SmsVariable::name)
                    .collect(Collectors.toSet());
            assertThat(free.variables().stream().map(SmsVariable::name).collect(Collectors.toSet()))
                    .as("%s keeps the words of %s", free.name(), t.name()).isEqualTo(without);
        }
    }

    @Test
    void anAlertWithoutItsLink_stillTellsHowToAnswerBySms() {
        for (Language lang : Language.values()) {
            for (String name : List.of("alert.noLink", "alert.unverified.noLink")) {
                assertThat(SmsCatalogue.get(name).registeredText(lang)).as(name).contains("1", "0", "{code}");
            }
        }
    }

    @Test
    void everyTemplate_declaresExactlyThePlaceholdersOfBothItsTexts_andStartsWithTheSignature() {
        for (SmsTemplate t : SmsCatalogue.all()) {
            Set<String> declared = t.variables().stream().map(SmsVariable::name).collect(Collectors.toSet());
            for (Language lang : Language.values()) {
                assertThat(Messages.has(lang, t.key())).as("%s has no %s text", t.key(), lang).isTrue();
                assertThat(t.pattern(lang)).as(t.key()).startsWith("{sig}");
                assertThat(new TreeSet<>(t.order(lang))).as("%s (%s)", t.key(), lang).isEqualTo(new TreeSet<>(declared));
            }
        }
    }

    @Test
    void everySmsTextOfTheBundles_isACatalogueTemplate() {
        // a message added to the bundles but not declared would be sent from nowhere: declare it in SmsCatalogue
        for (String key : smsKeys()) {
            if (key.equals("sms.signature") || key.startsWith("sms.value.")) continue;
            assertThat(SmsCatalogue.find(key.substring("sms.".length()))).as("%s is not in SmsCatalogue", key).isPresent();
        }
    }

    @Test
    void theRegisteredTexts_leaveTheSignatureToTheProvider() {
        for (SmsTemplate t : SmsCatalogue.all()) {
            for (Language lang : Language.values()) assertThat(t.registeredText(lang)).doesNotContain("{sig}");
        }
    }

    // ---- the bundles the templates live in

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
            assertThat(new TreeSet<>(SmsTemplate.placeholders(en.getProperty(key)))).as(key)
                    .isEqualTo(new TreeSet<>(SmsTemplate.placeholders(zh.getProperty(key))));
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

    /** The longest values: every cuttable one over its maximum (Chinese, or emoji), the others at theirs. */
    private static Map<String, Object> longest(SmsTemplate t, Language lang, boolean emoji) {
        Map<String, Object> v = new HashMap<>();
        for (SmsVariable var : t.variables()) {
            v.put(var.name(), switch (var.type()) {
                case CODE -> "K27X9Z".substring(0, Math.min(6, var.maxLength()));
                case PHONE -> "+8613800138000";
                case MINUTES, AMOUNT -> "9".repeat(var.maxLength());
                case TIME -> "23:59";
                case LINK -> "https://huzhu.example/v1/acks/" + "A".repeat(var.maxLength() - 30);
                default -> (emoji ? "😀" : lang == Language.EN ? "W" : "欧").repeat(var.maxLength() + 5);
            });
        }
        return v;
    }

    private static List<SmsTemplate> sendable(SmsProvider provider) {
        Set<SmsTemplate> out = new LinkedHashSet<>();
        for (SmsTemplate t : SmsCatalogue.all()) SmsCatalogue.forProvider(t, provider).ifPresent(out::add);
        return new ArrayList<>(out);
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
        try (InputStream in = SmsCatalogueTest.class.getResourceAsStream("/huzhu/core/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }
}
