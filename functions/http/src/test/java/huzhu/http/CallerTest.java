package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import huzhu.core.error.Forbidden;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CallerTest {

    @Test
    void authorizerGroups_inBrackets_giveBothRoles() {
        // given
        ApiRequest request = ApiRequest.of(Fixtures.consoleGet());

        // when
        Caller caller = request.caller();

        // then
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.OFFICER);
        assertThat(caller.id()).isEqualTo("a1b2c3d4-5678-90ab-cdef-111122223333");
        assertThat(caller.name()).isEqualTo("wang.fang");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[admin officer]",
            "[officer admin]",
            "[\"admin\",\"officer\"]",
            "[\"admin\", \"officer\"]"})
    void theAuthorizersBracketForm_orAJsonArray_givesAdminAndOfficer(String claim) {
        // given / when
        Set<Role> roles = Role.fromGroups(claim);

        // then
        assertThat(roles).containsExactlyInAnyOrder(Role.ADMIN, Role.OFFICER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[viewer]", "[\"viewer\"]", "[union-chair viewer ap-east-1_AbCdEfGhI_Google]"})
    void aSingleKnownGroup_amongUnknownOnes_givesJustThatRole(String claim) {
        // given / when
        Set<Role> roles = Role.fromGroups(claim);

        // then
        assertThat(roles).containsExactly(Role.VIEWER);
    }

    /** Cognito group names are case-sensitive and may hold commas; none of these is the group "admin". */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"[]", "[administrators]", "adminofficer", "[Admin]", "[ADMIN]", "[branch,admin]",
            "[admin,officer]", "[\"Admin\"]", "[\"branch,admin\"]", "[[admin]]", "[admin-branch]", "admin",
            "admin officer", "admin,officer", "[\"admin\",1]"})
    void groupNamesMatchExactly_soLookalikesGiveNoAdminRole(String claim) {
        // given / when
        Set<Role> roles = Role.fromGroups(claim);

        // then
        assertThat(roles).isEmpty();
    }

    /** A claim in the JSON form is one JSON array of names, and nothing after it. */
    @ParameterizedTest
    @ValueSource(strings = {"[\"admin\"] [\"viewer\"]", "[\"admin\"],[\"officer\"]", "[\"admin\",]",
            "[\"admin\" \"officer\"]", "[\"admin\", null]", "[\"admin\", {\"name\": \"officer\"}]"})
    void aClaimThatIsNotOneJsonArrayOfNames_givesNoRole(String claim) {
        // given / when
        Set<Role> roles = Role.fromGroups(claim);

        // then
        assertThat(roles).isEmpty();
    }

    @Test
    void anIdTokenWithLookalikeGroups_fromApiGateway_hasNoRole_andIsRefused() {
        // given: the authorizer's "[Admin branch,admin admin-branch]"
        ApiRequest request = ApiRequest.of(Fixtures.consoleGetWithLookalikeGroups());

        // when
        Caller caller = request.caller();

        // then
        assertThat(caller.roles()).isEmpty();
        assertThatThrownBy(() -> request.requireAny(Role.ADMIN, Role.OFFICER, Role.VIEWER))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void groupsHandedOverAsAList_areReadAsTheExactGroupNames() {
        // given: a hand-built event whose claims map holds a real list (unchecked, as a generic mapper would)
        APIGatewayV2HTTPEvent event = Fixtures.consoleGet();
        Map<String, Object> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("cognito:groups", List.of("officer", "viewer", "Admin"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) claims;
        event.getRequestContext().getAuthorizer().getJwt().setClaims(raw);

        // when
        Caller caller = ApiRequest.of(event).caller();

        // then
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.VIEWER);
    }

    @Test
    void actorName_isTheSignInEmail_notTheNameClaimItsHolderMayHaveTyped() {
        // given: an ID token whose name claim says 工会主席 (union chair)
        ApiRequest request = ApiRequest.of(Fixtures.consoleGetWithLookalikeGroups());

        // when
        Caller caller = request.caller();

        // then
        assertThat(caller.name()).isEqualTo("wang.fang@union.example.org");
        assertThat(caller.id()).isEqualTo("a1b2c3d4-5678-90ab-cdef-111122223333");
    }

    @Test
    void actorName_isTheEmail_thenTheCognitoUsername_thenTheUsername_thenTheSubject_neverTheNameClaim() {
        // given an e-mail sign-in pool, whose user names are UUIDs
        Map<String, String> all = Map.of("sub", "u1", "name", "王芳", "cognito:username",
                "7d2a1c3e-0b1f-4e5a-9c8d-2f6e4b1a9c07", "username", "wang.fang", "email", "wf@example.org");

        // when / then
        assertThat(Caller.fromClaims(all).name()).isEqualTo("wf@example.org");
        assertThat(Caller.fromClaims(without(all, "email")).name())
                .isEqualTo("7d2a1c3e-0b1f-4e5a-9c8d-2f6e4b1a9c07");
        assertThat(Caller.fromClaims(Map.of("sub", "u1", "name", "王芳", "username", "wang.fang")).name())
                .isEqualTo("wang.fang");
        assertThat(Caller.fromClaims(Map.of("sub", "u1", "name", "王芳")).name()).isEqualTo("u1");
    }

    @Test
    void noAuthorizer_is401() {
        // given
        ApiRequest request = ApiRequest.of(Fixtures.trigger());

        // when
        RequestRejected rejected = catchThrowableOfType(RequestRejected.class, request::caller);

        // then
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.code()).isEqualTo("unauthorized");
    }

    @Test
    void claimsThatNameNobody_are401() {
        // given / when
        RequestRejected rejected = catchThrowableOfType(RequestRejected.class,
                () -> Caller.fromClaims(Map.of("scope", "openid", "cognito:groups", "[admin]")));

        // then
        assertThat(rejected.status()).isEqualTo(401);
    }

    @Test
    void requireAny_returnsTheCaller_whenOneRoleMatches() {
        // given
        ApiRequest request = ApiRequest.of(Fixtures.consoleGet());

        // when
        Caller caller = request.requireAny(Role.OFFICER, Role.VIEWER);

        // then
        assertThat(caller.id()).isEqualTo("a1b2c3d4-5678-90ab-cdef-111122223333");
    }

    @Test
    void requireAny_is403_whenNoRoleMatches() {
        // given
        Caller viewer = Caller.fromClaims(Map.of("sub", "u2", "cognito:groups", "[viewer]"));

        // when / then
        assertThatThrownBy(() -> viewer.requireAny(Role.ADMIN, Role.OFFICER)).isInstanceOf(Forbidden.class);
    }

    @Test
    void requireAny_is403_forASignedInUserInNoKnownGroup() {
        // given
        Caller nobody = Caller.fromClaims(Map.of("sub", "u3"));

        // when / then
        assertThatThrownBy(() -> nobody.requireAny(Role.values())).isInstanceOf(Forbidden.class);
    }

    @Test
    void requireAny_is401_beforeRolesAreLookedAt_whenThereAreNoClaims() {
        // given
        ApiRequest request = ApiRequest.of(Fixtures.trigger());

        // when
        RequestRejected rejected = catchThrowableOfType(RequestRejected.class, () -> request.requireAny(Role.ADMIN));

        // then
        assertThat(rejected.status()).isEqualTo(401);
    }

    private static Map<String, String> without(Map<String, String> map, String... keys) {
        Map<String, String> copy = new HashMap<>(map);
        for (String k : keys) copy.remove(k);
        return copy;
    }
}
