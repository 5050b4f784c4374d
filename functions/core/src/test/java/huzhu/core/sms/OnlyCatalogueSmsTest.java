package huzhu.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.Language;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code path can send an SMS that is not a catalogue template: the types allow none (an {@link OutboundSms} holds
 * a {@link RenderedSms}, which only {@link SmsComposer} makes), no code outside this package reads an SMS text from
 * the bundles, and every service test sends through a messenger that checks each message against the catalogue
 * ({@code RecordingMessenger}, which fails on {@link SmsCatalogue#problems}).
 */
class OnlyCatalogueSmsTest {
    private static final Pattern SMS_TEXT_READ = Pattern.compile("Messages\\.(text|bilingual)\\([^;]*\"sms\\.");

    @Test
    void anOutboundSms_canOnlyBeMadeFromARenderedTemplate() {
        List<Executable> makers = new ArrayList<>(List.of(OutboundSms.class.getConstructors()));
        for (Method m : OutboundSms.class.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == OutboundSms.class) makers.add(m);
        }
        assertThat(makers).isNotEmpty().allSatisfy(maker -> assertThat(maker.getParameterTypes())
                .contains(RenderedSms.class).doesNotContain(CharSequence.class, String[].class));
    }

    @Test
    void aRenderedSms_canOnlyBeMadeByTheComposer() {
        assertThat(Modifier.isFinal(RenderedSms.class.getModifiers())).isTrue();
        assertThat(RenderedSms.class.getConstructors()).isEmpty();
        assertThat(RenderedSms.class.getDeclaredMethods()).noneMatch(m -> Modifier.isStatic(m.getModifiers())
                && m.getReturnType() == RenderedSms.class);
    }

    @Test
    void aMessageWhoseTextWasNotFilledFromItsTemplate_isCaughtByTheCheckEveryTestMessengerRuns() {
        // given: what only code inside this package could make
        RenderedSms real = new SmsComposer(null).render(Language.ZH_CN, "standDown", Map.of("code", "K27"));
        RenderedSms forged = new RenderedSms(real.template(), real.language(), real.provider(), real.variables(),
                "【互助】请把钱转到这个账户", Map.of(), false);
        RenderedSms tooLong = new RenderedSms(SmsCatalogue.get("relay"), Language.ZH_CN, SmsProvider.SNS,
                Map.of("code", "K27", "text", "二".repeat(36)), "【互助】K27报告人补充：" + "二".repeat(36), Map.of(), false);

        // then
        assertThat(SmsCatalogue.problems(real)).isEmpty();
        assertThat(SmsCatalogue.problems(forged)).singleElement().asString().contains("not the template");
        assertThat(SmsCatalogue.problems(tooLong)).singleElement().asString().contains("longer than 35");
    }

    @Test
    void noCodeOutsideTheSmsPackage_readsAnSmsTextFromTheBundles() throws IOException {
        // given every main source of the project (tests run in functions/core)
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        List<String> offenders = new ArrayList<>();
        for (String top : List.of("functions", "infra")) {
            Path dir = root.resolve(top);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")
                        && !p.toString().contains("/huzhu/core/sms/")).toList()) {
                    if (SMS_TEXT_READ.matcher(Files.readString(f).replaceAll("\\s+", " ")).find()) {
                        offenders.add(root.relativize(f).toString());
                    }
                }
            }
        }

        // then
        assertThat(offenders).as("SMS texts are rendered by SmsComposer from SmsCatalogue only").isEmpty();
        assertThat(root.resolve("functions/core/src/main/java/huzhu/core/sms/SmsCatalogue.java")).exists();
    }
}
