package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.testing.MutableClock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story again (StoryIT), over HTTP against the running local stack, with every line the stack logs read
 * as it is written: no line may hold any of the story's phone numbers, in any spelling, nor anything shaped
 * like a full phone number, nor any address the story used — masked phones (+86139****0001) are what logs
 * carry, addresses never.
 */
class StoryLogsIT {
    private static final String ADMIN = "story-logs-admin-token-01";
    private static final String HOME = "武汉市江汉区新华路 88 号 3 栋 502";
    private static final String STATION = "汉口火车站东广场 2 号门";
    private static final String IN_THE_SMS = "武汉市江汉区新华路88号";
    private static final List<String> PHONES = List.of("+8613911110001", "+8613911110002", "+8613911110011",
            "+8613911110012", "+8613911110021", "+8613911110022", "+8613911110099");

    @TempDir
    Path dataDir;

    @Test
    void theWholeStory_logsNoPhoneNumberAndNoAddress() {
        LogScan logs = LogScan.of(PHONES, List.of(HOME, STATION, IN_THE_SMS, "新华路"));
        PrintStream stdout = System.out;
        System.setOut(logs);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
        try (LocalStack stack = StoryStack.start(dataDir, ADMIN, clock)) {
            LocalApi api = new LocalApi(stack.baseUrl(), ADMIN);
            LocalApi anyone = new LocalApi(stack.baseUrl(), null);

            // the union
            api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", "13911110021", "title", "工会干事", "level", 1));
            api.expect(201, "/v1/leaders", Map.of("name", "陈主席", "phone", "139 1111 0022", "title", "工会主席", "level", 2));
            api.expect(201, "/v1/volunteers", Map.of("name", "刘强", "phone", "13911110011",
                    "area", Map.of("city", "武汉市", "district", "江汉区"), "onDuty", true));
            api.expect(201, "/v1/volunteers", Map.of("name", "赵敏", "phone", "+86 139-1111-0012",
                    "area", Map.of("city", "武汉市", "district", "江汉区"), "onDuty", true));
            JsonNode member = api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911110001",
                    "homeArea", Map.of("city", "武汉市", "district", "江汉区"), "homeAddress", HOME,
                    "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", "13911110002"))));
            assertThat(api.post("/v1/members", Map.of("name", "重复", "phone", "13911110001",
                    "homeArea", Map.of("city", "武汉市", "district", "江汉区"))).status()).isEqualTo(409);

            // the father texts, with the address in his words; the neighbours are alerted; one opens the link
            api.sms("13911110002", "救命 老伴胸口疼 " + IN_THE_SMS);
            String alert = api.outboxTo("+8613911110011").get(0);
            String ackPath = alert.substring(alert.indexOf("/v1/acks/")).split("\\s")[0];
            assertThat(anyone.get(ackPath).status()).isEqualTo(200);
            assertThat(anyone.get("/v1/acks/K99AAAAAAAAAA").status()).isEqualTo(404);

            // nobody answers: the officer is reached; then a neighbour accepts by the link, arrives by SMS
            clock.advance(Duration.ofSeconds(181));
            api.post("/local/escalation/run", null);
            assertThat(anyone.post(ackPath, Map.of("action", "accept")).status()).isEqualTo(200);
            api.sms("13911110011", "２");
            api.sms("13911110002", "我在楼下等 " + IN_THE_SMS);

            // a stranger asks for help; an unknown word from another stranger; a volunteer opts out
            api.sms("13911110099", "求助 " + STATION + " 有人晕倒");
            api.sms("+8613911110088", "你好");
            api.sms("13911110012", "退订");

            // the officer reads and resolves; the personal link raises another with a location
            JsonNode incidents = api.get("/v1/incidents?status=all").json().get("items");
            for (JsonNode i : incidents) api.get("/v1/incidents/" + i.get("id").asText());
            String id = incidents.get(incidents.size() - 1).get("id").asText();
            api.expect(200, "/v1/incidents/" + id + "/resolve", Map.of("outcome", "已送医", "notes", "送至" + STATION));
            JsonNode link = api.expect(200, "/v1/members/" + member.get("id").asText() + "/trigger-link", null);
            String triggerPath = link.get("url").asText().substring(stack.baseUrl().length());
            assertThat(anyone.post(triggerPath, Map.of("message", "父亲又晕倒了", "reporterPhone", "13911110002",
                    "location", Map.of("address", STATION, "lat", 30.62, "lon", 114.26))).status()).isEqualTo(201);
            assertThat(anyone.post(triggerPath, Map.of("reporterPhone", "12345")).status()).isEqualTo(422);
            assertThat(anyone.get("/local/sms/outbox?to=13911110002").status()).isEqualTo(200);
            api.get("/v1/reports/summary");
            api.get("/v1/reports/coverage");
        } finally {
            System.setOut(stdout);
        }

        // then
        assertThat(logs.jsonLines()).as("the stack logged the story").isGreaterThan(30);
        assertThat(logs.leaks()).isEmpty();
    }
}
