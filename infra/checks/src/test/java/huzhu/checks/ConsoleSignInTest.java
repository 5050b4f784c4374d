package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.http.Caller;
import huzhu.testing.SamTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's app client (template.yaml) against the claims the code reads (huzhu.http.Caller): the name
 * that timelines, the audit log and alert SMS show must be one an officer cannot set for themselves with
 * their own access token (Cognito UpdateUserAttributes), only an admin can.
 */
class ConsoleSignInTest {

    /**
     * What an app client may write when its WriteAttributes are not given: every standard attribute (Cognito's
     * UserPoolClientType documentation).
     */
    private static final List<String> STANDARD_ATTRIBUTES = List.of("address", "birthdate", "email", "family_name",
            "gender", "given_name", "locale", "middle_name", "name", "nickname", "phone_number", "picture",
            "preferred_username", "profile", "updated_at", "website", "zoneinfo");

    @Test
    void theActorName_isNoAttributeTheAppClientMayWrite() {
        // given: an ID token in which every attribute the client may write holds what its holder typed
        List<String> writable = writableAttributes();
        Map<String, String> claims = new HashMap<>(Map.of("sub", "a1b2c3d4-5678-90ab-cdef-111122223333",
                "cognito:username", "a1b2c3d4-5678-90ab-cdef-111122223333", "email", "wang.fang@union.example.org",
                "name", "王芳", "cognito:groups", "[officer]"));
        writable.forEach(attribute -> claims.put(attribute, "工会主席 (typed by its holder)"));

        // when
        Caller caller = Caller.fromClaims(claims);

        // then
        assertThat(caller.name()).isNotEqualTo("工会主席 (typed by its holder)");
    }

    @Test
    void theAppClient_mayWriteNeitherTheNameNorTheEmail_andSaysSoExplicitly() {
        // given
        Map<String, Object> client = SamTemplate.ofThisRepository().properties("UserPoolClient");

        // then: an explicit, non-empty list (left out, Cognito lets the client write every standard attribute)
        assertThat(client).containsKey("WriteAttributes");
        assertThat(SamTemplate.list(client.get("WriteAttributes"))).isNotEmpty()
                .doesNotContain("name", "email", "email_verified", "preferred_username", "nickname",
                        "given_name", "family_name", "phone_number");
    }

    @SuppressWarnings("unchecked")
    private static List<String> writableAttributes() {
        Object listed = SamTemplate.ofThisRepository().properties("UserPoolClient").get("WriteAttributes");
        return listed == null ? STANDARD_ATTRIBUTES : (List<String>) (List<?>) SamTemplate.list(listed);
    }
}
