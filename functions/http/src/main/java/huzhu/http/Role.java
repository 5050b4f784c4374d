package huzhu.http;

import huzhu.core.kernel.JsonText;
import huzhu.core.kernel.Wire;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
     * The roles in a {@code cognito:groups} claim, by exact, case-sensitive group name. API Gateway's JWT
     * authorizer renders the token's array as {@code [admin officer]}: the names inside one pair of brackets,
     * separated by spaces (a Cognito group name holds no white space, but may hold commas, so
     * {@code [branch,admin]} is one group). A JSON array of strings ({@code ["admin","officer"]}) is read too, with
     * {@link JsonText}: claims are read on every request, and Jackson is not needed for them.
     * Anything else gives no role; unknown groups are ignored.
     */
    public static Set<Role> fromGroups(String claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groupNames(claim)) {
            for (Role role : values()) {
                if (role.wire.equals(group)) roles.add(role);
            }
        }
        return roles;
    }

    private static List<String> groupNames(String claim) {
        if (claim == null || claim.length() < 2 || !claim.startsWith("[") || !claim.endsWith("]")) return List.of();
        if (claim.indexOf('"') >= 0) return jsonArray(claim);
        List<String> names = new ArrayList<>();
        for (String name : claim.substring(1, claim.length() - 1).split(" ")) {
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }

    private static List<String> jsonArray(String claim) {
        List<Object> array;
        try {
            array = JsonText.array(JsonText.parse(claim));
        } catch (JsonText.Malformed notJson) {
            return List.of();
        }
        if (array == null) return List.of();
        List<String> names = new ArrayList<>(array.size());
        for (Object name : array) {
            if (!(name instanceof String text)) return List.of();
            names.add(text);
        }
        return names;
    }
}
