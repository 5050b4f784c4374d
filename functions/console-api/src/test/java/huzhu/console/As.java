package huzhu.console;

/** Who calls a console route: a groups claim, a signed-in user in no group, or no claims at all. */
enum As {
    ADMIN("[admin]"), OFFICER("[officer]"), VIEWER("[viewer]"), NO_GROUP(null), NO_CLAIMS(null);

    /** The {@code cognito:groups} claim as API Gateway's JWT authorizer passes it. */
    final String groups;

    As(String groups) {
        this.groups = groups;
    }
}
