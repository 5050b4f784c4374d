package huzhu.local;

import huzhu.core.sms.RegistrationSheet;
import huzhu.core.sms.SmsProvider;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code java -jar huzhu-local.jar sms-templates [--provider aliyun|tencent|sns] [--format md|csv] [--sign 签名]}:
 * prints the registration sheet of the SMS template catalogue, the same as {@code GET /v1/sms/templates}. The
 * signature defaults to the provider's {@code HUZHU_ALIYUN_SIGN_NAME} / {@code HUZHU_TENCENT_SIGN_NAME}.
 */
final class SmsTemplatesCommand {
    static final String NAME = "sms-templates";
    private static final String USAGE = "usage: sms-templates [--provider aliyun|tencent|sns] [--format md|csv] [--sign NAME]";

    private SmsTemplatesCommand() {
    }

    /** @return the exit status: 0 printed, 2 bad arguments */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        SmsProvider provider = SmsProvider.ALIYUN;
        String format = "md";
        String sign = null;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--provider" -> provider = SmsProvider.of(value);
                case "--format" -> format = value;
                case "--sign" -> sign = value;
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            i++;
            if (provider == null || value == null || !(format.equals("md") || format.equals("csv"))) {
                err.println(USAGE);
                return 2;
            }
        }
        if (sign == null || sign.isBlank()) sign = env.get("HUZHU_" + provider.wire().toUpperCase() + "_SIGN_NAME");
        if (sign == null || sign.isBlank()) sign = "互助";
        if (sign.strip().length() > SmsProvider.MAX_SIGN_NAME) {
            err.println("the signature has at most " + SmsProvider.MAX_SIGN_NAME + " characters");
            return 2;
        }
        RegistrationSheet sheet = RegistrationSheet.of(provider, sign.strip());
        out.print(format.equals("csv") ? sheet.csv() : sheet.markdown());
        out.flush();
        return 0;
    }
}
