package huzhu.console;

import static huzhu.console.Bodies.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import huzhu.core.testing.TriggerLinks;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.audit.AuditEntry;
import huzhu.core.Services;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.error.NotFound;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.NewIncident;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.console.ConsoleCalls.Reply;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every console route, fed the events API Gateway's JWT authorizer hands the function: one fixture
 * ({@code console-post-member-jwt.json}, claims exactly as API Gateway flattens them, {@code "cognito:groups":
 * "[admin officer]"}), retargeted per case to another method, path, body and groups claim.
 */
class ConsoleApiHandlerTest {
    private static final String MEMBER_PHONE = Fixtures.phone(1);
    private static final String FATHER = Fixtures.phone(2);
    private static final String LIU = Fixtures.phone(11);
    private static final ServiceConfig CONFIG = new ServiceConfig("https://huzhu.example", null);
    /** The link the member's family holds: the member's first, as the union's key makes it. */
    private static final String SEED_LINK = CONFIG.personalLinkTokens().token("m-1", 1);
    private static final String INCIDENT = "inc-1";

    /** §4 of the contract, verbatim: the shape and the default. */
    private static final String CONTRACT_POLICY = """
            {"levels": [{"level": 0, "notify": "nearby-volunteers", "maxRecipients": 5, "timeoutSeconds": 180},
            {"level": 1, "notify": "leaders", "leaderLevel": 1, "timeoutSeconds": 300},
            {"level": 2, "notify": "leaders", "leaderLevel": 2, "timeoutSeconds": 600, "repeat": 3}]}""";

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, sms, EscalationTimer.NONE, clock, new SequentialIds(3),
            CONFIG);
    private final ConsoleApiHandler handler = new ConsoleApiHandler(services);

    @BeforeEach
    void aSmallUnion_withOneOpenIncident() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(MEMBER_PHONE).home("武汉市", "江汉区")
                .address("武汉市江汉区新华路 88 号").family("王德福", "父亲", FATHER).build());
        store.triggerTokens().bind("m-1", Hashes.sha256(SEED_LINK));
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("刘强").phone(LIU).area("武汉市", "江汉区").build());
        store.directory().leaders().insert(Fixtures.leader("l-1").name("周干事").phone(Fixtures.phone(21)).level(1).build());
        services.dispatcher().open(new NewIncident(INCIDENT, "m-1", IncidentType.MEDICAL, "老伴胸口疼", null,
                new Reporter(FATHER, "王德福", Channel.SMS, true), Language.ZH_CN));
        clock.advance(Duration.ofSeconds(30));
    }

    // ================================================================== every route × every caller

    record RouteCase(String method, String template, String path, String body, Access access, int success)
            implements RouteByRole.Route {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final String NEW_MEMBER = """
            {"name":"李四","phone":"13800138000","homeArea":{"city":"武汉市","district":"江汉区"},
             "familyContacts":[{"name":"李母","relation":"母亲","phone":"13800138001"}]}""";
    private static final String SAME_MEMBER = """
            {"name":"王建国","phone":"+8613800000001","homeArea":{"city":"武汉市","district":"江汉区"},"language":"en",
             "familyContacts":[{"name":"王德福","relation":"父亲","phone":"+8613800000002"}]}""";
    private static final String NEW_VOLUNTEER = """
            {"name":"赵敏","phone":"13800138002","area":{"city":"武汉市","district":"江汉区"},
             "skills":["first-aid"],"onDuty":true,"maxActive":1}""";
    private static final String SAME_VOLUNTEER = """
            {"name":"刘强","phone":"13800000011","area":{"city":"武汉市","district":"江汉区"},"onDuty":false}""";
    private static final String NEW_LEADER = """
            {"name":"陈主席","phone":"13800138003","title":"工会主席","level":2}""";
    private static final String SAME_LEADER = """
            {"name":"周干事","phone":"13800000021","title":"工会干事","level":1,"email":"zhou@union.example"}""";

    static final List<RouteCase> ROUTES = List.of(
            new RouteCase("GET", "/console", "/console", null, Access.PUBLIC, 200),
            new RouteCase("POST", "/v1/members", "/v1/members", NEW_MEMBER, Access.ADMIN, 201),
            new RouteCase("GET", "/v1/members", "/v1/members", null, Access.READ, 200),
            new RouteCase("GET", "/v1/members/{id}", "/v1/members/m-1", null, Access.READ, 200),
            new RouteCase("PUT", "/v1/members/{id}", "/v1/members/m-1", SAME_MEMBER, Access.ADMIN, 200),
            new RouteCase("DELETE", "/v1/members/{id}", "/v1/members/m-9", null, Access.ADMIN, 204),
            new RouteCase("GET", "/v1/members/{id}/trigger-link", "/v1/members/m-1/trigger-link", null,
                    Access.OPERATE, 200),
            new RouteCase("POST", "/v1/members/{id}/trigger-link", "/v1/members/m-1/trigger-link", null,
                    Access.ADMIN, 200),
            new RouteCase("POST", "/v1/volunteers", "/v1/volunteers", NEW_VOLUNTEER, Access.ADMIN, 201),
            new RouteCase("GET", "/v1/volunteers", "/v1/volunteers", null, Access.READ, 200),
            new RouteCase("GET", "/v1/volunteers/{id}", "/v1/volunteers/v-1", null, Access.READ, 200),
            new RouteCase("PUT", "/v1/volunteers/{id}", "/v1/volunteers/v-1", SAME_VOLUNTEER, Access.ADMIN, 200),
            new RouteCase("DELETE", "/v1/volunteers/{id}", "/v1/volunteers/v-9", null, Access.ADMIN, 204),
            new RouteCase("POST", "/v1/leaders", "/v1/leaders", NEW_LEADER, Access.ADMIN, 201),
            new RouteCase("GET", "/v1/leaders", "/v1/leaders", null, Access.READ, 200),
            new RouteCase("GET", "/v1/leaders/{id}", "/v1/leaders/l-1", null, Access.READ, 200),
            new RouteCase("PUT", "/v1/leaders/{id}", "/v1/leaders/l-1", SAME_LEADER, Access.ADMIN, 200),
            new RouteCase("DELETE", "/v1/leaders/{id}", "/v1/leaders/l-1", null, Access.ADMIN, 204),
            new RouteCase("GET", "/v1/escalation-policy", "/v1/escalation-policy", null, Access.READ, 200),
            new RouteCase("PUT", "/v1/escalation-policy", "/v1/escalation-policy", CONTRACT_POLICY, Access.ADMIN, 200),
            new RouteCase("POST", "/v1/incidents", "/v1/incidents",
                    "{\"memberId\":\"m-1\",\"type\":\"accident\",\"message\":\"家属来电：老人摔倒\"}", Access.OPERATE, 201),
            new RouteCase("GET", "/v1/incidents", "/v1/incidents?status=active", null, Access.READ, 200),
            new RouteCase("GET", "/v1/incidents/{id}", "/v1/incidents/" + INCIDENT, null, Access.READ, 200),
            new RouteCase("POST", "/v1/incidents/{id}/acknowledge", "/v1/incidents/" + INCIDENT + "/acknowledge", null,
                    Access.OPERATE, 200),
            new RouteCase("POST", "/v1/incidents/{id}/notes", "/v1/incidents/" + INCIDENT + "/notes",
                    "{\"text\":\"已电话联系家属\"}", Access.OPERATE, 200),
            new RouteCase("POST", "/v1/incidents/{id}/escalate", "/v1/incidents/" + INCIDENT + "/escalate", null,
                    Access.OPERATE, 200),
            new RouteCase("POST", "/v1/incidents/{id}/resolve", "/v1/incidents/" + INCIDENT + "/resolve",
                    "{\"outcome\":\"已送医\",\"notes\":\"刘强陪同\"}", Access.OPERATE, 200),
            new RouteCase("POST", "/v1/incidents/{id}/cancel", "/v1/incidents/" + INCIDENT + "/cancel",
                    "{\"reason\":\"误报\"}", Access.OPERATE, 200),
            new RouteCase("POST", "/v1/incidents/{id}/followups", "/v1/incidents/" + INCIDENT + "/followups",
                    "{\"kind\":\"visit\",\"dueDate\":\"2026-03-09\",\"visitors\":[\"周干事\"],\"amount\":500}",
                    Access.OPERATE, 201),
            new RouteCase("GET", "/v1/incidents/{id}/followups", "/v1/incidents/" + INCIDENT + "/followups", null,
                    Access.READ, 200),
            new RouteCase("GET", "/v1/followups", "/v1/followups?status=planned", null, Access.READ, 200),
            new RouteCase("GET", "/v1/surges", "/v1/surges", null, Access.READ, 200),
            new RouteCase("GET", "/v1/reports/summary", "/v1/reports/summary", null, Access.READ, 200),
            new RouteCase("GET", "/v1/reports/coverage", "/v1/reports/coverage", null, Access.READ, 200));

    /**
     * Every route that reads personal data, and the audit entry one read leaves: action, kind of record, how many
     * records it returned ({@code *}: not checked). Every other read leaves none.
     */
    static final Map<String, String> PERSONAL_READS = Map.ofEntries(
            Map.entry("GET /v1/members", "list member 2"),
            Map.entry("GET /v1/members/{id}", "view member 1"),
            Map.entry("GET /v1/members/{id}/trigger-link", "view-link member 1"),
            Map.entry("GET /v1/volunteers", "list volunteer 2"),
            Map.entry("GET /v1/volunteers/{id}", "view volunteer 1"),
            Map.entry("GET /v1/leaders", "list leader 1"),
            Map.entry("GET /v1/leaders/{id}", "view leader 1"),
            Map.entry("GET /v1/incidents", "list incident 1"),
            Map.entry("GET /v1/surges", "list incident 0"),
            Map.entry("GET /v1/incidents/{id}", "view incident 1"),
            Map.entry("GET /v1/incidents/{id}/followups", "list followup 0"),
            Map.entry("GET /v1/followups", "list followup 0"),
            Map.entry("GET /v1/reports/coverage", "list coverage *"));

    static Stream<Arguments> everyRouteAsEveryCaller() {
        return RouteByRole.asEveryCaller(ROUTES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAsEveryCaller")
    void everyRoute_answersEachCallerByRole_andRefusalsChangeNothing(RouteCase route, As as) throws Exception {
        // given a member and a volunteer no active incident needs, for the delete routes
        store.directory().members().insert(Fixtures.member("m-9").name("李秀英").phone(Fixtures.phone(9))
                .home("成都市", "武侯区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-9").name("陈飞").phone(Fixtures.phone(19))
                .area("成都市", "武侯区").build());
        Snapshot before = snapshot();
        int audited = auditEntries().size();

        // when
        Reply reply = call(as, route.method(), route.path(), route.body());

        // then
        RouteByRole.assertAnswersByRole(route, as, reply, store, PERSONAL_READS, audited);
        if (!route.access().allows(as)) assertThat(snapshot()).as("a refusal changes nothing").isEqualTo(before);
    }

    private List<AuditEntry> auditEntries() {
        return RouteByRole.auditEntries(store);
    }

    static Stream<RouteCase> routesWithABody() {
        return ROUTES.stream().filter(r -> r.body() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesWithABody")
    void everyRouteWithABody_answersMalformedJsonWith400_andChangesNothing(RouteCase route) throws Exception {
        // given
        Snapshot before = snapshot();

        // when
        Reply reply = call(As.ADMIN, route.method(), route.path(), "{\"name\": \"李");

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(errorOf(reply).get("code").asText()).isEqualTo("malformed_json");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theFixturesOwnGroupsClaim_twoGroupsInOneString_grantsBothRoles() throws Exception {
        // given the claim exactly as API Gateway's JWT authorizer flattens the token's array
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-post-member-jwt.json");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("cognito:groups", "[admin officer]");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
    }

    // ================================================================== directory

    @Test
    void createMember_withNationalPhones_storesAndReturnsE164() throws Exception {
        // given the console's form as typed: "138 0013 8000"
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-post-member-jwt.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode member = Json.mapper().readTree(Bodies.text(response));
        assertThat(member.get("phone").asText()).isEqualTo("+8613800138000");
        assertThat(member.get("familyContacts").get(0).get("phone").asText()).isEqualTo("+8613800138001");
        assertThat(member.get("homeArea").get("district").asText()).isEqualTo("江汉区");
        assertThat(member.get("language").asText()).isEqualTo("zh-CN");
        assertThat(store.directory().members().get(member.get("id").asText()).orElseThrow().phone()).isEqualTo("+8613800138000");
        assertThat(store.directory().membersWithFamilyPhone("+8613800138001")).hasSize(1);
    }

    @Test
    void createMember_withAPhoneAlreadyRegistered_inAnyFormat_is409PhoneTaken() throws Exception {
        // given
        assertThat(call(As.ADMIN, "POST", "/v1/members", NEW_MEMBER).status()).isEqualTo(201);
        String samePhoneOtherwiseWritten = NEW_MEMBER.replace("\"13800138000\"", "\"+86 138-0013-8000\"")
                .replace("李四", "李四（重复）");

        // when
        Reply reply = call(As.ADMIN, "POST", "/v1/members", samePhoneOtherwiseWritten);

        // then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(errorOf(reply).get("code").asText()).isEqualTo("phone_taken");
        assertThat(errorOf(reply).get("message").asText()).contains("该手机号已登记");
        assertThat(store.directory().members().all()).hasSize(2);
    }

    @Test
    void updateMember_toAnotherMembersPhone_is409PhoneTaken_andKeepsTheOldRecord() throws Exception {
        // given
        call(As.ADMIN, "POST", "/v1/members", NEW_MEMBER);

        // when
        Reply reply = call(As.ADMIN, "PUT", "/v1/members/m-1", SAME_MEMBER.replace("+8613800000001", "13800138000"));

        // then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(errorOf(reply).get("code").asText()).isEqualTo("phone_taken");
        assertThat(store.directory().members().get("m-1").orElseThrow().phone()).isEqualTo(MEMBER_PHONE);
    }

    @Test
    void createMember_withInvalidFields_is422_namingEveryFieldByItsJsonPath() throws Exception {
        // given
        String body = """
                {"name":"  ","phone":"12345","homeArea":{"district":"江汉区"},
                 "familyContacts":[{"name":"李母","relation":"母亲","phone":"call me"},{"name":"","phone":"13800138001"}],
                 "location":{"lat":91,"lon":114.27},"language":"fr"}""";

        // when
        Reply reply = call(As.ADMIN, "POST", "/v1/members", body);

        // then
        assertThat(reply.status()).isEqualTo(422);
        JsonNode error = errorOf(reply);
        assertThat(error.get("code").asText()).isEqualTo("validation_failed");
        assertThat(fieldNames(error.get("fields"))).containsExactlyInAnyOrder("name", "phone", "homeArea.city",
                "familyContacts[0].phone", "familyContacts[1].name", "location.lat", "language");
        assertThat(error.get("fields").get("familyContacts[0].phone").asText()).contains("手机号格式不正确");
        assertThat(store.directory().members().all()).hasSize(1);
    }

    @Test
    void createVolunteerAndLeader_withInvalidFields_are422_namingTheFields() throws Exception {
        // when
        Reply volunteer = call(As.ADMIN, "POST", "/v1/volunteers",
                "{\"name\":\"赵敏\",\"phone\":\"13800138002\",\"area\":{\"city\":\"\"},\"maxActive\":0,\"skills\":[\"\"]}");
        Reply leader = call(As.ADMIN, "POST", "/v1/leaders",
                "{\"name\":\"陈主席\",\"phone\":\"13800138003\",\"email\":\"not-an-email\",\"level\":0}");

        // then
        assertThat(volunteer.status()).isEqualTo(422);
        assertThat(fieldNames(errorOf(volunteer).get("fields")))
                .containsExactlyInAnyOrder("area.city", "maxActive", "skills[0]");
        assertThat(leader.status()).isEqualTo(422);
        assertThat(fieldNames(errorOf(leader).get("fields"))).containsExactlyInAnyOrder("email", "level");
    }

    static Stream<Arguments> wrongJsonTypes() {
        return Stream.of(
                Arguments.of("/v1/volunteers", NEW_VOLUNTEER.replace("\"onDuty\":true", "\"onDuty\":\"yes\""), "onDuty"),
                Arguments.of("/v1/volunteers", NEW_VOLUNTEER.replace("\"maxActive\":1", "\"maxActive\":\"two\""),
                        "maxActive"),
                Arguments.of("/v1/volunteers", NEW_VOLUNTEER.replace("\"maxActive\":1", "\"maxActive\":1.5"),
                        "maxActive"),
                Arguments.of("/v1/volunteers", NEW_VOLUNTEER.replace("[\"first-aid\"]", "\"first-aid\""), "skills"),
                Arguments.of("/v1/volunteers", NEW_VOLUNTEER.replace("\"maxActive\":1", "\"maxActive\":99999999999"),
                        "maxActive"),
                Arguments.of("/v1/leaders", NEW_LEADER.replace("\"level\":2", "\"level\":\"one\""), "level"),
                Arguments.of("/v1/leaders", NEW_LEADER.replace("\"level\":2", "\"level\":true"), "level"),
                Arguments.of("/v1/members", NEW_MEMBER.replace("\"name\":\"李四\"", "\"name\":{\"zh\":\"李四\"}"), "name"),
                Arguments.of("/v1/members", NEW_MEMBER.replace("{\"city\":\"武汉市\",\"district\":\"江汉区\"}", "\"武汉市\""),
                        "homeArea"),
                Arguments.of("/v1/members", NEW_MEMBER.replace("\"familyContacts\":[", "\"familyContacts\":{\"x\":[")
                        .replace("}]}", "}]}}"), "familyContacts"),
                Arguments.of("/v1/members", NEW_MEMBER.replace("\"phone\":\"13800138001\"", "\"phone\":[\"13800138001\"]"),
                        "familyContacts[0].phone"),
                Arguments.of("/v1/members", NEW_MEMBER.replace("\"name\":\"李四\"",
                        "\"name\":\"李四\",\"location\":{\"lat\":\"north\",\"lon\":114.2}"), "location.lat"),
                Arguments.of("/v1/incidents", "{\"memberId\":\"m-1\",\"location\":{\"lat\":[30]}}", "location.lat"),
                Arguments.of("/v1/incidents", "{\"memberId\":[\"m-1\"]}", "memberId"),
                Arguments.of("/v1/incidents/" + INCIDENT + "/notes", "{\"text\":[\"a\",\"b\"]}", "text"),
                Arguments.of("/v1/incidents/" + INCIDENT + "/followups",
                        "{\"kind\":\"visit\",\"amount\":\"lots\"}", "amount"),
                Arguments.of("/v1/incidents/" + INCIDENT + "/followups",
                        "{\"kind\":\"visit\",\"visitors\":\"周干事\"}", "visitors"),
                Arguments.of("/v1/escalation-policy", CONTRACT_POLICY.replace("\"timeoutSeconds\": 180",
                        "\"timeoutSeconds\": \"fast\""), "levels[0].timeoutSeconds"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("wrongJsonTypes")
    void wrongJsonTypes_are422_namingTheField_never5xx(String path, String body, String field) throws Exception {
        // given
        Snapshot before = snapshot();
        String method = path.equals("/v1/escalation-policy") ? "PUT" : "POST";

        // when
        Reply reply = call(As.ADMIN, method, path, body);

        // then
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        JsonNode error = errorOf(reply);
        assertThat(error.get("code").asText()).isEqualTo("validation_failed");
        assertThat(fieldNames(error.get("fields"))).contains(field);
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Arguments> unknownIds() {
        return Stream.of(
                Arguments.of("GET", "/v1/members/m-404", null),
                Arguments.of("PUT", "/v1/members/m-404", SAME_MEMBER.replace("+8613800000001", "13800138088")),
                Arguments.of("DELETE", "/v1/members/m-404", null),
                Arguments.of("POST", "/v1/members/m-404/trigger-link", null),
                Arguments.of("GET", "/v1/volunteers/v-404", null),
                Arguments.of("PUT", "/v1/volunteers/v-404", SAME_VOLUNTEER.replace("13800000011", "13800138088")),
                Arguments.of("DELETE", "/v1/volunteers/v-404", null),
                Arguments.of("GET", "/v1/leaders/l-404", null),
                Arguments.of("PUT", "/v1/leaders/l-404", SAME_LEADER.replace("13800000021", "13800138088")),
                Arguments.of("DELETE", "/v1/leaders/l-404", null),
                Arguments.of("GET", "/v1/incidents/inc-404", null),
                Arguments.of("POST", "/v1/incidents/inc-404/acknowledge", null),
                Arguments.of("POST", "/v1/incidents/inc-404/notes", "{\"text\":\"?\"}"),
                Arguments.of("POST", "/v1/incidents/inc-404/escalate", null),
                Arguments.of("POST", "/v1/incidents/inc-404/resolve", "{\"outcome\":\"?\"}"),
                Arguments.of("POST", "/v1/incidents/inc-404/cancel", null),
                Arguments.of("POST", "/v1/incidents/inc-404/followups", "{\"kind\":\"visit\"}"),
                Arguments.of("GET", "/v1/incidents/inc-404/followups", null),
                Arguments.of("GET", "/v1/nothing-here", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownIds")
    void unknownIds_are404_inTheErrorShape(String method, String path, String body) throws Exception {
        // given
        Snapshot before = snapshot();

        // when
        Reply reply = call(As.ADMIN, method, path, body);

        // then
        assertThat(reply.status()).isEqualTo(404);
        assertThat(errorOf(reply).get("code").asText()).isEqualTo("not_found");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anotherMethodOnAKnownPath_is405_namingTheAllowedOnes() throws Exception {
        // when
        Reply reply = call(As.ADMIN, "PATCH", "/v1/members/m-1", "{\"name\":\"x\"}");

        // then
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET", "PUT", "DELETE");
        assertThat(errorOf(reply).get("code").asText()).isEqualTo("method_not_allowed");
    }

    // ================================================================== lists

    @Test
    void members_arePagedWithLimitAndCursor_untilNextCursorIsNull() throws Exception {
        // given three members in all
        store.directory().members().insert(Fixtures.member("m-2").build());
        store.directory().members().insert(Fixtures.member("m-3").build());

        // when
        JsonNode first = call(As.VIEWER, "GET", "/v1/members?limit=2", null).json();
        String cursor = first.get("nextCursor").asText();
        JsonNode second = call(As.VIEWER, "GET", "/v1/members?limit=2&cursor=" + cursor, null).json();

        // then
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("items", "nextCursor");
        assertThat(ids(first.get("items"))).containsExactly("m-1", "m-2");
        assertThat(cursor).isNotBlank();
        assertThat(ids(second.get("items"))).containsExactly("m-3");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void incidents_arePagedNewestFirst_withTheStatusFilter() throws Exception {
        // given two more incidents, one of them cancelled
        clock.advance(Duration.ofMinutes(1));
        String second = call(As.OFFICER, "POST", "/v1/incidents", "{\"memberId\":\"m-1\"}").json().get("id").asText();
        clock.advance(Duration.ofMinutes(1));
        String third = call(As.OFFICER, "POST", "/v1/incidents", "{\"memberId\":\"m-1\"}").json().get("id").asText();
        call(As.OFFICER, "POST", "/v1/incidents/" + second + "/cancel", "{\"reason\":\"误报\"}");

        // when
        JsonNode page1 = call(As.VIEWER, "GET", "/v1/incidents?status=all&limit=2", null).json();
        JsonNode page2 = call(As.VIEWER, "GET", "/v1/incidents?status=all&limit=2&cursor="
                + page1.get("nextCursor").asText(), null).json();
        JsonNode active = call(As.VIEWER, "GET", "/v1/incidents?status=active", null).json();
        JsonNode cancelled = call(As.VIEWER, "GET", "/v1/incidents?status=cancelled", null).json();

        // then
        assertThat(ids(page1.get("items"))).containsExactly(third, second);
        assertThat(ids(page2.get("items"))).containsExactly(INCIDENT);
        assertThat(page2.get("nextCursor").isNull()).isTrue();
        assertThat(ids(active.get("items"))).containsExactly(third, INCIDENT);
        assertThat(ids(cancelled.get("items"))).containsExactly(second);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"limit=0", "limit=201", "limit=-1", "limit=abc", "limit=1.5"})
    void aLimitOutside1To200_is422OnTheLimitField(String query) throws Exception {
        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/members?" + query, null);

        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(fieldNames(errorOf(reply).get("fields"))).containsExactly("limit");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v1/members", "/v1/volunteers", "/v1/leaders", "/v1/incidents", "/v1/followups"})
    void aCursorTheServerNeverIssued_is422OnTheCursorField(String path) throws Exception {
        // when
        Reply reply = call(As.VIEWER, "GET", path + "?cursor=bm90LWEtY3Vyc29y", null);

        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(fieldNames(errorOf(reply).get("fields"))).containsExactly("cursor");
    }

    @Test
    void limitOf200_isTheMaximumAllowed() throws Exception {
        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/members?limit=200", null);

        // then
        assertThat(reply.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status=bogus", "status=OPENED", "from=yesterday", "to=2026-13-01T00:00:00Z"})
    void incidentsWithAnUnknownFilter_is422NamingIt(String query) throws Exception {
        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/incidents?" + query, null);

        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(fieldNames(errorOf(reply).get("fields"))).containsExactly(query.substring(0, query.indexOf('=')));
    }

    @Test
    void followupsWithAnUnknownStatus_is422() throws Exception {
        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/followups?status=someday", null);

        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(fieldNames(errorOf(reply).get("fields"))).containsExactly("status");
    }

    // ================================================================== incidents

    @Test
    void incidentJson_hasTheContractsFields_andNeverAnyAlertsAckToken() throws Exception {
        // given the alerted volunteer's token, which lets its holder act as him
        Incident stored = store.incidents().get(INCIDENT).orElseThrow();
        List<String> secrets = stored.alerts().stream()
                .map(a -> services.config().ackTokens().token(stored.code(), stored.id(), a.recipientId())).toList();
        assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());

        // when the console reads and changes it every way it can
        List<Reply> replies = List.of(
                call(As.VIEWER, "GET", "/v1/incidents/" + INCIDENT, null),
                call(As.VIEWER, "GET", "/v1/incidents?status=all", null),
                call(As.OFFICER, "POST", "/v1/incidents/" + INCIDENT + "/notes", "{\"text\":\"已联系家属\"}"),
                call(As.OFFICER, "POST", "/v1/incidents/" + INCIDENT + "/escalate", null),
                call(As.OFFICER, "POST", "/v1/incidents/" + INCIDENT + "/acknowledge", null),
                call(As.OFFICER, "POST", "/v1/incidents", "{\"memberId\":\"m-1\",\"type\":\"fire\"}"),
                call(As.OFFICER, "POST", "/v1/incidents/" + INCIDENT + "/resolve", "{\"outcome\":\"已送医\"}"));

        // then
        for (Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
            assertThat(reply.body()).doesNotContain("ackSecret").doesNotContain("secret-");
            for (String secret : secrets) assertThat(reply.body()).doesNotContain(secret);
        }
        JsonNode incident = replies.get(0).json();
        assertThat(fieldNames(incident)).contains("id", "code", "status", "level", "memberId", "type", "message",
                "location", "reporter", "createdAt", "acknowledgedAt", "resolvedAt", "nextEscalationAt", "alerts",
                "responders", "timeline");
        assertThat(fieldNames(incident.get("reporter"))).contains("phone", "name", "channel", "verified");
        assertThat(incident.get("reporter").get("channel").asText()).isEqualTo("sms");
        JsonNode alert = incident.get("alerts").get(0);
        assertThat(fieldNames(alert)).contains("recipientId", "recipientKind", "to", "level", "sentAt", "status");
        assertThat(alert.get("recipientKind").asText()).isEqualTo("volunteer");
        assertThat(alert.get("to").asText()).isEqualTo(LIU);
        assertThat(incident.get("createdAt").asText()).isEqualTo("2026-03-02T01:30:00Z");
        assertThat(incident.get("type").asText()).isEqualTo("medical");
        assertThat(incident.get("status").asText()).isEqualTo("open");
    }

    @Test
    void officerActions_walkTheIncidentThroughItsLife_withTheOfficersNameOnTheTimeline() throws Exception {
        // when
        JsonNode noted = call(As.OFFICER, "POST", "/v1/incidents/" + INCIDENT + "/notes",
                "{\"text\":\"已电话联系家属\"}").json();
        JsonNode acknowledged = call(As.OFFICER, "POST", "/v1/incidents/" + INCIDENT + "/acknowledge", null).json();
        JsonNode resolved = call(As.ADMIN, "POST", "/v1/incidents/" + INCIDENT + "/resolve",
                "{\"outcome\":\"已送医\"}").json();

        // then
        assertThat(last(noted.get("timeline")).get("text").asText()).isEqualTo("已电话联系家属");
        assertThat(last(noted.get("timeline")).get("actor").asText()).isEqualTo("wang.fang@union.example");
        assertThat(acknowledged.get("status").asText()).isEqualTo("acknowledged");
        assertThat(acknowledged.get("acknowledgedAt").asText()).isEqualTo("2026-03-02T01:30:30Z");
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("resolvedAt").isNull()).isFalse();
    }

    @Test
    void cancel_tellsTheAlertedToStandDown_andASecondCancelIs409() throws Exception {
        // given
        sms.clear();

        // when
        Reply first = call(As.OFFICER, "POST", "/v1/incidents/" + INCIDENT + "/cancel", "{\"reason\":\"误报\"}");
        Reply again = call(As.OFFICER, "POST", "/v1/incidents/" + INCIDENT + "/cancel", "{\"reason\":\"误报\"}");

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(sms.bodiesTo(LIU)).singleElement().asString().contains("误报").contains("无需前往");
        assertThat(again.status()).isEqualTo(409);
        assertThat(errorOf(again).get("code").asText()).isEqualTo("incident_closed");
    }

    @Test
    void openingAnIncident_withTheSameIdempotencyKey_returnsTheFirst_andCreatesNothingMore() throws Exception {
        // given
        String body = "{\"memberId\":\"m-1\",\"type\":\"accident\",\"message\":\"家属来电\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "8d0c6f0e-5a51-4d43-9f0e-2b1b0c1d7a11");
        Reply first = call(As.OFFICER, "POST", "/v1/incidents", body, key);
        int smsBefore = sms.attempts().size();

        // when the console retries after a dropped connection
        Reply again = call(As.OFFICER, "POST", "/v1/incidents", body, key);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(store.incidents().list(IncidentQuery.ALL, PageRequest.first(200)).items()).hasSize(2);
        assertThat(sms.attempts()).hasSize(smsBefore);
    }

    @Test
    void openingAnIncident_withoutAKey_opensANewOneEachTime() throws Exception {
        // when
        Reply a = call(As.OFFICER, "POST", "/v1/incidents", "{\"memberId\":\"m-1\"}");
        Reply b = call(As.OFFICER, "POST", "/v1/incidents", "{\"memberId\":\"m-1\"}");

        // then
        assertThat(a.json().get("id").asText()).isNotEqualTo(b.json().get("id").asText());
        assertThat(a.json().get("reporter").get("channel").asText()).isEqualTo("console");
    }

    // ================================================================== escalation policy

    @Test
    void escalationPolicy_byDefault_isTheContractsPolicy() throws Exception {
        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/escalation-policy", null);

        // then
        assertThat(reply.json()).isEqualTo(Json.mapper().readTree(CONTRACT_POLICY));
    }

    @Test
    void escalationPolicy_roundTripsTheContractsJson_withTheNotifyFieldName() throws Exception {
        // given a policy for a drill: one-second steps
        String drill = """
                {"levels": [{"level": 0, "notify": "nearby-volunteers", "maxRecipients": 2, "timeoutSeconds": 1},
                {"level": 1, "notify": "leaders", "leaderLevel": 1, "timeoutSeconds": 1, "repeat": 0}]}""";

        // when
        Reply put = call(As.ADMIN, "PUT", "/v1/escalation-policy", drill);
        Reply get = call(As.VIEWER, "GET", "/v1/escalation-policy", null);
        Reply backToDefault = call(As.ADMIN, "PUT", "/v1/escalation-policy", CONTRACT_POLICY);

        // then
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json()).isEqualTo(Json.mapper().readTree(drill));
        assertThat(get.json()).isEqualTo(Json.mapper().readTree(drill));
        assertThat(get.body()).contains("\"notify\"").doesNotContain("audience");
        assertThat(backToDefault.json()).isEqualTo(Json.mapper().readTree(CONTRACT_POLICY));
        assertThat(store.settings().escalationPolicy()).contains(EscalationPolicy.DEFAULT);
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                Arguments.of("{}", "levels"),
                Arguments.of("{\"levels\": []}", "levels"),
                Arguments.of("{\"levels\": \"all\"}", "levels"),
                Arguments.of("{\"levels\": [null]}", "levels[0]"),
                Arguments.of(CONTRACT_POLICY.replace("\"level\": 1,", "\"level\": 5,"), "levels[1].level"),
                Arguments.of(CONTRACT_POLICY.replace("\"nearby-volunteers\"", "\"everyone\""), "levels[0].notify"),
                Arguments.of(CONTRACT_POLICY.replace("\"notify\": \"nearby-volunteers\", ", ""), "levels[0].notify"),
                Arguments.of(CONTRACT_POLICY.replace("\"timeoutSeconds\": 180", "\"timeoutSeconds\": 0"),
                        "levels[0].timeoutSeconds"),
                Arguments.of(CONTRACT_POLICY.replace("\"timeoutSeconds\": 180", "\"timeoutSeconds\": 86401"),
                        "levels[0].timeoutSeconds"),
                Arguments.of(CONTRACT_POLICY.replace("\"timeoutSeconds\": 180", "\"timeoutSeconds\": null"),
                        "levels[0].timeoutSeconds"),
                Arguments.of(CONTRACT_POLICY.replace("\"maxRecipients\": 5", "\"maxRecipients\": 0"),
                        "levels[0].maxRecipients"),
                Arguments.of(CONTRACT_POLICY.replace("\"leaderLevel\": 1, ", ""), "levels[1].leaderLevel"),
                Arguments.of(CONTRACT_POLICY.replace("\"repeat\": 3", "\"repeat\": 21"), "levels[2].repeat"),
                Arguments.of(CONTRACT_POLICY.replace("\"repeat\": 3", "\"repeat\": \"often\""), "levels[2].repeat"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidPolicies")
    void anInvalidPolicy_is422NamingTheField_andTheOldPolicyStays(String body, String field) throws Exception {
        // when
        Reply reply = call(As.ADMIN, "PUT", "/v1/escalation-policy", body);

        // then
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(fieldNames(errorOf(reply).get("fields"))).contains(field);
        assertThat(call(As.VIEWER, "GET", "/v1/escalation-policy", null).json())
                .isEqualTo(Json.mapper().readTree(CONTRACT_POLICY));
    }

    // ================================================================== personal emergency link

    @Test
    void triggerLink_rotates_andTheOldTokenStopsWorking_andComesWithItsQrCode() throws Exception {
        // given the link the member's family has used so far
        assertThat(services.trigger().memberFor(SEED_LINK).id()).isEqualTo("m-1");

        // when
        JsonNode first = call(As.ADMIN, "POST", "/v1/members/m-1/trigger-link", null).json();
        JsonNode second = call(As.ADMIN, "POST", "/v1/members/m-1/trigger-link", null).json();

        // then
        String firstToken = first.get("token").asText();
        String secondToken = second.get("token").asText();
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("token", "url", "qrSvg", "introduced");
        assertThat(first.get("url").asText()).isEqualTo("https://huzhu.example/v1/triggers/" + firstToken);
        assertThat(first.get("qrSvg").asText()).as("the card's QR code, of this link").isEqualTo(QrSvg.of(
                first.get("url").asText()));
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(services.trigger().memberFor(secondToken).id()).isEqualTo("m-1");
        assertThatThrownBy(() -> services.trigger().memberFor(firstToken)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> services.trigger().memberFor(SEED_LINK)).isInstanceOf(NotFound.class);
    }

    @Test
    void printingTheCard_reprintsTheLinkTheFamilyHas_andTheirLinkKeepsWorking() throws Exception {
        // when the card is opened twice
        Reply first = call(As.OFFICER, "GET", "/v1/members/m-1/trigger-link", null);
        Reply second = call(As.ADMIN, "GET", "/v1/members/m-1/trigger-link", null);

        // then it shows the very link the family has, and that link still raises the alarm
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("token").asText()).isEqualTo(SEED_LINK);
        assertThat(second.json().get("url").asText()).isEqualTo("https://huzhu.example/v1/triggers/" + SEED_LINK);
        assertThat(first.json().get("introduced").asInt()).isZero();
        assertThat(services.trigger().memberFor(SEED_LINK).id()).isEqualTo("m-1");
        assertThat(sms.attempts()).filteredOn(a -> a.to().equals(FATHER)).noneMatch(a -> a.body().contains("/v1/triggers/"));
    }

    @Test
    void aNewLink_isTheAdminsSeparateAct_andTextsTheFamilyTheNewOne() throws Exception {
        // when
        JsonNode issued = call(As.ADMIN, "POST", "/v1/members/m-1/trigger-link", null).json();

        // then the family's old link is dead, and their phone has the new one
        assertThat(issued.get("introduced").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> services.trigger().memberFor(SEED_LINK)).isInstanceOf(NotFound.class);
        assertThat(sms.attempts()).filteredOn(a -> a.to().equals(FATHER))
                .anyMatch(a -> a.body().contains(issued.get("url").asText()));
        assertThat(call(As.OFFICER, "GET", "/v1/members/m-1/trigger-link", null).json().get("token").asText())
                .isEqualTo(issued.get("token").asText());
    }

    @Test
    void deletingAMember_alsoRetiresTheirLink() throws Exception {
        // given their incident is over
        services.dispatcher().resolve(INCIDENT, "已送医", null, "周干事");

        // when
        Reply reply = call(As.ADMIN, "DELETE", "/v1/members/m-1", null);

        // then
        assertThat(reply.status()).isEqualTo(204);
        assertThatThrownBy(() -> services.trigger().memberFor(SEED_LINK)).isInstanceOf(NotFound.class);
        assertThat(call(As.ADMIN, "GET", "/v1/members/m-1", null).status()).isEqualTo(404);
    }

    @Test
    void deletingSomeoneAnActiveIncidentNeeds_is409InChineseFirst_andKeepsThemAndTheirLink() throws Exception {
        // given
        Snapshot before = snapshot();
        String code = store.incidents().get(INCIDENT).orElseThrow().code();

        // when the member it is about, the neighbour it alerted, and the father's number are taken away
        Reply member = call(As.ADMIN, "DELETE", "/v1/members/m-1", null);
        Reply volunteer = call(As.ADMIN, "DELETE", "/v1/volunteers/v-1", null);
        Reply contact = call(As.ADMIN, "PUT", "/v1/members/m-1", SAME_MEMBER.replaceAll(",\\s*\"familyContacts\".*\\]", ""));

        // then
        for (Reply reply : List.of(member, volunteer, contact)) {
            assertThat(reply.status()).isEqualTo(409);
            JsonNode error = errorOf(reply);
            assertThat(error.get("code").asText()).isEqualTo("involved_in_incident");
            String message = error.get("message").asText();
            assertThat(message).contains(code).contains(" / ");
            assertThat(message.substring(0, message.indexOf(" / "))).contains("进行中");
        }
        assertThat(errorOf(member).get("message").asText()).startsWith("王建国");
        assertThat(errorOf(volunteer).get("message").asText()).startsWith("刘强");
        assertThat(errorOf(contact).get("message").asText()).startsWith("王德福");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(services.trigger().memberFor(SEED_LINK).id()).isEqualTo("m-1");
    }

    // ================================================================== reports

    @Test
    void summary_countsIncidentsByOutcome_withTimeToAcknowledge() throws Exception {
        // given the seeded incident taken by 刘强 95 s after it opened, then a false alarm, cancelled
        clock.set(Fixtures.T0.plusSeconds(95));
        services.dispatcher().respond(INCIDENT, "v-1", Action.ACCEPT);
        String falseAlarm = call(As.OFFICER, "POST", "/v1/incidents", "{\"memberId\":\"m-1\",\"type\":\"fire\"}")
                .json().get("id").asText();
        call(As.OFFICER, "POST", "/v1/incidents/" + falseAlarm + "/cancel", "{\"reason\":\"误报\"}");

        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/reports/summary", null);

        // then
        assertThat(reply.status()).isEqualTo(200);
        JsonNode summary = reply.json();
        assertThat(fieldNames(summary)).contains("incidents", "acknowledged", "escalated", "cancelled",
                "mttaSeconds", "byType");
        assertThat(summary.get("incidents").asInt()).isEqualTo(2);
        assertThat(summary.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(summary.get("escalated").asInt()).as("the false alarm went straight to the leaders: 刘强 was busy")
                .isEqualTo(1);
        assertThat(summary.get("cancelled").asInt()).isEqualTo(1);
        assertThat(fieldNames(summary.get("mttaSeconds"))).containsExactlyInAnyOrder("p50", "p90");
        assertThat(summary.get("mttaSeconds").get("p50").asLong()).isEqualTo(95);
        assertThat(summary.get("mttaSeconds").get("p90").asLong()).isEqualTo(95);
        assertThat(summary.get("byType").get("medical").asInt()).isEqualTo(1);
        assertThat(summary.get("byType").get("fire").asInt()).isEqualTo(1);
    }

    @Test
    void summary_overAPeriodWithoutIncidents_isAllZeros_withNoMtta() throws Exception {
        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/reports/summary?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z",
                null);

        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("incidents").asInt()).isZero();
        assertThat(reply.json().get("mttaSeconds").get("p50").isNull()).isTrue();
        assertThat(reply.json().get("byType").isObject()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from=last-week", "to=now"})
    void summary_withAnUnusablePeriod_is422(String query) throws Exception {
        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/reports/summary?" + query, null);

        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(errorOf(reply).get("fields").size()).isEqualTo(1);
    }

    @Test
    void coverage_listsMembersWithoutFamilyContacts_andHomesWithoutAnOnDutyVolunteer() throws Exception {
        // given a member in Shanghai with nobody to call and no volunteer nearby
        store.directory().members().insert(Fixtures.member("m-2").name("孙丽").home("上海市", "浦东新区").build());

        // when
        Reply reply = call(As.VIEWER, "GET", "/v1/reports/coverage", null);

        // then
        assertThat(reply.status()).isEqualTo(200);
        JsonNode coverage = reply.json();
        assertThat(fieldNames(coverage)).contains("membersWithoutFamilyContact", "membersWithoutVolunteer");
        assertThat(ids(coverage.get("membersWithoutFamilyContact"))).containsExactly("m-2");
        assertThat(ids(coverage.get("membersWithoutVolunteer"))).containsExactly("m-2");
        JsonNode gap = coverage.get("membersWithoutVolunteer").get(0);
        assertThat(gap.get("name").asText()).isEqualTo("孙丽");
        assertThat(gap.get("city").asText()).isEqualTo("上海市");
        assertThat(gap.get("district").asText()).isEqualTo("浦东新区");
    }

    // ================================================================== the console page

    @Test
    void consolePage_isServedWithoutClaims() {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-get-page.json");
        assertThat(event.getRequestContext().getAuthorizer()).isNull();

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(Bodies.text(response)).containsIgnoringCase("<html");
    }

    @Test
    void consolePage_asTheBytesLambdaHandsAStreamHandler_isThePageTheTypedHandlerAnswers() throws Exception {
        // given
        byte[] event = fixtureBytes("events/console-get-page.json");

        // when
        APIGatewayV2HTTPResponse streamed = streamed(event);

        // then
        APIGatewayV2HTTPResponse typed = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/console-get-page.json"), null);
        assertThat(streamed.getStatusCode()).isEqualTo(200);
        assertThat(streamed).usingRecursiveComparison().isEqualTo(typed);
    }

    @Test
    void createMember_asTheBytesLambdaHandsAStreamHandler_readsTheClaimsAndTheBody() throws Exception {
        // given the authorizer's flattened groups claim and the form's national phones, as bytes
        byte[] event = fixtureBytes("events/console-post-member-jwt.json");

        // when
        APIGatewayV2HTTPResponse response = streamed(event);

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode member = Json.mapper().readTree(Bodies.text(response));
        assertThat(member.get("phone").asText()).isEqualTo("+8613800138000");
        assertThat(store.directory().members().get(member.get("id").asText())).isPresent();
    }

    // ================================================================== helpers

    private byte[] fixtureBytes(String name) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** The handler as Lambda calls a stream handler; its answer read back by the runtime's own serializer. */
    private APIGatewayV2HTTPResponse streamed(byte[] event) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);
        return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, getClass().getClassLoader())
                .fromJson(answer.toString(StandardCharsets.UTF_8));
    }

    /** What a refusal must leave as it was. */
    private record Snapshot(Object members, Object volunteers, Object leaders, Object incidents,
            Optional<EscalationPolicy> policy, Object followUps, Optional<String> link, int sms) {
    }

    private Snapshot snapshot() {
        return new Snapshot(store.directory().members().all(), store.directory().volunteers().all(), store.directory().leaders().all(),
                store.incidents().list(IncidentQuery.ALL, PageRequest.first(200)).items(), store.settings().escalationPolicy(),
                store.followUps().list(StatusFilter.parse(FollowUpStatus.class, null), PageRequest.first(200)).items(),
                TriggerLinks.liveMemberOf(store.triggerTokens(), Hashes.sha256(SEED_LINK)), sms.attempts().size());
    }

    private Reply call(As as, String method, String pathAndQuery, String body) {
        return call(as, method, pathAndQuery, body, Map.of());
    }

    /** The fixture, retargeted the way API Gateway would send this request on the route it matches. */
    private Reply call(As as, String method, String pathAndQuery, String body, Map<String, String> headers) {
        return new ConsoleCalls(handler, ConsoleApiHandlerTest::routeTemplate).as(as, method, pathAndQuery, body, headers);
    }

    /** The template of the listed route {@code path} matches, if any. */
    private static String routeTemplate(String method, String path) {
        return ROUTES.stream().filter(r -> r.method().equals(method)
                && ConsoleCalls.pathParameters(r.template(), path) != null).map(RouteCase::template).findFirst().orElse(null);
    }


    private static JsonNode errorOf(Reply reply) throws Exception {
        return RouteByRole.contractError(reply);
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
