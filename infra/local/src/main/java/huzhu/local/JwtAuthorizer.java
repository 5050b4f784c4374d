package huzhu.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for the HTTP API's JWT authorizer (Cognito user pool): a configured bearer token becomes
 * the claims of a Cognito ID token, flattened to strings the way API Gateway passes them on
 * ({@code "cognito:groups": "[admin]"}). Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, checking every configured token, so neither timing nor length tells
 * how close a guess was.
 */
final class JwtAuthorizer {
    static final List<String> SCOPES = List.of("openid");

    /** One person the local stack knows; {@code group} is the Cognito group that gives the role. */
    record Principal(String sub, String username, String group) {
    }

    private record Known(byte[] digest, Principal principal) {
    }

    private final List<Known> known = new ArrayList<>();
    private final LocalAws aws;
    private final String audience;

    JwtAuthorizer(LocalConfig config) {
        this.aws = config.aws();
        this.audience = config.consoleClientId();
        add(config.adminToken(), new Principal("local-admin", "admin", "admin"));
        add(config.officerToken(), new Principal("local-officer", "officer", "officer"));
        add(config.viewerToken(), new Principal("local-viewer", "viewer", "viewer"));
    }

    private void add(String token, Principal principal) {
        if (token != null) known.add(new Known(sha256(token), principal));
    }

    /** @param authorization the request's Authorization header, may be null */
    Optional<Principal> authenticate(String authorization) {
        if (authorization == null) return Optional.empty();
        String value = authorization.strip();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        byte[] presented = sha256(value.substring(7).strip());
        Principal found = null;
        for (Known k : known) {
            if (MessageDigest.isEqual(k.digest(), presented)) found = k.principal();
        }
        return Optional.ofNullable(found);
    }

    /** {@code requestContext.authorizer} as the HTTP API fills it after a valid ID token. */
    Authorizer authorizer(Principal p, Instant now) {
        long iat = now.getEpochSecond();
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", p.sub());
        claims.put("cognito:groups", "[" + p.group() + "]");
        claims.put("iss", "https://cognito-idp." + aws.region() + "." + aws.domainSuffix() + "/" + aws.region()
                + "_local");
        claims.put("cognito:username", p.username());
        claims.put("aud", audience);
        claims.put("token_use", "id");
        claims.put("auth_time", Long.toString(iat));
        claims.put("iat", Long.toString(iat));
        claims.put("exp", Long.toString(iat + 3600));
        return Authorizer.builder()
                .withJwt(JWT.builder().withClaims(claims).withScopes(SCOPES).build())
                .build();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
