package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.local.LocalRoutes.Auth;
import huzhu.local.LocalRoutes.Found;
import huzhu.local.LocalRoutes.MethodNotAllowed;
import huzhu.local.LocalRoutes.NotFound;
import huzhu.local.LocalRoutes.Target;
import huzhu.testing.SamTemplate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalRoutesTest {
    private final LocalRoutes routes = LocalRoutes.DEFAULT;

    @ParameterizedTest
    @CsvSource({
            "POST,   /v1/triggers/t1,                  TRIGGER,     PUBLIC, POST /v1/triggers/{triggerToken}",
            "GET,    /v1/triggers/t1,                  TRIGGER,     PUBLIC, GET /v1/triggers/{triggerToken}",
            "GET,    /v1/acks/a1,                      ACK,         PUBLIC, GET /v1/acks/{ackToken}",
            "POST,   /v1/acks/a1,                      ACK,         PUBLIC, POST /v1/acks/{ackToken}",
            "GET,    /console,                         CONSOLE_API, PUBLIC, GET /console",
            "GET,    /console/app.js,                  CONSOLE_API, PUBLIC, GET /console/{proxy+}",
            "POST,   /v1/members,                      CONSOLE_API, JWT,    POST /v1/members",
            "GET,    /v1/members,                      CONSOLE_API, JWT,    GET /v1/members",
            "DELETE, /v1/members/m1,                   CONSOLE_API, JWT,    DELETE /v1/members/{id}",
            "POST,   /v1/members/m1/trigger-link,      CONSOLE_API, JWT,    POST /v1/members/{id}/trigger-link",
            "PUT,    /v1/volunteers/v1,                CONSOLE_API, JWT,    PUT /v1/volunteers/{id}",
            "GET,    /v1/leaders/l1,                   CONSOLE_API, JWT,    GET /v1/leaders/{id}",
            "PUT,    /v1/escalation-policy,            CONSOLE_API, JWT,    PUT /v1/escalation-policy",
            "POST,   /v1/incidents,                    CONSOLE_API, JWT,    POST /v1/incidents",
            "GET,    /v1/incidents/i1,                 CONSOLE_API, JWT,    GET /v1/incidents/{id}",
            "POST,   /v1/incidents/i1/acknowledge,     CONSOLE_API, JWT,    POST /v1/incidents/{id}/acknowledge",
            "POST,   /v1/incidents/i1/cancel,          CONSOLE_API, JWT,    POST /v1/incidents/{id}/cancel",
            "GET,    /v1/incidents/i1/followups,       CONSOLE_API, JWT,    GET /v1/incidents/{id}/followups",
            "GET,    /v1/followups,                    CONSOLE_API, JWT,    GET /v1/followups",
            "GET,    /v1/reports/summary,              CONSOLE_API, JWT,    GET /v1/reports/summary",
            "GET,    /v1/reports/coverage,             CONSOLE_API, JWT,    GET /v1/reports/coverage",
            "GET,    /v1/audit,                        CONSOLE_API, JWT,    GET /v1/audit",
            "GET,    /v1/me,                           CONSOLE_API, JWT,    GET /v1/me",
            "PUT,    /v1/followups/f1,                 CONSOLE_API, JWT,    PUT /v1/followups/{id}",
            "POST,   /v1/members/import,               CONSOLE_API, JWT,    POST /v1/members/import",
            "POST,   /v1/volunteers/import,            CONSOLE_API, JWT,    POST /v1/volunteers/import",
            "GET,    /v1/members/import,               CONSOLE_API, JWT,    GET /v1/members/{id}",
            "POST,   /local/sms/inbound,               LOCAL_SMS_INBOUND,    LOCAL, POST /local/sms/inbound",
            "GET,    /local/sms/outbox,                LOCAL_SMS_OUTBOX,     LOCAL, GET /local/sms/outbox",
            "POST,   /local/escalation/run,            LOCAL_ESCALATION_RUN, LOCAL, POST /local/escalation/run",
            "GET,    /local/health,                    LOCAL_HEALTH,         LOCAL, GET /local/health",
    })
    void contractRoute_goesToItsFunction_underItsRouteKey(String method, String path, Target target, Auth auth,
            String routeKey) {
        // when
        LocalRoutes.Lookup lookup = routes.find(method, path);

        // then
        assertThat(lookup).isInstanceOfSatisfying(Found.class, found -> {
            assertThat(found.match().route().target()).isEqualTo(target);
            assertThat(found.match().route().auth()).isEqualTo(auth);
            assertThat(found.match().route().routeKey()).isEqualTo(routeKey);
        });
    }

    @Test
    void greedyProxy_capturesTheRestOfThePath() {
        // when
        LocalRoutes.Lookup lookup = routes.find("GET", "/console/assets/css/app.css");

        // then
        assertThat(((Found) lookup).match().pathParameters()).containsExactly(Map.entry("proxy", "assets/css/app.css"));
    }

    @Test
    void literalPath_hasNoPathParameters() {
        assertThat(((Found) routes.find("GET", "/v1/members")).match().pathParameters()).isNull();
    }

    @Test
    void emptySegmentsAndExtraSegments_matchNothing() {
        assertThat(routes.find("POST", "/v1/triggers/")).isInstanceOf(NotFound.class);
        assertThat(routes.find("GET", "/v1/members/m1/extra")).isInstanceOf(NotFound.class);
        assertThat(routes.find("GET", "/console/")).isInstanceOf(NotFound.class);
        assertThat(routes.find("GET", "/")).isInstanceOf(NotFound.class);
    }

    @Test
    void knownPathWithAnotherMethod_namesTheAllowedMethods() {
        assertThat(routes.find("PATCH", "/v1/members/m1"))
                .isEqualTo(new MethodNotAllowed(java.util.Set.of("DELETE", "GET", "PUT")));
    }

    @Test
    void theLocalStack_answersExactlyTheTemplatesRoutes_withTheSameFunctionAndAuthorizer() {
        // given: the template's functions by the module their jar comes from (functions/<module>/target/…)
        SamTemplate template = SamTemplate.ofThisRepository();
        Map<String, String> moduleOf = new TreeMap<>();
        template.functions().values().forEach(f -> moduleOf.put(f.logicalId(),
                template.root().relativize(f.jar()).getName(1).toString()));
        Map<String, String> templateRoutes = new TreeMap<>();
        template.routes().values().forEach(r -> templateRoutes.put(r.routeKey(),
                moduleOf.get(r.function()) + (r.isPublic() ? " public" : " jwt")));

        // when
        Map<String, String> localRoutes = new TreeMap<>();
        for (LocalRoutes.Route r : routes.routes()) {
            if (!r.target().isFunction()) continue;
            localRoutes.put(r.routeKey(), r.target().function() + (r.auth() == Auth.PUBLIC ? " public" : " jwt"));
        }

        // then
        assertThat(localRoutes).isEqualTo(templateRoutes);
    }
}
