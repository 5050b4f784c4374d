package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Notify;
import huzhu.core.incident.PolicyLevel;
import org.junit.jupiter.api.Test;

class JsonTest {
    /** The contract's §4 text, verbatim. */
    private static final String CONTRACT_DEFAULT = """
            {"levels": [{"level": 0, "notify": "nearby-volunteers", "maxRecipients": 5, "timeoutSeconds": 180},
            {"level": 1, "notify": "leaders", "leaderLevel": 1, "timeoutSeconds": 300},
            {"level": 2, "notify": "leaders", "leaderLevel": 2, "timeoutSeconds": 600, "repeat": 3}]}""";

    @Test
    void defaultPolicy_writesAsTheContractShape_withNotify() throws Exception {
        // given / when
        String json = Json.mapper().writeValueAsString(EscalationPolicy.DEFAULT);

        // then
        assertThat(json).doesNotContain("audience").contains("\"notify\":\"nearby-volunteers\"");
        assertThat(Json.mapper().readTree(json)).isEqualTo(Json.mapper().readTree(CONTRACT_DEFAULT));
    }

    @Test
    void contractText_readsAsTheDefaultPolicy() throws Exception {
        // given / when
        EscalationPolicy policy = Json.mapper().readValue(CONTRACT_DEFAULT, EscalationPolicy.class);

        // then
        assertThat(policy).isEqualTo(EscalationPolicy.DEFAULT);
        assertThat(policy.level(1).audience()).isEqualTo(Notify.LEADERS);
    }

    @Test
    void defaultPolicy_roundTrips() throws Exception {
        // given
        String json = Json.mapper().writeValueAsString(EscalationPolicy.DEFAULT);

        // when
        EscalationPolicy back = Json.mapper().readValue(json, EscalationPolicy.class);

        // then
        assertThat(back).isEqualTo(EscalationPolicy.DEFAULT);
    }

    @Test
    void javaName_audience_isNotAContractField() throws Exception {
        // given
        String json = "{\"level\": 0, \"audience\": \"leaders\", \"leaderLevel\": 1, \"timeoutSeconds\": 60}";

        // when
        PolicyLevel level = Json.mapper().readValue(json, PolicyLevel.class);

        // then
        assertThat(level.audience()).isNull();
    }

    @Test
    void policyBody_throughApiRequest_usesTheSameNames() {
        // given
        var event = Fixtures.console("PUT", "/v1/escalation-policy", CONTRACT_DEFAULT);

        // when
        EscalationPolicy policy = ApiRequest.of(event).bodyAs(EscalationPolicy.class);

        // then
        assertThat(policy).isEqualTo(EscalationPolicy.DEFAULT);
    }

    @Test
    void unknownNotifyWord_isReportedOnItsPath() {
        // given
        var event = Fixtures.console("PUT", "/v1/escalation-policy",
                "{\"levels\": [{\"level\": 0, \"notify\": \"everyone\", \"timeoutSeconds\": 60}]}");

        // when
        var invalid = org.assertj.core.api.Assertions.catchThrowableOfType(huzhu.core.error.Invalid.class,
                () -> ApiRequest.of(event).bodyAs(EscalationPolicy.class));

        // then
        assertThat(invalid.fields()).containsExactly(java.util.Map.entry("levels[0].notify", "invalid.choice"));
    }

    @Test
    void nullFieldsOutsideThePolicy_stayPresent() throws Exception {
        // given: nextCursor is null on the last page and the contract shows it as null, not absent
        JsonNode node = Json.mapper().readTree(Json.mapper().writeValueAsString(
                new huzhu.core.kernel.Page<>(java.util.List.of(), null)));

        // when / then
        assertThat(node.has("nextCursor")).isTrue();
        assertThat(node.get("nextCursor").isNull()).isTrue();
    }
}
