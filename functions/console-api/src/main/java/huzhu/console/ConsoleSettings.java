package huzhu.console;

import huzhu.core.kernel.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * What the console page needs to sign officers in, from the environment the template sets
 * ({@code HUZHU_USER_POOL_ID}, {@code HUZHU_USER_POOL_CLIENT_ID}, {@code HUZHU_COGNITO_DOMAIN}):
 * <ul>
 * <li>{@link SignIn#HOSTED}: the Cognito hosted sign-in page (OAuth 2.0 code flow with PKCE), whenever the
 * pool has a domain ({@code PublicBaseUrl} set; the local stack can point it at a stand-in);</li>
 * <li>{@link SignIn#PASSWORD}: e-mail and password straight against the user pool's API, when there is a
 * pool but no domain;</li>
 * <li>{@link SignIn#TOKEN}: neither (the local stack): the page asks for a bearer token.</li>
 * </ul>
 *
 * @param cognitoDomain the origin of the user pool's domain ({@code https://huzhu-….auth.{region}.amazoncognito.com}),
 *                      without a trailing slash; plain http only for a loopback stand-in
 */
public record ConsoleSettings(String userPoolId, String clientId, String cognitoDomain) {
    public static final ConsoleSettings TOKEN_SIGN_IN = new ConsoleSettings(null, null, null);

    /** How the page signs in; {@link #configValue()} is what the page's config carries. */
    public enum SignIn {
        TOKEN("token"), PASSWORD("cognito"), HOSTED("hosted");

        private final String configValue;

        SignIn(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }
    }

    public ConsoleSettings {
        userPoolId = Text.strippedOrNull(userPoolId);
        clientId = Text.strippedOrNull(clientId);
        cognitoDomain = origin(Text.strippedOrNull(cognitoDomain));
    }

    /** A user pool without a domain: the password sign-in. */
    public ConsoleSettings(String userPoolId, String clientId) {
        this(userPoolId, clientId, null);
    }

    public static ConsoleSettings fromEnvironment(Map<String, String> env) {
        return new ConsoleSettings(env.get("HUZHU_USER_POOL_ID"), env.get("HUZHU_USER_POOL_CLIENT_ID"),
                env.get("HUZHU_COGNITO_DOMAIN"));
    }

    public SignIn signIn() {
        if (cognitoDomain != null && clientId != null) return SignIn.HOSTED;
        if (cognito()) return SignIn.PASSWORD;
        return SignIn.TOKEN;
    }

    /** Whether there is a user pool whose API the password sign-in can call. */
    public boolean cognito() {
        return userPoolId != null && clientId != null && userPoolId.indexOf('_') > 0;
    }

    /** Cognito's API in the pool's region: a pool id is "{region}_{suffix}"; China regions use amazonaws.com.cn. */
    public String cognitoEndpoint() {
        if (!cognito()) return null;
        String region = userPoolId.substring(0, userPoolId.indexOf('_'));
        String suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return "https://cognito-idp." + region + "." + suffix + "/";
    }

    /** The one origin besides its own the page may call: the token endpoint's, or the user pool API's. */
    public String connectOrigin() {
        return switch (signIn()) {
            case HOSTED -> cognitoDomain;
            case PASSWORD -> cognitoEndpoint();
            case TOKEN -> null;
        };
    }

    /**
     * {@code scheme://host[:port]} of a domain given with or without a trailing slash. Anything else (a path,
     * a query, plain http to a host that is not this machine) is a mistake in the deployment, said at once.
     */
    public static String origin(String domain) {
        if (domain == null) return null;
        try {
            URI uri = new URI(domain);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            boolean secure = scheme.equals("https") || scheme.equals("http") && loopback(host);
            if (secure && host != null && uri.getRawUserInfo() == null && (path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException("HUZHU_COGNITO_DOMAIN 须为 https:// 开头、不含路径的地址（当前为“" + domain
                + "”） · HUZHU_COGNITO_DOMAIN must be an https:// origin without a path (was \"" + domain + "\")");
    }

    private static boolean loopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
