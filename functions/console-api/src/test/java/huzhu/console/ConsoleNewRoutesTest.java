package huzhu.console;

import static huzhu.console.Bodies.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.NewIncident;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.console.ConsoleCalls.Reply;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import huzhu.testing.PageSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console routes beyond the directory and incidents (who am I, roster imports, the audit log, the console's files)
 * and the filters it adds to the old ones, each as every kind of caller, fed AWS-shaped events.
 */
class ConsoleNewRoutesTest {
    private static final String MEMBER_PHONE = Fixtures.phone(1);
    private static final String FATHER = Fixtures.phone(2);

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, new RecordingMessenger(), EscalationTimer.NONE, clock,
            new SequentialIds(5), new ServiceConfig("https://huzhu.example", null));
    private ConsoleApiHandler handler = new ConsoleApiHandler(services);

    @BeforeEach
    void aSmallUnion() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(MEMBER_PHONE).home("武汉市", "江汉区")
                .family("王德福", "父亲", FATHER).build());
        store.directory().members().insert(Fixtures.member("m-2").name("李娜").home("杭州", "西湖区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("刘强").phone(Fixtures.phone(11))
                .area("武汉市", "江汉区").build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-2").name("赵敏").phone(Fixtures.phone(12))
                .area("武汉市", "江汉区").onDuty(false).build());
        services.dispatcher().open(new NewIncident("inc-1", "m-1", IncidentType.MEDICAL, "老伴胸口疼", null,
                new Reporter(FATHER, "王德福", Channel.SMS, true), Language.ZH_CN));
        store.followUps().insert(Fixtures.followUp("f-1").incident("inc-1", "m-1").visitors("周干事").build());
        clock.advance(Duration.ofSeconds(30));
    }

    // ================================================================== route × role

    record RouteCase(String method, String path, String body, String contentType, Access access, int success)
            implements RouteByRole.Route {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<RouteCase> NEW_ROUTES = List.of(
            new RouteCase("GET", "/v1/me", null, null, Access.READ, 200),
            new RouteCase("POST", "/v1/members/import", "姓名,手机号,城市\n张三,13800138000,武汉市\n", "text/csv",
                    Access.ADMIN, 200),
            new RouteCase("POST", "/v1/volunteers/import", "{\"csv\":\"name,phone,city\\nTom,13800138005,Wuhan\"}",
                    "application/json", Access.ADMIN, 200),
            new RouteCase("GET", "/v1/audit", null, null, Access.ADMIN, 200),
            new RouteCase("GET", "/v1/members?query=王", null, null, Access.READ, 200),
            new RouteCase("GET", "/v1/volunteers?query=江汉&onDuty=true", null, null, Access.READ, 200),
            new RouteCase("GET", "/v1/leaders?query=主席", null, null, Access.READ, 200),
            new RouteCase("PUT", "/v1/followups/f-1",
                    "{\"kind\":\"visit\",\"doneDate\":\"2026-03-03\",\"visitors\":[\"周干事\"]}", "application/json",
                    Access.OPERATE, 200),
            new RouteCase("GET", "/console/app.js", null, null, Access.PUBLIC, 200),
            new RouteCase("GET", "/console/console.css", null, null, Access.PUBLIC, 200));

    /** The searches of the directory and the audit entry each leaves: action, kind, how many, what was asked. */
    static final Map<String, String> PERSONAL_READS = Map.of(
            "GET /v1/members?query=王", "search member 1 query=王",
            "GET /v1/volunteers?query=江汉&onDuty=true", "search volunteer 1 query=江汉",
            "GET /v1/leaders?query=主席", "search leader 0 query=主席");

    static Stream<Arguments> everyNewRouteAsEveryCaller() {
        return RouteByRole.asEveryCaller(NEW_ROUTES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyNewRouteAsEveryCaller")
    void everyNewRoute_answersEachCallerByRole_andARefusalChangesNothing(RouteCase route, As as) throws Exception {
        // given
        int members = store.directory().members().all().size();
        int volunteers = store.directory().volunteers().all().size();
        int audit = auditSize();
        var followUp = store.followUps().get("f-1");

        // when
        Reply reply = call(as, route.method(), route.path(), route.body(), route.contentType());

        // then
        RouteByRole.assertAnswersByRole(route, as, reply, store, PERSONAL_READS, audit);
        if (route.access().allows(as)) return;
        assertThat(store.directory().members().all()).hasSize(members);
        assertThat(store.directory().volunteers().all()).hasSize(volunteers);
        assertThat(auditSize()).isEqualTo(audit);
        assertThat(store.followUps().get("f-1")).isEqualTo(followUp);
    }

    // ================================================================== who am I

    @Test
    void me_tellsThePageWhoIsSignedIn_withTheirRoles() throws Exception {
        // when
        Reply reply = call(As.OFFICER, "GET", "/v1/me", null, null);

        // then
        assertThat(reply.json().get("name").asText()).isEqualTo("wang.fang@union.example");
        assertThat(reply.json().get("id").asText()).isEqualTo("8c1e5a2b-7d3f-4e6a-9b0c-1d2e3f4a5b6c");
        assertThat(reply.json().get("roles")).extracting(JsonNode::asText).containsExactly("officer");
    }

    // ================================================================== roster import

    @Test
    void importMembers_fromATextCsvBody_thatApiGatewayBase64Encoded_storesEveryRow() throws Exception {
        // given the fixture: a UTF-8 CSV with Excel's byte order mark, CRLF, a numbered family column
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-import-members-csv-base64.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).as(Bodies.text(response)).isEqualTo(200);
        JsonNode report = Json.mapper().readTree(Bodies.text(response));
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("problems")).isEmpty();
        var li = store.directory().members().byPhone("+8613800138000").orElseThrow();
        assertThat(li.familyContacts()).singleElement().satisfies(c -> {
            assertThat(c.relation()).isEqualTo("母亲");
            assertThat(c.phone()).isEqualTo("+8613800138001");
        });
        assertThat(store.directory().members().byPhone("+8613800138002")).isPresent();
    }

    @Test
    void importMembers_withBadRows_is422_namingEachRowAndField_andImportsNothing() throws Exception {
        // given rows 3 and 4 of the sheet are wrong
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-import-members-csv-bad-rows.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        JsonNode error = Json.mapper().readTree(Bodies.text(response)).get("error");
        assertThat(error.get("code").asText()).isEqualTo("validation_failed");
        assertThat(fieldNames(error.get("fields"))).containsExactlyInAnyOrder(
                "rows[3].phone", "rows[4].name", "rows[4].homeArea.city", "rows[4].familyContacts[0].phone");
        assertThat(error.get("fields").get("rows[3].phone").asText()).contains("手机号格式不正确");
        assertThat(store.directory().members().all()).hasSize(2);
    }

    @Test
    void importMembers_withSkipInvalid_importsTheGoodRows_andReportsTheBadInPeoplesWords() throws Exception {
        // given
        String csv = "姓名,手机号,城市\n张三,13800138000,武汉市\n李四,12345,武汉市\n王五,13800000001,武汉市\n";

        // when
        Reply reply = call(As.ADMIN, "POST", "/v1/members/import?skipInvalid=true", csv, "text/csv");

        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("imported").asInt()).isEqualTo(1);
        assertThat(reply.json().get("skipped").asInt()).isEqualTo(2);
        JsonNode problems = reply.json().get("problems");
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("fields").get("phone").asText()).contains("手机号格式不正确");
        assertThat(problems.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(problems.get(1).get("fields").get("phone").asText()).contains("该手机号已登记");
        assertThat(store.directory().members().byPhone("+8613800138000")).isPresent();
    }

    @Test
    void importVolunteers_asJson_readsTheCsvField() throws Exception {
        // when
        Reply reply = call(As.ADMIN, "POST", "/v1/volunteers/import",
                "{\"csv\": \"姓名,手机号,城市,区县,是否值班\\n孙伟,13800138009,武汉市,武昌区,否\"}", "application/json");

        // then
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(store.directory().volunteers().byPhone("+8613800138009").orElseThrow().onDuty()).isFalse();
    }

    @Test
    void import_withoutTheRequiredColumns_orWithABadFlag_is422() throws Exception {
        // when
        Reply columns = call(As.ADMIN, "POST", "/v1/members/import", "姓名,备注\n张三,x\n", "text/csv");
        Reply flag = call(As.ADMIN, "POST", "/v1/members/import?skipInvalid=maybe", "姓名,手机号,城市\n张三,13800138000,武汉市\n",
                "text/csv");
        Reply empty = call(As.ADMIN, "POST", "/v1/volunteers/import", "{\"csv\": \"\"}", "application/json");

        // then
        assertThat(columns.status()).isEqualTo(422);
        assertThat(fieldNames(error(columns).get("fields"))).containsExactlyInAnyOrder("columns.phone", "columns.city");
        assertThat(flag.status()).isEqualTo(422);
        assertThat(fieldNames(error(flag).get("fields"))).containsExactly("skipInvalid");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(fieldNames(error(empty).get("fields"))).containsExactly("csv");
        assertThat(store.directory().members().all()).hasSize(2);
    }

    // ================================================================== audit

    @Test
    void theAuditLog_recordsWhoDidWhatThroughTheApi_newestFirst_withoutPhones() throws Exception {
        // given
        call(As.ADMIN, "POST", "/v1/members", "{\"name\":\"张三\",\"phone\":\"13800138000\",\"homeArea\":{\"city\":\"武汉市\"}}",
                "application/json");
        clock.advance(Duration.ofSeconds(5));
        call(As.OFFICER, "POST", "/v1/incidents/inc-1/acknowledge", null, null);
        clock.advance(Duration.ofSeconds(5));
        call(As.VIEWER, "GET", "/v1/members/m-1", null, null);

        // when
        Reply reply = call(As.ADMIN, "GET", "/v1/audit", null, null);

        // then
        assertThat(reply.status()).isEqualTo(200);
        JsonNode items = reply.json().get("items");
        assertThat(items).extracting(i -> i.get("action").asText() + " " + i.get("targetKind").asText())
                .containsExactly("view member", "acknowledge incident", "create member");
        assertThat(items).extracting(i -> i.get("actorName").asText()).containsOnly("wang.fang@union.example");
        assertThat(items.get(1).get("targetLabel").asText()).isEqualTo(store.incidents().get("inc-1").orElseThrow().code());
        assertThat(reply.body()).doesNotContain("13800138000", "+86");
        assertThat(reply.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theAuditLog_isReadByTimeRange_andRefusesAnEmptyOrMalformedRange() throws Exception {
        // given an entry at T0+30s and one at T0+1h30s
        call(As.ADMIN, "POST", "/v1/members/m-1/trigger-link", null, null);
        clock.advance(Duration.ofHours(1));
        call(As.ADMIN, "DELETE", "/v1/members/m-2", null, null);

        // when
        Reply lastHour = call(As.ADMIN, "GET", "/v1/audit?from=" + Fixtures.T0.plusSeconds(60), null, null);
        Reply empty = call(As.ADMIN, "GET", "/v1/audit?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", null, null);
        Reply malformed = call(As.ADMIN, "GET", "/v1/audit?to=yesterday", null, null);

        // then
        assertThat(lastHour.json().get("items")).extracting(i -> i.get("action").asText()).containsExactly("delete");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(fieldNames(error(empty).get("fields"))).containsExactly("from");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(fieldNames(error(malformed).get("fields"))).containsExactly("to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void theAuditLog_cannotBeWrittenThroughTheApi(String method) throws Exception {
        // given
        call(As.ADMIN, "POST", "/v1/members/m-1/trigger-link", null, null);
        int before = auditSize();

        // when
        Reply reply = call(As.ADMIN, method, "/v1/audit",
                "{\"actorName\":\"nobody\",\"action\":\"delete\",\"targetKind\":\"member\"}", "application/json");

        // then
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET");
        assertThat(auditSize()).isEqualTo(before);
    }

    // ================================================================== filters

    @Test
    void directoryLists_filterByFreeText_onNamesAndPhones() throws Exception {
        // when
        Reply byName = call(As.VIEWER, "GET", "/v1/members?query=建国", null, null);
        Reply byFamilyPhone = call(As.VIEWER, "GET", "/v1/members?query=" + FATHER.substring(3), null, null);
        Reply offDuty = call(As.VIEWER, "GET", "/v1/volunteers?onDuty=false", null, null);
        Reply nobody = call(As.VIEWER, "GET", "/v1/volunteers?query=上海", null, null);

        // then
        assertThat(ids(byName)).containsExactly("m-1");
        assertThat(ids(byFamilyPhone)).containsExactly("m-1");
        assertThat(ids(offDuty)).containsExactly("v-2");
        assertThat(ids(nobody)).isEmpty();
    }

    @Test
    void badFilters_are422_namingTheParameter() throws Exception {
        // when
        Reply duty = call(As.VIEWER, "GET", "/v1/volunteers?onDuty=sometimes", null, null);
        Reply query = call(As.VIEWER, "GET", "/v1/members?query=" + "王".repeat(51), null, null);
        Reply range = call(As.VIEWER, "GET", "/v1/incidents?from=2026-03-02T00:00:00Z&to=2026-03-02T00:00:00Z", null,
                null);

        // then
        assertThat(fieldNames(error(duty).get("fields"))).containsExactly("onDuty");
        assertThat(fieldNames(error(query).get("fields"))).containsExactly("query");
        assertThat(fieldNames(error(range).get("fields"))).containsExactly("from");
    }

    // ================================================================== follow-ups

    @Test
    void aPlannedVisit_isMarkedDone_keepingItsIncidentAndMember_andTheAuditNamesTheChangedFields() throws Exception {
        // when
        Reply reply = call(As.OFFICER, "PUT", "/v1/followups/f-1",
                "{\"kind\":\"visit\",\"dueDate\":\"2026-03-09\",\"doneDate\":\"2026-03-08\",\"status\":\"done\","
                        + "\"visitors\":[\"周干事\",\"陈主席\"],\"amount\":500}", "application/json");

        // then
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("done");
        assertThat(reply.json().get("incidentId").asText()).isEqualTo("inc-1");
        var stored = store.followUps().get("f-1").orElseThrow();
        assertThat(stored.doneDate()).hasToString("2026-03-08");
        assertThat(stored.createdAt()).isEqualTo(Fixtures.T0);
        var entry = store.audit().list(null, null, PageRequest.first(1)).items().get(0);
        assertThat(entry.action()).isEqualTo("update");
        assertThat(entry.fields()).containsExactly("doneDate", "visitors", "amount", "status");
    }

    @Test
    void updatingAFollowUp_thatDoesNotExist_is404_andABadOne_is422() throws Exception {
        // when
        Reply missing = call(As.ADMIN, "PUT", "/v1/followups/nope", "{\"kind\":\"visit\"}", "application/json");
        Reply bad = call(As.ADMIN, "PUT", "/v1/followups/f-1", "{\"kind\":\"party\",\"doneDate\":\"yesterday\"}",
                "application/json");

        // then
        assertThat(missing.status()).isEqualTo(404);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fieldNames(error(bad).get("fields"))).containsExactlyInAnyOrder("kind", "doneDate");
        assertThat(store.followUps().get("f-1").orElseThrow().status().wire()).isEqualTo("planned");
    }

    // ================================================================== reports

    @Test
    void reports_carryTheEscalationRate_theMonths_andTheVolunteersWhoOptedOut() throws Exception {
        // given
        store.directory().volunteers().update(store.directory().volunteers().get("v-2").orElseThrow().optedOut(Fixtures.T0));

        // when
        JsonNode summary = call(As.VIEWER, "GET", "/v1/reports/summary?from=2026-01-01T00:00:00Z", null, null).json();
        JsonNode coverage = call(As.VIEWER, "GET", "/v1/reports/coverage", null, null).json();

        // then
        assertThat(summary.get("escalationRate").asDouble()).isZero();
        assertThat(summary.get("months")).extracting(m -> m.get("key").asText())
                .containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(summary.get("types").get(0).get("key").asText()).isEqualTo("medical");
        assertThat(coverage.get("volunteersOptedOut")).singleElement()
                .satisfies(v -> assertThat(v.get("name").asText()).isEqualTo("赵敏"));
    }

    // ================================================================== the console page and its files

    @Test
    void consolePage_isPublic_withAStrictContentSecurityPolicy_andTokenSignInLocally() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Bodies.header(response, "Content-Type")).startsWith("text/html");
        assertThat(Bodies.header(response, "Content-Security-Policy")).contains("script-src 'self'")
                .contains("connect-src 'self';").doesNotContain("unsafe-inline");
        String html = Bodies.text(response);
        assertThat(html).contains("<html lang=\"zh-CN\">").contains("<script type=\"module\" src=\"/console/app.js\">")
                .contains("<link rel=\"modulepreload\" href=\"/console/lib/pkce.js\">")
                .contains("&quot;signIn&quot;:&quot;token&quot;").doesNotContain("<script>").doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void consolePage_andItsFiles_rememberHttps_andThePageCannotBeFramedOrLeakItsAddress() throws Exception {
        // given
        APIGatewayV2HTTPEvent page = EventLoader.loadApiGatewayHttpEvent("events/console-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(page, null);

        // then
        assertThat(Bodies.header(response, "Strict-Transport-Security")).isEqualTo(PageSecurity.HSTS);
        assertThat(Bodies.header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Bodies.header(response, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(Bodies.header(response, "Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("object-src 'none'").contains("base-uri 'none'");
    }

    @Test
    void consolePage_inAws_carriesTheUserPoolForCognitoSignIn_andMayCallCognitoOnly() throws Exception {
        // given the function configured as template.yaml does
        handler = new ConsoleApiHandler(services, new ConsoleSettings("cn-north-1_AbCdEf123", "client123"));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(Bodies.text(response)).contains("&quot;signIn&quot;:&quot;cognito&quot;")
                .contains("&quot;userPoolId&quot;:&quot;cn-north-1_AbCdEf123&quot;")
                .contains("&quot;clientId&quot;:&quot;client123&quot;")
                .contains("https://cognito-idp.cn-north-1.amazonaws.com.cn/");
        assertThat(Bodies.header(response, "Content-Security-Policy"))
                .contains("connect-src 'self' https://cognito-idp.cn-north-1.amazonaws.com.cn/;");
    }

    @Test
    void consolePage_onANamedStage_pointsItsFilesAndApiUnderTheStage() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-get-page.json");
        event.getRequestContext().setStage("prod");
        event.setRawPath("/prod/console");
        event.getRequestContext().getHttp().setPath("/prod/console");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        assertThat(Bodies.text(response)).contains("src=\"/prod/console/app.js\"")
                .contains("href=\"/prod/console/screens/board.js\"").doesNotContain("\"/console/")
                .contains("&quot;base&quot;:&quot;/prod&quot;");
    }

    @Test
    void consoleFiles_areServedWithTheirTypes_andNothingElseIs() throws Exception {
        // when
        Reply js = call(As.NO_CLAIMS, "GET", "/console/screens/board.js", null, null);
        Reply css = call(As.NO_CLAIMS, "GET", "/console/console.css", null, null);
        Reply dict = call(As.NO_CLAIMS, "GET", "/console/texts/zh-CN.js", null, null);
        Reply unknown = call(As.NO_CLAIMS, "GET", "/console/secrets.txt", null, null);
        Reply traversal = call(As.NO_CLAIMS, "GET", "/console/../huzhu/console/app.js", null, null);
        Reply classFile = call(As.NO_CLAIMS, "GET", "/console/ConsoleApiHandler.class", null, null);

        // then
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(js.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(dict.body()).contains("工会应急互助控制台");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(traversal.status()).isEqualTo(404);
        assertThat(classFile.status()).isEqualTo(404);
    }

    // ================================================================== plumbing

    private int auditSize() {
        return RouteByRole.auditEntries(store).size();
    }

    /** The JWT fixture, retargeted the way API Gateway's $default route would send this request. */
    private Reply call(As as, String method, String pathAndQuery, String body, String contentType) {
        return new ConsoleCalls(handler).as(as, method, pathAndQuery, body,
                contentType == null ? Map.of() : Map.of("content-type", contentType));
    }

    private static JsonNode error(Reply reply) throws Exception {
        JsonNode error = reply.json().get("error");
        assertThat(error).as(reply.body()).isNotNull();
        return error;
    }

    private static List<String> ids(Reply reply) throws Exception {
        List<String> out = new ArrayList<>();
        reply.json().get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }
}
