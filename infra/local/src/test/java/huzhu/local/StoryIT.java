package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.testing.MutableClock;
import huzhu.testing.Dynalite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's story, end to end, against the running local stack over HTTP: a member works in Shanghai,
 * his father at home texts for help, the neighbours are alerted, nobody answers, the union officer is
 * reached, a volunteer takes it, the family is told who is coming, the officer closes it and plans a
 * visit; then the member's personal link, and a restart that loses nothing. Time is a clock the test
 * moves, so the escalation deadline passes without waiting.
 */
class StoryIT {
    private static final String ADMIN = "story-admin-token-0001";
    private static final String MEMBER = "+8613911110001";
    private static final String FATHER = "+8613911110002";
    private static final String NEIGHBOUR_A = "+8613911110011";
    private static final String NEIGHBOUR_B = "+8613911110012";
    private static final String OTHER_DISTRICT = "+8613911110013";
    private static final String OFF_DUTY = "+8613911110014";
    private static final String OTHER_CITY = "+8613911110015";
    private static final String OFFICER = "+8613911110021";
    private static final String CHAIR = "+8613911110022";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private LocalStack stack;
    private String dynamodbEndpoint;

    @AfterEach
    void stop() {
        if (stack != null) stack.close();
    }

    /** The embedded store, and the DynamoDB adapter the functions use in AWS (on dynalite). */
    static Stream<String> stores() {
        return Stream.of("embedded", "dynamodb");
    }

    @ParameterizedTest(name = "store: {0}")
    @MethodSource("stores")
    void theSeedsStory_fromTheFathersSms_toTheCareVisit_andThroughARestart(String storeMode) {
        dynamodbEndpoint = storeMode.equals("dynamodb") ? Dynalite.shared().endpoint().toString() : null;
        stack = start();
        LocalApi api = new LocalApi(stack.baseUrl(), ADMIN);

        // 1. an officer registers the union: two leaders, five volunteers, the member and his father
        api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", "13911110021", "title", "工会干事", "level", 1));
        api.expect(201, "/v1/leaders", Map.of("name", "陈主席", "phone", "13911110022", "title", "工会主席", "level", 2));
        api.expect(201, "/v1/volunteers", volunteer("刘强", "13911110011", "武汉市", "江汉区", true));
        api.expect(201, "/v1/volunteers", volunteer("赵敏", "139 1111 0012", "武汉市", "江汉区", true));
        api.expect(201, "/v1/volunteers", volunteer("孙伟", "13911110013", "武汉市", "武昌区", true));
        api.expect(201, "/v1/volunteers", volunteer("钱勇", "13911110014", "武汉市", "江汉区", false));
        api.expect(201, "/v1/volunteers", volunteer("吴芳", "13911110015", "上海市", "浦东新区", true));
        JsonNode member = api.expect(201, "/v1/members", Map.of(
                "name", "王建国", "phone", "13911110001", "unit", "销售分公司（上海）",
                "homeArea", Map.of("city", "武汉市", "district", "江汉区"),
                "homeAddress", "武汉市江汉区新华路 88 号 3 栋 502",
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", "13911110002"))));
        assertThat(member.get("phone").asText()).isEqualTo(MEMBER);
        assertThat(member.get("familyContacts").get(0).get("phone").asText()).isEqualTo(FATHER);
        // registering him introduced the service to the father: whose family, the number, 120 first
        assertThat(api.outboxTo(FATHER)).singleElement().asString().contains("王建国").contains("120");

        // 2. the father texts; at once he has the code and the 120 reminder, and only the two neighbours are alerted
        api.sms(FATHER, "救命 老伴胸口疼");
        JsonNode incident = api.onlyIncident("active");
        String code = incident.get("code").asText();
        assertThat(incident.get("status").asText()).isEqualTo("open");
        assertThat(incident.get("reporter").get("verified").asBoolean()).isTrue();
        assertThat(api.outboxTo(FATHER)).hasSize(2).last().asString().contains(code).contains("120");
        assertThat(api.outboxTo(NEIGHBOUR_A)).singleElement().asString().contains(code).contains("/v1/acks/");
        assertThat(api.outboxTo(NEIGHBOUR_B)).singleElement().asString().contains(code).contains("/v1/acks/");
        for (String nobody : List.of(OTHER_DISTRICT, OFF_DUTY, OTHER_CITY, OFFICER, CHAIR)) {
            assertThat(api.outboxTo(nobody)).as("SMS to %s", nobody).isEmpty();
        }
        assertThat(api.outboxTo(MEMBER)).singleElement().asString().contains(code);

        // the ack link in the SMS opens a page for that neighbour
        String alert = api.outboxTo(NEIGHBOUR_A).get(0);
        String ackPath = alert.substring(alert.indexOf("/v1/acks/")).split("\\s")[0];
        LocalApi.Reply page = new LocalApi(stack.baseUrl(), null).get(ackPath);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(code).contains("新华路");

        // 3. nobody answers: after the level-0 timeout the check reaches the officer, not yet the chair
        clock.advance(Duration.ofSeconds(179));
        assertThat(api.post("/local/escalation/run", null).json().get("escalated").asInt()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(api.post("/local/escalation/run", null).json().get("escalated").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/incidents/" + incident.get("id").asText()).json().get("level").asInt()).isEqualTo(1);
        assertThat(api.outboxTo(OFFICER)).singleElement().asString().contains(code);
        assertThat(api.outboxTo(CHAIR)).isEmpty();

        // 4. a neighbour replies "1": the family and the member far away learn who is coming, the other stands down
        clock.advance(Duration.ofSeconds(10));
        api.sms(NEIGHBOUR_A, "1");
        JsonNode taken = api.get("/v1/incidents/" + incident.get("id").asText()).json();
        assertThat(taken.get("status").asText()).isEqualTo("acknowledged");
        assertThat(taken.get("responders").get(0).get("name").asText()).isEqualTo("刘强");
        assertThat(api.outboxTo(FATHER)).last().asString().contains("刘强").contains(NEIGHBOUR_A);
        assertThat(api.outboxTo(MEMBER)).last().asString().contains("刘强").contains(NEIGHBOUR_A);
        assertThat(api.outboxTo(NEIGHBOUR_B)).last().asString().contains(code).contains("无需前往");
        // the union's work group saw the request opened, escalated and taken: a code and a district, nobody in it
        assertThat(api.groupPosts(LocalGroups.WORK_GROUP)).containsExactly(
                "【互助】求助 " + code + "（江汉区）已发起",
                "【互助】求助 " + code + "（江汉区）已升级至第 1 级",
                "【互助】求助 " + code + "（江汉区）已由队员接单，用时 3 分钟");
        assertThat(api.groupPosts(LocalGroups.WORK_GROUP)).noneSatisfy(line -> assertThat(line)
                .containsAnyOf("王建国", "王德福", "刘强", "新华路", "88 号", "13911110"));
        assertThat(api.groupPosts(LocalGroups.LEADERS_GROUP)).singleElement().asString()
                .contains("请第 1 级领导关注", code, "江汉区").doesNotContain("王建国");
        clock.advance(Duration.ofHours(1));
        assertThat(api.post("/local/escalation/run", null).json().get("escalated").asInt()).isZero();
        assertThat(api.outboxTo(CHAIR)).isEmpty();
        api.sms(NEIGHBOUR_A, "２");
        JsonNode arrived = api.get("/v1/incidents/" + incident.get("id").asText()).json();
        assertThat(arrived.get("responders").get(0).get("arrivedAt").isNull()).isFalse();
        assertThat(arrived.get("level").asInt()).isEqualTo(1);

        // 5. the officer resolves it and plans a care visit; the summary counts it with its time to acknowledgement
        JsonNode resolved = api.expect(200, "/v1/incidents/" + incident.get("id").asText() + "/resolve",
                Map.of("outcome", "已送医，情况稳定", "notes", "刘强陪同送至市中心医院"));
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        JsonNode visit = api.expect(201, "/v1/incidents/" + incident.get("id").asText() + "/followups",
                Map.of("kind", "visit", "dueDate", "2026-11-27", "visitors", List.of("周干事", "陈主席"),
                        "notes", "慰问老人，带去慰问金"));
        assertThat(visit.get("status").asText()).isEqualTo("planned");
        JsonNode summary = api.get("/v1/reports/summary").json();
        assertThat(summary.get("incidents").asInt()).isEqualTo(1);
        assertThat(summary.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(summary.get("escalated").asInt()).isEqualTo(1);
        assertThat(summary.get("mttaSeconds").get("p50").asLong()).isEqualTo(191);
        assertThat(summary.get("byType").get("medical").asInt()).isEqualTo(1);

        // 6. the member's personal link opens a second incident, once per Idempotency-Key and once while it is under way
        JsonNode link = api.expect(200, "/v1/members/" + member.get("id").asText() + "/trigger-link", null);
        String triggerPath = link.get("url").asText().substring(stack.baseUrl().length());
        LocalApi family = new LocalApi(stack.baseUrl(), null);
        LocalApi.Reply first = family.post(triggerPath, Map.of("message", "父亲头晕"), Map.of("Idempotency-Key", "k-1"));
        LocalApi.Reply again = family.post(triggerPath, Map.of("message", "父亲头晕"), Map.of("Idempotency-Key", "k-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("reply").asText()).contains("120");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("incidentId")).isEqualTo(first.json().get("incidentId"));
        // the page opened again and pressed again while it is under way: the same emergency, nobody alerted again
        LocalApi.Reply pressedAgain = family.post(triggerPath, Map.of("message", "父亲又晕了"),
                Map.of("Idempotency-Key", "k-2"));
        assertThat(pressedAgain.status()).isEqualTo(201);
        assertThat(pressedAgain.json().get("incidentId")).isEqualTo(first.json().get("incidentId"));
        assertThat(pressedAgain.json().get("reply").asText()).contains("正在处理", "已转告", "120");
        assertThat(family.post("/v1/triggers/no-such-token", Map.of()).status()).isEqualTo(404);
        LocalApi.Reply malformed = family.post(triggerPath, "{\"message\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").get("code").asText()).isEqualTo("malformed_json");
        assertThat(api.get("/v1/incidents?status=all").json().get("items")).hasSize(2);

        // 7. a restart on the same data dir keeps both incidents
        stack.close();
        stack = start();
        LocalApi afterRestart = new LocalApi(stack.baseUrl(), ADMIN);
        JsonNode all = afterRestart.get("/v1/incidents?status=all").json().get("items");
        assertThat(all).hasSize(2);
        assertThat(afterRestart.get("/v1/incidents/" + incident.get("id").asText()).json().get("status").asText())
                .isEqualTo("resolved");
        assertThat(afterRestart.outboxTo(FATHER)).isNotEmpty();
    }

    private LocalStack start() {
        return StoryStack.start(dataDir, ADMIN, clock,
                dynamodbEndpoint == null ? Map.of() : Map.of("HUZHU_DYNAMODB_ENDPOINT", dynamodbEndpoint));
    }

    private static Map<String, Object> volunteer(String name, String phone, String city, String district,
            boolean onDuty) {
        return Map.of("name", name, "phone", phone, "area", Map.of("city", city, "district", district),
                "skills", List.of("first-aid"), "onDuty", onDuty);
    }
}
