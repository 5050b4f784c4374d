package huzhu.console;

import huzhu.core.error.NotFound;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Html;
import huzhu.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console page and its files, read from the jar once. Only the files named here are served, whatever path is
 * asked for. The page's scripts are native ES modules (served as JavaScript, which module scripts require): the
 * page loads app.js, which imports the rest by relative paths, and names every module up front
 * ({@code <link rel="modulepreload">}) so the browser fetches them at once rather than one import level at a time.
 * The page learns where the API is (a named stage puts its name in front of every path) and how to sign in from a
 * meta element, so it needs no inline script and the Content-Security-Policy can forbid all inline code. Besides
 * its own origin the page may connect to one other: the Cognito domain's token endpoint (hosted sign-in) or the
 * user pool's API (password sign-in). The hosted sign-in page itself is reached by navigation, which connect-src
 * does not govern.
 */
final class ConsoleAssets {
    private static final String DIR = "/huzhu/console/";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    /** Every module of the page, the entry first; ConsoleTextsTest checks this is every script in the folder. */
    static final List<String> MODULES = List.of("app.js", "router.js",
            "lib/config.js", "lib/i18n.js", "lib/dom.js", "lib/messages.js", "lib/pkce.js", "lib/auth.js", "lib/api.js",
            "lib/user.js", "lib/timers.js", "lib/members.js", "lib/paging.js", "lib/chart.js", "lib/live.js",
            "lib/dialog.js", "lib/table.js", "lib/picker.js", "lib/alerts.js",
            "texts/zh-CN.js", "texts/en.js", "texts/care.zh-CN.js", "texts/care.en.js", "texts/officers.zh-CN.js",
            "texts/officers.en.js", "texts/surge.zh-CN.js", "texts/surge.en.js",
            "screens/signin.js", "screens/board.js", "screens/incidents.js", "screens/incident.js",
            "screens/followups.js", "screens/directory.js", "screens/directory-forms.js", "screens/import.js",
            "screens/member-card.js", "screens/member-care.js", "screens/policy.js", "screens/notices.js",
            "screens/applications.js", "screens/reports.js", "screens/audit.js", "screens/sms.js", "screens/export.js",
            "screens/facets.js", "screens/roster.js",
            "texts/union.zh-CN.js", "texts/union.en.js", "screens/bereavement.js", "screens/rounds.js",
            "screens/contact-requests.js", "screens/guide.js", "screens/work-group.js", "screens/surge.js");
    private static final Map<String, Asset> FILES = new LinkedHashMap<>();

    static {
        for (String name : MODULES) FILES.put(name, new Asset(JS, read(name)));
        FILES.put("console.css", new Asset(CSS, read("console.css")));
    }

    private static final String PAGE = read("console.html").replace("{{modulePreloads}}", MODULES.stream().skip(1)
            .map(name -> "<link rel=\"modulepreload\" href=\"{{base}}/console/" + name + "\">")
            .collect(Collectors.joining("\n")));

    private record Asset(String contentType, String body) {
    }

    private final ConsoleSettings settings;
    private final String csp;

    ConsoleAssets(ConsoleSettings settings) {
        this.settings = settings;
        String other = settings.connectOrigin();
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'" + (other == null ? "" : " " + other) + "; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";
    }

    ApiResponse page(ApiRequest req) {
        String base = base(req);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base", base);
        ConsoleSettings.SignIn signIn = settings.signIn();
        config.put("signIn", signIn.configValue());
        if (signIn == ConsoleSettings.SignIn.HOSTED) {
            // the page sends officers to {cognitoDomain}/oauth2/authorize and back to its own address
            config.put("clientId", settings.clientId());
            config.put("cognitoDomain", settings.cognitoDomain());
        } else if (signIn == ConsoleSettings.SignIn.PASSWORD) {
            config.put("userPoolId", settings.userPoolId());
            config.put("clientId", settings.clientId());
            config.put("cognitoEndpoint", settings.cognitoEndpoint());
        }
        String html = PAGE.replace("{{config}}", Html.escape(json(config))).replace("{{base}}", Html.escape(base));
        return ApiResponse.html(200, html)
                .withHeader("Cache-Control", "no-cache")
                .withHeader("Content-Security-Policy", csp)
                .withHeader("X-Frame-Options", "DENY");
    }

    ApiResponse file(String name) {
        Asset asset = FILES.get(name);
        if (asset == null) throw new NotFound("route");
        return ApiResponse.of(200, asset.contentType(), asset.body()).withHeader("Cache-Control", "no-cache")
                .withHeader("X-Content-Type-Options", "nosniff");
    }

    /** The path prefix of a named stage ("/prod"), empty on the $default stage and the local stack. */
    static String base(ApiRequest req) {
        String raw = req.rawPath();
        String path = req.path();
        if (raw == null || path == null || !raw.endsWith(path)) return "";
        String base = raw.substring(0, raw.length() - path.length());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String json(Object value) {
        return Json.write(value);
    }

    private static String read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalStateException("missing " + DIR + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
