package huzhu.local;

import huzhu.console.ConsoleSettings;
import huzhu.core.kernel.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The environment of the local stack (CONTRACT §6), read once at start. Every problem is reported at
 * once, in Chinese and English, by {@link InvalidConfig}.
 *
 * @param port             HUZHU_PORT on 127.0.0.1; 0 picks a free port (tests)
 * @param adminToken       HUZHU_ADMIN_TOKEN, or a random one when unset ({@code adminTokenGenerated})
 * @param officerToken     HUZHU_OFFICER_TOKEN, null unless set (tests)
 * @param viewerToken      HUZHU_VIEWER_TOKEN, null unless set (tests)
 * @param dynamodbEndpoint HUZHU_DYNAMODB_ENDPOINT, null: the embedded store
 * @param region           AWS_REGION for the ARNs of the local events (default as in huzhu.aws.AwsClients)
 * @param cognitoDomain    HUZHU_COGNITO_DOMAIN, null unless set: the console signs in through a hosted sign-in
 *                         page there (a stand-in of Cognito's, as in HostedSignInIT) instead of asking for a token
 * @param consoleClientId  HUZHU_USER_POOL_CLIENT_ID, the app client the console names to that page; also the
 *                         {@code aud} of the local ID token claims
 */
public record LocalConfig(int port, String adminToken, boolean adminTokenGenerated, String officerToken,
        String viewerToken, Duration sweepInterval, boolean demo, URI dynamodbEndpoint, Path dataDir,
        String region, URI cognitoDomain, String consoleClientId, LocalSms sms) {

    public static final int DEFAULT_PORT = 3000;
    public static final int DEFAULT_SWEEP_SECONDS = 60;
    public static final String DEFAULT_DATA_DIR = ".huzhu-data";
    public static final String DEFAULT_REGION = "cn-north-1";
    public static final String DEFAULT_CONSOLE_CLIENT_ID = "huzhu-local-console";

    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{8,512}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w+-]{1,128}");

    public LocalConfig {
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(consoleClientId, "consoleClientId");
        Objects.requireNonNull(sms, "sms");
    }

    public static LocalConfig fromEnvironment() {
        return from(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** @param workingDir what a relative HUZHU_DATA_DIR is resolved against */
    public static LocalConfig from(Map<String, String> env, Path workingDir) {
        List<String> problems = new ArrayList<>();

        int port = integer(env, "HUZHU_PORT", DEFAULT_PORT, 0, 65535, "config.port", problems);
        int sweep = integer(env, "HUZHU_SWEEP_SECONDS", DEFAULT_SWEEP_SECONDS, 1, 86_400, "config.sweepSeconds",
                problems);
        boolean demo = flag(env, "HUZHU_DEMO", problems);

        String admin = token(env, "HUZHU_ADMIN_TOKEN", problems);
        boolean generated = admin == null;
        if (generated) admin = randomToken();
        String officer = token(env, "HUZHU_OFFICER_TOKEN", problems);
        String viewer = token(env, "HUZHU_VIEWER_TOKEN", problems);
        Set<String> distinct = new HashSet<>();
        for (String t : new String[] {admin, officer, viewer}) {
            if (t != null && !distinct.add(t)) {
                problems.add(LocalText.bilingual("config.tokenClash", Map.of()));
                break;
            }
        }

        URI endpoint = endpoint(env, "HUZHU_DYNAMODB_ENDPOINT", problems);
        URI cognitoDomain = origin(env, "HUZHU_COGNITO_DOMAIN", problems);
        String clientId = value(env, "HUZHU_USER_POOL_CLIENT_ID");
        if (clientId == null) clientId = DEFAULT_CONSOLE_CLIENT_ID;
        if (!CLIENT_ID.matcher(clientId).matches()) {
            problems.add(LocalText.bilingual("config.clientId", Map.of("name", "HUZHU_USER_POOL_CLIENT_ID",
                    "value", clientId)));
        }
        Path dataDir = dataDir(env, workingDir, problems);

        String region = value(env, "AWS_REGION");
        if (region == null) region = DEFAULT_REGION;
        if (!REGION.matcher(region).matches()) {
            problems.add(LocalText.bilingual("config.region", Map.of("name", "AWS_REGION", "value", region)));
        }

        LocalSms sms = LocalSms.from(env, problems);

        if (!problems.isEmpty()) throw new InvalidConfig(problems);
        return new LocalConfig(port, admin, generated, officer, viewer, Duration.ofSeconds(sweep), demo, endpoint,
                dataDir, region, cognitoDomain, clientId, sms);
    }

    public boolean embeddedStore() {
        return dynamodbEndpoint == null;
    }

    public LocalAws aws() {
        return LocalAws.of(region);
    }

    /** How the console page signs in: the hosted page when HUZHU_COGNITO_DOMAIN is set, else the token. */
    public ConsoleSettings consoleSettings() {
        return cognitoDomain == null ? ConsoleSettings.TOKEN_SIGN_IN
                : new ConsoleSettings(null, consoleClientId, cognitoDomain.toString());
    }

    /** Never print the tokens by accident (records print every component). */
    @Override
    public String toString() {
        return "LocalConfig[port=" + port + ", sweepInterval=" + sweepInterval + ", demo=" + demo
                + ", dynamodbEndpoint=" + dynamodbEndpoint + ", dataDir=" + dataDir + ", region=" + region
                + ", cognitoDomain=" + cognitoDomain + ", consoleClientId=" + consoleClientId + ", sms=" + sms + "]";
    }

    /** Unset and blank are the same: a shell's {@code HUZHU_PORT=} means "use the default". */
    private static String value(Map<String, String> env, String name) {
        return Text.strippedOrNull(env.get(name));
    }

    private static int integer(Map<String, String> env, String name, int dflt, int min, int max, String key,
            List<String> problems) {
        String v = value(env, name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(LocalText.bilingual(key, Map.of("name", name, "value", v)));
        return dflt;
    }

    private static boolean flag(Map<String, String> env, String name, List<String> problems) {
        String v = value(env, name);
        if (v == null) return false;
        switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on":
                return true;
            case "0", "false", "no", "off":
                return false;
            default:
                problems.add(LocalText.bilingual("config.flag", Map.of("name", name, "value", v)));
                return false;
        }
    }

    private static String token(Map<String, String> env, String name, List<String> problems) {
        String v = value(env, name);
        if (v != null && !TOKEN.matcher(v).matches()) {
            problems.add(LocalText.bilingual("config.token", Map.of("name", name)));
            return null;
        }
        return v;
    }

    private static URI endpoint(Map<String, String> env, String name, List<String> problems) {
        String v = value(env, name);
        if (v == null) return null;
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return uri;
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(LocalText.bilingual("config.endpoint", Map.of("name", name, "value", v)));
        return null;
    }

    /**
     * An http(s) origin, nothing after the host and port but an optional slash: where the page is sent to
     * sign in. Plain http only to this machine, as ConsoleSettings allows.
     */
    private static URI origin(Map<String, String> env, String name, List<String> problems) {
        String v = value(env, name);
        if (v == null) return null;
        try {
            return URI.create(ConsoleSettings.origin(v));
        } catch (IllegalArgumentException e) {
            problems.add(LocalText.bilingual("config.origin", Map.of("name", name, "value", v)));
            return null;
        }
    }

    private static Path dataDir(Map<String, String> env, Path workingDir, List<String> problems) {
        String v = value(env, "HUZHU_DATA_DIR");
        if (v == null) return workingDir.resolve(DEFAULT_DATA_DIR).normalize();
        try {
            return workingDir.resolve(v).normalize();
        } catch (InvalidPathException e) {
            problems.add(LocalText.bilingual("config.path", Map.of("name", "HUZHU_DATA_DIR", "value", v)));
            return workingDir;
        }
    }

    /** 256 random bits, URL-safe: drawn at start, as the local stack is no SnapStart snapshot. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The configuration cannot start the local stack; the message lists every problem, zh-CN then English. */
    public static final class InvalidConfig extends IllegalArgumentException {
        private final List<String> problems;

        InvalidConfig(List<String> problems) {
            super(LocalText.bilingual("config.invalid", Map.of()) + "\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
