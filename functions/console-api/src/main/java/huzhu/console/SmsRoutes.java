package huzhu.console;

import static huzhu.console.Routes.ADMIN;

import huzhu.core.ServiceConfig;
import huzhu.core.error.Invalid;
import huzhu.core.sms.RegistrationSheet;
import huzhu.core.sms.SmsProvider;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Router;
import java.util.List;
import java.util.Locale;

/**
 * The SMS template registration sheet for admins: {@code GET /v1/sms/templates?provider=aliyun|tencent|sns
 * &format=json|md|csv&signName=…}, generated from the catalogue, the same as the local jar's {@code sms-templates}.
 * Registered by {@link ConsoleApiHandler} with one call.
 */
final class SmsRoutes {

    private SmsRoutes() {
    }

    /** The sheet as JSON: the provider and one item per template and language. */
    public record SheetView(String provider, List<RegistrationSheet.Row> items) {
    }

    static void register(Router.Builder r, ServiceConfig config) {
        r.get("/v1/sms/templates", req -> {
            req.requireAny(ADMIN);
            SmsProvider provider = provider(req);
            RegistrationSheet sheet = RegistrationSheet.of(provider, signName(req, config));
            String format = req.query("format").orElse("json").toLowerCase(Locale.ROOT);
            return switch (format) {
                case "json" -> ApiResponse.json(200, new SheetView(provider.wire(), sheet.rows()));
                case "md", "markdown" -> ApiResponse.of(200, "text/markdown; charset=utf-8", sheet.markdown());
                case "csv" -> ApiResponse.of(200, "text/csv; charset=utf-8", "\uFEFF" + sheet.csv())
                        .withHeader("Content-Disposition", "attachment; filename=\"sms-templates-" + provider.wire()
                                + ".csv\"");
                default -> throw Invalid.of("format", "invalid.choice");
            };
        });
    }

    private static SmsProvider provider(ApiRequest req) {
        String raw = req.query("provider").orElse(SmsProvider.ALIYUN.wire());
        SmsProvider p = SmsProvider.of(raw);
        if (p == null) throw Invalid.of("provider", "invalid.choice");
        return p;
    }

    /** The union's signature: asked for, else the configured SMS signature without its brackets. */
    private static String signName(ApiRequest req, ServiceConfig config) {
        String asked = req.query("signName").map(String::strip).orElse("");
        if (!asked.isEmpty()) {
            if (asked.length() > SmsProvider.MAX_SIGN_NAME || asked.length() < 2) throw Invalid.of("signName", "invalid.range");
            return asked;
        }
        String configured = config.smsSignature() == null ? "" : config.smsSignature().replace("【", "").replace("】", "")
                .strip();
        return configured.length() >= 2 ? configured : "互助";
    }
}
