package huzhu.console;

import static huzhu.console.Bodies.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.ApplicationService.ApplicationInput;
import huzhu.core.care.ApplicationService.StepInput;
import huzhu.core.care.ApplicationStatus;
import huzhu.core.care.CareConfig;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.care.NoticeDrafts.AudienceInput;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.console.ConsoleCalls.Reply;
import huzhu.core.testing.SequentialIds;
import huzhu.testing.PageSecurity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The care routes — family introductions, notices and their public page, assistance applications, their
 * report — as every kind of caller, fed the JWT event API Gateway hands the function; and what each answers.
 */
class CareRoutesTest {
    private static final String FATHER = Fixtures.phone(2);
    private static final String MOTHER = Fixtures.phone(3);
    private static final Actor ZHOU = new Actor("sub-9", "周干事");
    private static final Actor LI = new Actor("sub-8", "李委员");
    private static final Actor CHEN = new Actor("sub-7", "陈主席");

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, sms, LeaderAnnouncements.NONE, EscalationTimer.NONE,
            clock, new SequentialIds(7), new ServiceConfig("https://huzhu.example", null),
            new Services.Care(CareConfig.DEFAULTS, NoticeBroadcast.NONE, clock::advance));
    private final ConsoleCalls api = new ConsoleCalls(new ConsoleApiHandler(services));
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void aUnion_withANoticeDraftedOneSent_andApplicationsAtEveryStep() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(Fixtures.phone(1)).unit("第一分会")
                .family("王德福", "父亲", FATHER).family("李秀英", "母亲", MOTHER).build());
        store.directory().members().insert(Fixtures.member("m-2").name("李娜").phone(Fixtures.phone(4)).build());
        var notices = services.notices();
        ids.put("{draft}", notices.create(new NoticeInput("端午慰问", "工会将发放端午慰问品。",
                new AudienceInput("all-members", null), null), ZHOU).notice().id());
        String sent = notices.create(new NoticeInput("夏季安全提醒", "高温天气注意防暑。", new AudienceInput("family-contacts",
                null), null), ZHOU).notice().id();
        notices.sendNow(sent, ZHOU);
        services.campaigns().runDue();
        services.inboundSms().handle(new huzhu.core.incident.InboundSmsService.InboundSms(FATHER, "+8610690000",
                "收到，谢谢", "in-1", null));
        ids.put("{sent}", sent);
        var apps = services.applications();
        ApplicationInput medical = new ApplicationInput("m-1", "medical", "住院费用", new BigDecimal("5000"), List.of());
        ids.put("{submitted}", apps.create(medical, ZHOU).id());
        String reviewed = apps.create(medical, ZHOU).id();
        apps.review(reviewed, null, LI);
        ids.put("{reviewed}", reviewed);
        String approved = apps.create(medical, ZHOU).id();
        apps.review(approved, null, LI);
        apps.approve(approved, new StepInput(null, new BigDecimal("3000")), CHEN);
        ids.put("{approved}", approved);
        sms.clear();
        clock.advance(Duration.ofMinutes(1));
    }

    // ================================================================== route × role

    record RouteCase(String method, String path, String body, Access access, int success) implements RouteByRole.Route {
        @Override
        public String toString() {
            return method + " " + path + (body != null && body.contains("rotateLink") ? " (rotate)" : "");
        }
    }

    private static final String NOTICE = """
            {"title":"工会活动","text":"周六上午体检。\\n请带身份证。","audience":{"kind":"unit","unit":"第一分会"}}""";
    private static final String APPLICATION = """
            {"memberId":"m-1","kind":"hardship","reason":"家庭困难","amountRequested":2000,
             "documents":["困难证明 1 份"]}""";

    static final List<RouteCase> ROUTES = List.of(
            new RouteCase("POST", "/v1/members/introductions", "{}", Access.OPERATE, 202),
            new RouteCase("POST", "/v1/members/m-1/introductions", null, Access.OPERATE, 200),
            new RouteCase("POST", "/v1/members/m-1/introductions", "{\"rotateLink\":true}", Access.ADMIN, 200),
            new RouteCase("GET", "/v1/members/m-1", null, Access.READ, 200),
            new RouteCase("POST", "/v1/notices", NOTICE, Access.OPERATE, 201),
            new RouteCase("GET", "/v1/notices", null, Access.READ, 200),
            new RouteCase("POST", "/v1/notices/preview", NOTICE, Access.OPERATE, 200),
            new RouteCase("GET", "/v1/notices/{draft}", null, Access.READ, 200),
            new RouteCase("PUT", "/v1/notices/{draft}", NOTICE, Access.OPERATE, 200),
            new RouteCase("POST", "/v1/notices/{draft}/send", null, Access.OPERATE, 200),
            new RouteCase("POST", "/v1/notices/{draft}/cancel", null, Access.OPERATE, 200),
            new RouteCase("GET", "/v1/notices/{sent}/deliveries", null, Access.READ, 200),
            new RouteCase("GET", "/v1/notices/{sent}/replies", null, Access.READ, 200),
            new RouteCase("GET", "/v1/notices/{sent}/page", null, Access.PUBLIC, 200),
            new RouteCase("POST", "/v1/applications", APPLICATION, Access.OPERATE, 201),
            new RouteCase("GET", "/v1/applications", null, Access.READ, 200),
            new RouteCase("GET", "/v1/applications/{submitted}", null, Access.READ, 200),
            new RouteCase("PUT", "/v1/applications/{submitted}", APPLICATION, Access.OPERATE, 200),
            new RouteCase("POST", "/v1/applications/{submitted}/review", "{\"note\":\"情况属实\"}", Access.OPERATE, 200),
            new RouteCase("POST", "/v1/applications/{reviewed}/approve", "{\"amount\":4000}", Access.OPERATE, 200),
            new RouteCase("POST", "/v1/applications/{reviewed}/reject", "{\"note\":\"不符合条件\"}", Access.OPERATE, 200),
            new RouteCase("POST", "/v1/applications/{approved}/pay", null, Access.OPERATE, 200),
            new RouteCase("GET", "/v1/reports/applications", null, Access.READ, 200),
            new RouteCase("GET", "/v1/reports/coverage", null, Access.READ, 200));

    /**
     * Every route that reads personal data, and the audit entry one read leaves: action, kind of record, how many
     * ({@code *}: not checked). Every other read leaves none.
     */
    static final Map<String, String> PERSONAL_READS = Map.of(
            "GET /v1/members/m-1", "view member 1",
            "GET /v1/notices/{sent}/deliveries", "list delivery 2",
            "GET /v1/notices/{sent}/replies", "list notice-reply 1",
            "GET /v1/applications", "list application 3",
            "GET /v1/applications/{submitted}", "view application 1",
            "GET /v1/reports/coverage", "list coverage *");

    static Stream<Arguments> everyRouteAsEveryCaller() {
        return RouteByRole.asEveryCaller(ROUTES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAsEveryCaller")
    void everyRoute_answersEachCallerByRole_andARefusalChangesNothing(RouteCase route, As as) throws Exception {
        // given
        Snapshot before = snapshot();

        // when
        Reply reply = call(as, route.method(), route.path(), route.body());

        // then
        RouteByRole.assertAnswersByRole(route, as, reply, store, PERSONAL_READS, before.audit());
        if (!route.access().allows(as)) assertThat(snapshot()).as("a refusal changes nothing").isEqualTo(before);
    }

    static Stream<RouteCase> routesWithABody() {
        return ROUTES.stream().filter(r -> r.body() != null && !r.body().equals("{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesWithABody")
    void everyRouteWithABody_answersMalformedJsonWith400_andChangesNothing(RouteCase route) throws Exception {
        // given
        Snapshot before = snapshot();

        // when
        Reply reply = call(As.ADMIN, route.method(), route.path(), "{\"title\": \"李");

        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(RouteByRole.contractError(reply).get("code").asText()).isEqualTo("malformed_json");
        assertThat(snapshot()).isEqualTo(before);
    }

    // ================================================================== introductions

    @Test
    void introducingAMembersFamily_answersEachContactsStatus_andTheMembersViewShowsIt() throws Exception {
        // when
        Reply reply = call(As.OFFICER, "POST", "/v1/members/m-1/introductions", null);
        JsonNode member = call(As.VIEWER, "GET", "/v1/members/m-1", null).json();

        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("items")).hasSize(2);
        assertThat(reply.json().get("items").get(0).get("status").asText()).isEqualTo("sent");
        assertThat(reply.json().get("items").get(0).get("linkIncluded").asBoolean()).isTrue();
        assertThat(member.get("name").asText()).isEqualTo("王建国");
        assertThat(member.get("familyContacts")).hasSize(2);
        assertThat(member.get("introductions")).hasSize(2);
        assertThat(member.get("introductions").get(0).get("phone").asText()).isEqualTo(FATHER);
        assertThat(sms.bodiesTo(FATHER)).singleElement().satisfies(b -> assertThat(b).contains("王建国", "120"));
    }

    @Test
    void anOfficerAskingToRotateTheLink_isRefused_andNothingIsSent() throws Exception {
        // when
        Reply reply = call(As.OFFICER, "POST", "/v1/members/m-1/introductions", "{\"rotateLink\":true}");

        // then
        assertThat(reply.status()).isEqualTo(403);
        assertThat(sms.attempts()).isEmpty();
    }

    @Test
    void introducingAMemberWithoutFamily_is409_inBothLanguages() throws Exception {
        // when
        Reply reply = call(As.OFFICER, "POST", "/v1/members/m-2/introductions", null);

        // then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error().get("code").asText()).isEqualTo("no_family_contact");
        assertThat(reply.error().get("message").asText()).contains("没有登记家属联系人", "no family contact");
    }

    @Test
    void introducingEveryFamily_queuesThoseNotReached_sendsWhatFitsInTheRequest_andCoverageCountsThem() throws Exception {
        // when
        Reply reply = call(As.ADMIN, "POST", "/v1/members/introductions", null);
        JsonNode coverage = call(As.VIEWER, "GET", "/v1/reports/coverage", null).json();

        // then
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("contacts").asInt()).isEqualTo(2);
        assertThat(reply.json().get("queued").asInt()).isEqualTo(2);
        assertThat(reply.json().get("sentNow").get("sent").asInt()).isEqualTo(2);
        JsonNode reach = coverage.get("familyReach");
        assertThat(reach.get("families").asInt()).isEqualTo(1);
        assertThat(reach.get("familiesReached").asInt()).isEqualTo(1);
        assertThat(reach.get("contactsReached").asInt()).isEqualTo(2);
    }

    // ================================================================== notices

    @Test
    void aNoticeSentFromTheConsole_goesOut_andShowsItsProgressAndDeliveries() throws Exception {
        // when
        Reply sent = call(As.OFFICER, "POST", "/v1/notices/" + ids.get("{draft}") + "/send", null);
        JsonNode notice = call(As.VIEWER, "GET", "/v1/notices/" + ids.get("{draft}"), null).json();
        JsonNode deliveries = call(As.VIEWER, "GET", "/v1/notices/" + ids.get("{draft}") + "/deliveries", null).json();

        // then
        assertThat(sent.status()).isEqualTo(200);
        assertThat(notice.get("status").asText()).isEqualTo("sent");
        assertThat(notice.get("title").asText()).isEqualTo("端午慰问");
        assertThat(notice.get("audience").get("kind").asText()).isEqualTo("all-members");
        assertThat(notice.get("progress").get("sent").asInt()).isEqualTo(2);
        assertThat(notice.get("progress").get("pending").asInt()).isZero();
        assertThat(notice.get("pageUrl").asText()).isEqualTo("https://huzhu.example/v1/notices/" + ids.get("{draft}")
                + "/page");
        assertThat(deliveries.get("items")).hasSize(2);
        assertThat(deliveries.get("items").get(0).get("status").asText()).isEqualTo("sent");
        assertThat(sms.sent()).hasSize(2);
    }

    @Test
    void aReplyToANotice_isInItsThread() throws Exception {
        // when
        JsonNode replies = call(As.VIEWER, "GET", "/v1/notices/" + ids.get("{sent}") + "/replies", null).json();

        // then
        assertThat(replies.get("items")).singleElement().satisfies(r -> {
            assertThat(r.get("text").asText()).isEqualTo("收到，谢谢");
            assertThat(r.get("name").asText()).isEqualTo("王德福");
            assertThat(r.get("kind").asText()).isEqualTo("family");
        });
    }

    @Test
    void anInvalidNotice_is422_namingEachField() throws Exception {
        // when
        Reply reply = call(As.OFFICER, "POST", "/v1/notices", "{\"title\":\"\",\"audience\":{\"kind\":\"everyone\"},"
                + "\"scheduledAt\":\"2020-01-01T00:00:00Z\"}");

        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(fieldNames(reply.error().get("fields"))).containsExactlyInAnyOrder("title", "text", "audience.kind",
                "scheduledAt");
    }

    @Test
    void sendingANoticeTwice_is409() throws Exception {
        // given
        call(As.OFFICER, "POST", "/v1/notices/" + ids.get("{draft}") + "/send", null);

        // when
        Reply again = call(As.OFFICER, "POST", "/v1/notices/" + ids.get("{draft}") + "/send", null);

        // then
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error().get("code").asText()).isEqualTo("notice_already_sending");
    }

    @Test
    void thePublicNoticePage_showsTheNoticeEscaped_inTheReadersLanguage_andADraftIsNotFound() throws Exception {
        // given a sent notice whose text holds markup
        String id = services.notices().create(new NoticeInput("<b>通知</b>", "第一行\n<script>alert(1)</script>",
                new AudienceInput("leaders", null), null), ZHOU).notice().id();
        services.notices().sendNow(id, ZHOU);

        // when
        Reply page = call(As.NO_CLAIMS, "GET", "/v1/notices/" + id + "/page", null);
        Reply english = call(As.NO_CLAIMS, "GET", "/v1/notices/" + id + "/page", null, Map.of("accept-language", "en-GB"));
        Reply draft = call(As.NO_CLAIMS, "GET", "/v1/notices/" + ids.get("{draft}") + "/page", null,
                Map.of("accept", "text/html"));

        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("工会通知", "&lt;b&gt;通知&lt;/b&gt;", "第一行\n&lt;script&gt;", "120")
                .doesNotContain("<script>");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(english.body()).contains("Union notice", "lang=\"en\"");
        assertThat(draft.status()).isEqualTo(404);
        assertThat(draft.body()).contains("找不到该通知");
    }

    @Test
    void thePublicNoticePage_forbidsFramingAndReferrers_andRunsOnlyItsOwnInlineStyle() {
        // given a sent notice
        String id = services.notices().create(new NoticeInput("停水通知", "明天上午停水", new AudienceInput("leaders", null),
                null), ZHOU).notice().id();
        services.notices().sendNow(id, ZHOU);

        // when
        Reply page = call(As.NO_CLAIMS, "GET", "/v1/notices/" + id + "/page", null);

        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<style>");
        assertThat(PageSecurity.problems(page.headers(), page.body())).isEmpty();
    }

    // ================================================================== applications

    @Test
    void aStepOutOfOrder_is409_withABilingualMessage_andChangesNothing() throws Exception {
        // given
        String id = ids.get("{submitted}");
        JsonNode before = call(As.VIEWER, "GET", "/v1/applications/" + id, null).json();

        // when
        Reply reply = call(As.OFFICER, "POST", "/v1/applications/" + id + "/pay", null);

        // then
        assertThat(reply.status()).isEqualTo(409);
        JsonNode error = reply.error();
        assertThat(error.get("code").asText()).isEqualTo("application_transition");
        assertThat(error.get("message").asText()).contains("只有已批准、尚未发放的申请可以发放", " / ",
                "Only an approved application");
        assertThat(call(As.VIEWER, "GET", "/v1/applications/" + id, null).json()).isEqualTo(before);
    }

    @Test
    void anOfficerWhoSubmittedAndReviewed_cannotApproveAlone_is403InChineseFirst_butAnAdminCan() throws Exception {
        // given an officer who recorded and reviewed an application
        String id = call(As.OFFICER, "POST", "/v1/applications", APPLICATION).json().get("id").asText();
        call(As.OFFICER, "POST", "/v1/applications/" + id + "/review", null);
        Snapshot before = snapshot();

        // when the same officer approves it
        Reply alone = call(As.OFFICER, "POST", "/v1/applications/" + id + "/approve", "{\"amount\":2000}");

        // then
        assertThat(alone.status()).isEqualTo(403);
        assertThat(alone.error().get("code").asText()).isEqualTo("four_eyes");
        assertThat(alone.error().get("message").asText()).startsWith("帮扶款须经两人之手").contains(" / Money needs a second");
        assertThat(snapshot()).isEqualTo(before);

        // and an admin signed in as the same person may, which the audit log records
        Reply admin = call(As.ADMIN, "POST", "/v1/applications/" + id + "/approve", "{\"amount\":2000}");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(store.audit().list(null, null, PageRequest.first(1)).items()).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("four-eyes-waived"));
    }

    @Test
    void anApplicationsSteps_showWhoAndWhen_andTheReportSumsThemByMonth() throws Exception {
        // when
        Reply paid = call(As.OFFICER, "POST", "/v1/applications/" + ids.get("{approved}") + "/pay",
                "{\"note\":\"银行转账\"}");
        JsonNode report = call(As.VIEWER, "GET", "/v1/reports/applications", null).json();
        JsonNode list = call(As.VIEWER, "GET", "/v1/applications?memberId=m-1&status=paid", null).json();

        // then
        JsonNode steps = paid.json().get("steps");
        assertThat(paid.json().get("status").asText()).isEqualTo("paid");
        assertThat(steps).hasSize(4);
        assertThat(steps.get(3).get("actorName").asText()).isEqualTo("wang.fang@union.example");
        assertThat(steps.get(3).get("at").asText()).isEqualTo(Fixtures.T0.plusSeconds(60).toString());
        assertThat(steps.get(3).get("amount").decimalValue()).isEqualByComparingTo("3000");
        assertThat(report.get("total").get("paidAmount").decimalValue()).isEqualByComparingTo("3000");
        assertThat(report.get("total").get("submitted").asInt()).isEqualTo(3);
        assertThat(report.get("months").get(report.get("months").size() - 1).get("month").asText()).isEqualTo("2026-03");
        assertThat(list.get("items")).hasSize(1);
    }

    @Test
    void openingAnApplication_isRecordedInTheAuditLog_asAView() throws Exception {
        // when
        call(As.VIEWER, "GET", "/v1/applications/" + ids.get("{submitted}"), null);

        // then
        assertThat(store.audit().list(null, null, PageRequest.first(1)).items()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("view");
            assertThat(e.targetKind()).isEqualTo("application");
            assertThat(e.targetLabel()).isEqualTo("王建国");
            assertThat(e.actorName()).isEqualTo("wang.fang@union.example");
        });
    }

    @Test
    void unknownNoticesAndApplications_are404() throws Exception {
        for (String path : List.of("/v1/notices/nope", "/v1/applications/nope", "/v1/notices/nope/deliveries")) {
            Reply reply = call(As.VIEWER, "GET", path, null);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.error().get("code").asText()).isEqualTo("not_found");
        }
    }

    // ================================================================== plumbing

    /** What a refusal must leave as it was. */
    private record Snapshot(Object notices, Object applications, Object introductions, int sms, int audit,
            boolean tokenOfM1) {
    }

    private Snapshot snapshot() {
        return new Snapshot(store.notices().list(PageRequest.first(200)).items(),
                store.applications().list(StatusFilter.parse(ApplicationStatus.class, null), PageRequest.first(200)).items(), store.introductions().all(), sms.attempts().size(),
                RouteByRole.auditEntries(store).size(), store.triggerTokens().has("m-1"));
    }

    private Reply call(As as, String method, String pathAndQuery, String body) {
        return call(as, method, pathAndQuery, body, Map.of());
    }

    /** The JWT fixture as API Gateway's $default route sends it, with the ids the union was given in place. */
    private Reply call(As as, String method, String pathAndQuery, String body, Map<String, String> headers) {
        for (Map.Entry<String, String> id : ids.entrySet()) pathAndQuery = pathAndQuery.replace(id.getKey(), id.getValue());
        return api.as(as, method, pathAndQuery, body, headers);
    }
}
