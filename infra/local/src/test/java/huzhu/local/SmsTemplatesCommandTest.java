package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code huzhu-local.jar sms-templates}: the registration sheet from the catalogue, on the command line. */
class SmsTemplatesCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void byDefault_printsTheAlibabaSheetInMarkdown_signedWithTheConfiguredSignName() {
        // when
        int status = run(Map.of("HUZHU_ALIYUN_SIGN_NAME", "唐山市总工会"), "sms-templates");

        // then
        assertThat(status).isZero();
        assertThat(text(out)).startsWith("# 短信模板报备表 / SMS template registration sheet — aliyun")
                .contains("| alert.noLink | zh-CN |", "${code}", "【唐山市总工会】");
    }

    @Test
    void tencentInCsv_numbersTheVariables() {
        // when
        int status = run(Map.of(), "sms-templates", "--provider", "tencent", "--format", "csv", "--sign", "互助");

        // then
        assertThat(status).isZero();
        assertThat(text(out)).startsWith("provider,template,language").contains("tencent,receipt,zh-CN,", "{1}");
    }

    @Test
    void anUnknownProviderOrOption_printsTheUsage_andExitsWith2() {
        assertThat(run(Map.of(), "sms-templates", "--provider", "twilio")).isEqualTo(2);
        assertThat(run(Map.of(), "sms-templates", "--colour")).isEqualTo(2);
        assertThat(text(err)).contains("usage: sms-templates");
        assertThat(text(out)).isEmpty();
    }

    private int run(Map<String, String> env, String... args) {
        return SmsTemplatesCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }
}
