package huzhu.console;

import java.util.Map;

/**
 * What the console page needs to sign officers in: the Cognito user pool and its app client, from the
 * environment the template sets ({@code HUZHU_USER_POOL_ID}, {@code HUZHU_USER_POOL_CLIENT_ID}). Without
 * them (the local stack) the page asks for a bearer token instead.
 */
public record ConsoleSettings(String userPoolId, String clientId) {
    public static final ConsoleSettings TOKEN_SIGN_IN = new ConsoleSettings(null, null);

    public ConsoleSettings {
        userPoolId = blankToNull(userPoolId);
        clientId = blankToNull(clientId);
    }

    public static ConsoleSettings fromEnvironment(Map<String, String> env) {
        return new ConsoleSettings(env.get("HUZHU_USER_POOL_ID"), env.get("HUZHU_USER_POOL_CLIENT_ID"));
    }

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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
