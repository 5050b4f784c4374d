package huzhu.http;

import huzhu.core.error.Forbidden;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Who is calling, from the JWT claims API Gateway verified. {@code name} is for audit and timelines. */
public record Caller(String id, String name, Set<Role> roles) {

    public Caller {
        roles = roles == null || roles.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /**
     * The caller the claims describe, or a 401 when there are none or none identifies anyone.
     * Cognito access tokens carry {@code sub} and {@code username}; ID tokens {@code sub},
     * {@code cognito:username}, {@code name} and {@code email}. The name that timelines, the audit log and
     * alert SMS show is one an admin controls: the e-mail the officer was invited with and signs in with
     * (unique in the pool; the app client may not write it, see template.yaml), else the user name. Never
     * the {@code name} claim, which is free text its holder could set while the client allowed it.
     */
    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.isEmpty()) throw RequestRejected.unauthenticated();
        String id = first(claims, "sub", "cognito:username", "username");
        if (id == null) throw RequestRejected.unauthenticated();
        // e-mail before the user name: in a pool whose users sign in by e-mail the user name is a UUID
        String name = first(claims, "email", "cognito:username", "username");
        return new Caller(id, name == null ? id : name, Role.fromGroups(claims.get("cognito:groups")));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** This caller, if it holds at least one of {@code allowed}; otherwise a 403. */
    public Caller requireAny(Role... allowed) {
        if (Arrays.stream(allowed).anyMatch(roles::contains)) return this;
        throw new Forbidden();
    }

    private static String first(Map<String, String> claims, String... keys) {
        for (String key : keys) {
            String v = claims.get(key);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }
}
