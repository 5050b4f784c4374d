package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.testing.MutableClock;
import huzhu.testing.Dynalite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's story with people texting the way people text, end to end against the running local stack: a
 * neighbour accepts with "好的，马上到"; a neighbour declines with "不好意思去不了" and the other gives an ETA; the
 * family cancels by SMS. Time is a clock the test holds (2026-11-20 20:00 in Beijing).
 */
class EverydayRepliesStoryIT {
    private static final String ADMIN = "story-admin-token-0002";
    private static final String MEMBER = "+8613911120001";
    private static final String FATHER = "+8613911120002";
    private static final String NEIGHBOUR_A = "+8613911120011";
    private static final String NEIGHBOUR_B = "+8613911120012";
    private static final String OFFICER = "+8613911120021";
    private static final String STRANGERS_TEXT = "紧急求助请发送";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private LocalStack stack;
    private LocalApi api;
    private Dynalite dynalite;

    @AfterEach
    void stop() {
        if (stack != null) stack.close();
        if (dynalite != null) dynalite.close();
    }

    static Stream<String> stores() {
        return Stream.of("embedded", "dynamodb");
    }

    @ParameterizedTest(name = "store: {0}")
    @MethodSource("stores")
    void aNeighbourAcceptsInEverydayWords_andTheFamilyIsToldWhoIsComing(String storeMode) {
        // given
        String code = theFatherTextsForHelp(storeMode);

        // when
        api.sms(NEIGHBOUR_A, "好的，马上到");

        // then
        JsonNode incident = api.onlyIncident("active");
        assertThat(incident.get("status").asText()).isEqualTo("acknowledged");
        assertThat(incident.get("responders").get(0).get("name").asText()).isEqualTo("刘强");
        assertThat(api.outboxTo(NEIGHBOUR_A)).last().asString().contains(code, "回复2")
                .doesNotContain(STRANGERS_TEXT);
        assertThat(api.outboxTo(FATHER)).last().asString().contains("刘强", NEIGHBOUR_A);
        assertThat(api.outboxTo(MEMBER)).last().asString().contains("刘强");
        assertThat(api.outboxTo(NEIGHBOUR_B)).last().asString().contains(code, "无需前往");
    }

    @ParameterizedTest(name = "store: {0}")
    @MethodSource("stores")
    void aNeighbourDeclinesInEverydayWords_theOtherGivesAnEta_andTheFamilyHearsWhenToExpectThem(String storeMode) {
        // given
        String code = theFatherTextsForHelp(storeMode);

        // when
        api.sms(NEIGHBOUR_A, "不好意思去不了");
        api.sms(NEIGHBOUR_B, "在哪？");
        api.sms(NEIGHBOUR_B, "收到，10分钟到");

        // then
        JsonNode incident = api.onlyIncident("active");
        assertThat(incident.get("alerts")).anySatisfy(a -> {
            assertThat(a.get("to").asText()).isEqualTo(NEIGHBOUR_A);
            assertThat(a.get("status").asText()).isEqualTo("declined");
        });
        assertThat(api.outboxTo(NEIGHBOUR_A)).last().asString().contains(code, "无法前往");
        assertThat(api.outboxTo(NEIGHBOUR_B)).anySatisfy(b -> assertThat(b).contains("回复1接单" + code));
        assertThat(incident.get("responders").get(0).get("name").asText()).isEqualTo("赵敏");
        assertThat(incident.get("responders").get(0).get("expectedAt").asText()).isEqualTo("2026-11-20T12:10:00Z");
        assertThat(api.outboxTo(FATHER)).last().asString().contains("赵敏", "10分钟", "20:10", code);
        assertThat(incident.get("timeline")).anySatisfy(e -> assertThat(e.get("text").asText()).contains("在哪？"));
    }

    @ParameterizedTest(name = "store: {0}")
    @MethodSource("stores")
    void theFamilyCancelsBySms_andEveryoneAlertedIsStoodDown(String storeMode) {
        // given
        String code = theFatherTextsForHelp(storeMode);
        api.sms(NEIGHBOUR_A, "马上到");

        // when
        api.sms(FATHER, "不用了，已经去医院了");
        assertThat(api.outboxTo(FATHER)).last().asString().contains("取消" + code);
        assertThat(api.onlyIncident("active").get("status").asText()).isEqualTo("acknowledged");
        api.sms(FATHER, "取消" + code);

        // then
        JsonNode incident = api.get("/v1/incidents?status=all").json().get("items").get(0);
        assertThat(incident.get("status").asText()).isEqualTo("cancelled");
        assertThat(incident.get("outcome").asText()).contains("已经去医院了");
        assertThat(api.outboxTo(NEIGHBOUR_A)).last().asString().contains(code, "已取消", "无需前往");
        assertThat(api.outboxTo(FATHER)).last().asString().contains(code, "已取消");
        assertThat(api.outboxTo(MEMBER)).last().asString().contains(code, "取消");
        assertThat(api.get("/v1/incidents?status=active").json().get("items")).isEmpty();
    }

    /** The union registers, the father texts for help; both neighbours are alerted. Returns the incident's code. */
    private String theFatherTextsForHelp(String storeMode) {
        // a DynamoDB of its own: the local stack's table name is the same in every story of this JVM
        if (storeMode.equals("dynamodb")) dynalite = Dynalite.start();
        stack = StoryStack.start(dataDir, ADMIN, clock,
                dynalite == null ? Map.of() : Map.of("HUZHU_DYNAMODB_ENDPOINT", dynalite.endpoint().toString()));
        api = new LocalApi(stack.baseUrl(), ADMIN);
        api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", "13911120021", "title", "工会干事", "level", 1));
        api.expect(201, "/v1/volunteers", volunteer("刘强", "13911120011"));
        api.expect(201, "/v1/volunteers", volunteer("赵敏", "13911120012"));
        api.expect(201, "/v1/members", Map.of(
                "name", "王建国", "phone", "13911120001", "unit", "销售分公司（上海）",
                "homeArea", Map.of("city", "唐山市", "district", "路北区"),
                "homeAddress", "唐山市路北区新华道 88 号 3 栋 502",
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", "13911120002"))));
        api.sms(FATHER, "救命 老伴胸口疼");
        String code = api.onlyIncident("active").get("code").asText();
        assertThat(api.outboxTo(NEIGHBOUR_A)).singleElement().asString().contains(code);
        assertThat(api.outboxTo(NEIGHBOUR_B)).singleElement().asString().contains(code);
        assertThat(api.outboxTo(OFFICER)).isEmpty();
        return code;
    }

    private static Map<String, Object> volunteer(String name, String phone) {
        return Map.of("name", name, "phone", phone, "area", Map.of("city", "唐山市", "district", "路北区"),
                "skills", List.of("first-aid"), "onDuty", true);
    }
}
