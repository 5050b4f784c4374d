package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.testing.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad night in one district, end to end over HTTP: a hundred families of 路北区 text for help within one minute
 * (coal gas on a cold night), the district's three volunteers say "1" to every alert they get, the escalation runs
 * every minute for an hour, the volunteers finish and take the next, the officers close what is left, and a calm
 * quarter of an hour ends the surge. The clock is the test's: nothing waits.
 * <p>
 * The bounds: every family has its receipt with its own code; a leader gets one summary per level per ten minutes
 * (HUZHU_SURGE_SUMMARY_SECONDS) and the officers one more when the surge ends, never an SMS per incident; a volunteer
 * gets the alerts of the five incidents before the surge began (HUZHU_SURGE_INCIDENTS), then only one offer per free
 * place, at most one follow-up per alert (stand down, closed) and one answer per reply of their own: at most
 * 2 × (5 + incidents taken) + their replies; nobody ever holds more than {@code maxActive}.
 */
class SurgeStoryIT {
    private static final String ADMIN = "surge-story-admin-token";
    private static final String OFFICER = "+8613911120001";
    private static final String CHAIR = "+8613911120002";
    /** Volunteers' phones and their maxActive: two near neighbours who take one at a time, one who takes two. */
    private static final Map<String, Integer> VOLUNTEERS = new LinkedHashMap<>(Map.of(
            "+8613911120011", 1, "+8613911120012", 1, "+8613911120013", 2));
    private static final int FAMILIES = 100;
    private static final int THRESHOLD = 5;
    private static final Duration SUMMARY = Duration.ofMinutes(10);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-20T14:00:00Z"));
    private LocalStack stack;
    private LocalApi api;
    private final Map<String, Integer> repliesSent = new HashMap<>();
    private final Map<String, Integer> mostHeld = new HashMap<>();

    @AfterEach
    void stop() {
        if (stack != null) stack.close();
    }

    @Test
    void aHundredFamiliesOfOneDistrictInAMinute_areEachStoredAndAnswered_whilePhonesGetBoundedSms_andCalmEndsIt() {
        // given: the officer (level 1), the chair (level 2), three volunteers and a hundred members of 路北区
        stack = StoryStack.start(dataDir, ADMIN, clock);
        api = new LocalApi(stack.baseUrl(), ADMIN);
        assertThat(api.put("/v1/escalation-policy", Map.of("levels", List.of(
                Map.of("level", 0, "notify", "nearby-volunteers", "maxRecipients", 5, "timeoutSeconds", 60),
                Map.of("level", 1, "notify", "leaders", "leaderLevel", 1, "timeoutSeconds", 120),
                Map.of("level", 2, "notify", "leaders", "leaderLevel", 2, "timeoutSeconds", 240, "repeat", 3))))
                .status()).isEqualTo(200);
        api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", OFFICER, "title", "值班干事", "level", 1));
        api.expect(201, "/v1/leaders", Map.of("name", "陈主席", "phone", CHAIR, "title", "工会主席", "level", 2));
        int n = 0;
        for (Map.Entry<String, Integer> v : VOLUNTEERS.entrySet()) {
            n++;
            api.expect(201, "/v1/volunteers", Map.of("name", "队员" + n, "phone", v.getKey(), "onDuty", true,
                    "maxActive", v.getValue(), "area", Map.of("city", "唐山市", "district", "路北区"),
                    "location", Map.of("lat", 39.63 + n * 0.01, "lon", 118.18)));
        }
        Map<String, String> familyOf = new LinkedHashMap<>();
        for (int m = 1; m <= FAMILIES; m++) {
            JsonNode member = api.expect(201, "/v1/members", Map.of("name", "会员" + m, "phone", phone(3000 + m),
                    "homeArea", Map.of("city", "唐山市", "district", "路北区"), "homeAddress", "路北区幸福里" + m + "号",
                    "location", Map.of("lat", 39.60 + m * 0.001, "lon", 118.15),
                    "familyContacts", List.of(Map.of("name", "家属" + m, "relation", "父亲", "phone", phone(5000 + m)))));
            familyOf.put(phone(5000 + m), member.get("id").asText());
        }
        int sentBefore = outbox().size(); // the families' introductions at registration

        // when: a hundred families text within a minute
        Instant callsBegan = clock.instant();
        for (String family : familyOf.keySet()) {
            api.sms(family, "救命 家里煤气中毒 老人昏迷");
            clock.advance(Duration.ofMillis(600));
        }
        // and: every volunteer says "1" to every alert they got, however many
        answerEveryAlert(sentBefore);
        Instant surgeBegan = clock.instant();
        // and: an hour of minute sweeps; half-way, the volunteers finish what they hold and take what they are offered
        for (int minute = 1; minute <= 60; minute++) {
            clock.advance(Duration.ofMinutes(1));
            run();
            if (minute == 30) {
                for (String v : VOLUNTEERS.keySet()) finishAll(v);
            }
            if (minute >= 30) answerEveryAlert(sentBefore);
            checkHolds();
        }
        // and: the officers close what is left, and the district is quiet for a quarter of an hour
        for (JsonNode i : incidents("active")) {
            assertThat(api.expect(200, "/v1/incidents/" + i.get("id").asText() + "/resolve",
                    Map.of("outcome", "已处理", "notes", "值班干事电话确认")).get("status").asText()).isEqualTo("resolved");
        }
        boolean onBeforeCalm = !api.get("/v1/surges").json().get("items").isEmpty();
        for (int minute = 1; minute <= 15; minute++) {
            clock.advance(Duration.ofMinutes(1));
            run();
        }
        Duration surgeLasted = Duration.between(surgeBegan, clock.instant());

        // then: every incident stored, on its own record, and every family answered with its own code at once
        List<JsonNode> all = incidents("all");
        assertThat(all).hasSize(FAMILIES);
        Map<String, JsonNode> byMember = new HashMap<>();
        all.forEach(i -> byMember.put(i.get("memberId").asText(), i));
        List<JsonNode> sent = outbox().subList(sentBefore, outbox().size());
        for (Map.Entry<String, String> family : familyOf.entrySet()) {
            JsonNode incident = byMember.get(family.getValue());
            assertThat(incident).as("incident of %s", family.getValue()).isNotNull();
            JsonNode first = sent.stream().filter(s -> s.get("to").asText().equals(family.getKey())).findFirst()
                    .orElseThrow();
            assertThat(first.get("template").asText()).isEqualTo("receipt");
            assertThat(first.get("body").asText()).contains(incident.get("code").asText()).contains("120");
            JsonNode full = api.get("/v1/incidents/" + incident.get("id").asText()).json();
            assertThat(kinds(full)).containsAnyOf("surge", "surge-started");
        }
        assertThat(all.stream().filter(i -> kinds(api.get("/v1/incidents/" + i.get("id").asText()).json())
                .contains("surge-started"))).hasSize(1);

        Map<String, Long> perPhone = new LinkedHashMap<>();
        for (String p : List.of(OFFICER, CHAIR)) perPhone.put(p, (long) templates(sent, p).size());
        for (String p : VOLUNTEERS.keySet()) perPhone.put(p, (long) templates(sent, p).size());
        System.out.printf("surge story: %d incidents, surge of %d min; SMS per phone %s; replies %s; most held %s%n",
                all.size(), surgeLasted.toMinutes(), perPhone, repliesSent, mostHeld);

        // the leaders: summaries only, one per level per interval, and the officers' end of the surge
        long intervals = surgeLasted.toMinutes() / SUMMARY.toMinutes() + 1;
        assertThat(templates(sent, OFFICER)).containsOnly("surge.summary", "surge.ended")
                .hasSizeLessThanOrEqualTo((int) intervals + 1).endsWith("surge.ended");
        assertThat(templates(sent, CHAIR)).containsOnly("surge.summary").hasSizeLessThanOrEqualTo((int) intervals)
                .isNotEmpty();

        // the volunteers: the alerts from before the surge, then one offer per free place and answers to their replies
        for (Map.Entry<String, Integer> v : VOLUNTEERS.entrySet()) {
            List<String> theirs = templates(sent, v.getKey());
            long alerts = theirs.stream().filter(t -> t.startsWith("alert")).count();
            long took = theirs.stream().filter(t -> t.startsWith("accepted.responder")).count();
            assertThat(alerts).as("alerts to %s", v.getKey()).isLessThanOrEqualTo(THRESHOLD + took);
            // each alert or offer is followed by at most one more (stand down, closed), each reply by one answer
            assertThat(theirs).as("SMS to %s", v.getKey())
                    .hasSizeLessThanOrEqualTo(2 * (int) alerts + repliesSent.getOrDefault(v.getKey(), 0));
            assertThat(theirs).as("SMS to %s", v.getKey()).hasSizeLessThan(FAMILIES / 4);
            assertThat(mostHeld.getOrDefault(v.getKey(), 0)).as("most held by %s", v.getKey())
                    .isPositive().isLessThanOrEqualTo(v.getValue());
        }
        assertThat(sent.stream().filter(s -> s.get("template").asText().equals("atCapacity"))).isNotEmpty();

        // and: the calm quarter of an hour ended the surge, on the audit log and for the officer
        assertThat(onBeforeCalm).isTrue();
        assertThat(api.get("/v1/surges").json().get("items")).isEmpty();
        assertThat(auditActionsSince(callsBegan)).contains("surge-start", "surge-end");
    }

    private void run() {
        assertThat(api.post("/local/escalation/run", null).status()).isEqualTo(200);
    }

    /** Each volunteer answers "1" with the code of every alert or offer they got since {@code from} and not yet answered. */
    private final Set<String> answered = new HashSet<>();

    private void answerEveryAlert(int from) {
        List<JsonNode> sent = outbox();
        for (JsonNode sms : sent.subList(from, sent.size())) {
            String to = sms.get("to").asText();
            if (!VOLUNTEERS.containsKey(to) || !sms.get("template").asText().startsWith("alert")) continue;
            if (!answered.add(sms.get("messageId").asText())) continue;
            api.sms(to, "1 " + sms.get("variables").get("code").asText());
            repliesSent.merge(to, 1, Integer::sum);
        }
    }

    /** The volunteer says done to everything they hold. */
    private void finishAll(String volunteerPhone) {
        for (JsonNode i : incidents("active")) {
            for (JsonNode r : i.get("responders")) {
                if (r.get("phone").asText().equals(volunteerPhone)) {
                    api.sms(volunteerPhone, "9 " + i.get("code").asText());
                    repliesSent.merge(volunteerPhone, 1, Integer::sum);
                }
            }
        }
    }

    /** Nobody holds more than their maxActive, at every minute. */
    private void checkHolds() {
        Map<String, Integer> held = new HashMap<>();
        for (JsonNode i : incidents("active")) {
            for (JsonNode r : i.get("responders")) held.merge(r.get("phone").asText(), 1, Integer::sum);
        }
        held.forEach((phone, count) -> {
            assertThat(count).as("held by %s", phone).isLessThanOrEqualTo(VOLUNTEERS.get(phone));
            mostHeld.merge(phone, count, Math::max);
        });
    }

    private List<JsonNode> incidents(String status) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/v1/incidents?status=" + status + "&limit=200").json().get("items").forEach(out::add);
        return out;
    }

    private List<String> auditActionsSince(Instant from) {
        List<String> actions = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/v1/audit?limit=200&from=" + from + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).json();
            page.get("items").forEach(a -> actions.add(a.get("action").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return actions;
    }

    private List<JsonNode> outbox() {
        List<JsonNode> out = new ArrayList<>();
        api.get("/local/sms/outbox").json().get("items").forEach(out::add);
        return out;
    }

    private static List<String> templates(List<JsonNode> sent, String phone) {
        return sent.stream().filter(s -> s.get("to").asText().equals(phone)).map(s -> s.get("template").asText())
                .toList();
    }

    private static List<String> kinds(JsonNode incident) {
        List<String> out = new ArrayList<>();
        incident.get("timeline").forEach(e -> out.add(e.get("kind").asText()));
        return out;
    }

    private static String phone(int n) {
        return String.format("+86139111%05d", n);
    }
}
