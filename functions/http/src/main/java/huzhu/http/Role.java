package huzhu.http;

import huzhu.core.kernel.Wire;
import java.util.EnumSet;
import java.util.Set;

/** Console roles, named by Cognito groups of the same name. */
public enum Role implements Wire {
    ADMIN("admin"),
    OFFICER("officer"),
    VIEWER("viewer");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /**
     * The roles in a {@code cognito:groups} claim. API Gateway's JWT authorizer flattens the token's
     * array to {@code [admin officer]}; other sources give {@code admin}, {@code admin,officer} or
     * {@code ["admin","officer"]}. Unknown groups are ignored.
     */
    public static Set<Role> fromGroups(String claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim == null) return roles;
        for (String word : claim.split("[\\[\\]\\s,\"']+")) {
            if (word.isEmpty()) continue;
            Role role = Wire.parse(Role.class, word);
            if (role != null) roles.add(role);
        }
        return roles;
    }
}
