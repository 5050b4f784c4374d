package huzhu.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import huzhu.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed's story on the local stack through each domestic provider's stand-in (WireMock answering in the shape of
 * the vendors' API references): the father's SMS arrives as the provider's reply push, alerts go out as
 * registered-template sends with in-bound variables and no link, "1" accepts, delivery reports mark alerts
 * delivered, a level whose every alert is undeliverable escalates at once, and the SMS simulator's outbox shows the
 * template and variables each SMS went out with.
 */
class ProviderStoryIT {
    private static final String ADMIN = "provider-story-admin-01";
    private static final String TOKEN = "pushtoken-local-0123456789abcdefghijkl";
    private static final String SIGN = "唐山市总工会";
    private static final String MEMBER = "+8613911110001";
    private static final String FATHER = "+8613911110002";
    private static final String NEIGHBOUR_A = "+8613911110011";
    private static final String NEIGHBOUR_B = "+8613911110012";
    private static final String OFFICER = "+8613911110021";
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final WireMockServer standIn = new WireMockServer(wireMockConfig().dynamicPort());
    private LocalStack stack;
    private String provider;
    private int pushes;

    @AfterEach
    void stop() {
        if (stack != null) stack.close();
        standIn.stop();
    }

    @ParameterizedTest(name = "provider: {0}")
    @ValueSource(strings = {"aliyun", "tencent"})
    void theSeedsStory_throughTheProvidersStandIn(String providerName) {
        provider = providerName;
        standIn.start();
        stubTheProvidersSendSms();
        stack = start();
        LocalApi api = new LocalApi(stack.baseUrl(), ADMIN);
        int maxVariable = provider.equals("aliyun") ? 35 : 12;

        // 1. the union: an officer, two neighbours, the member and his father (who is introduced at once)
        api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", "13911110021", "title", "工会干事", "level", 1));
        api.expect(201, "/v1/volunteers", volunteer("刘强", "13911110011"));
        api.expect(201, "/v1/volunteers", volunteer("赵敏", "13911110012"));
        api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911110001",
                "homeArea", Map.of("city", "唐山市", "district", "路北区"), "homeAddress", "唐山市路北区文化路 88 号 3 栋 502",
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", "13911110002"))));
        assertThat(sendsTo(FATHER)).extracting(Send::template).containsExactly("intro.replyHere.noLink.zh-CN");

        // 2. the father's SMS arrives as the provider's reply push: he gets the receipt, the neighbours the alert
        assertThat(reply(FATHER, "救命 老伴胸口疼，喘不上气")).isEqualTo(200);
        JsonNode incident = api.onlyIncident("active");
        String code = incident.get("code").asText();
        assertThat(sendsTo(FATHER)).last().satisfies(s -> {
            assertThat(s.template()).isEqualTo("receipt.zh-CN");
            assertThat(s.params()).containsExactly(Map.entry("code", code));
        });
        for (String neighbour : List.of(NEIGHBOUR_A, NEIGHBOUR_B)) {
            assertThat(sendsTo(neighbour)).singleElement().satisfies(s -> {
                assertThat(s.template()).isEqualTo("alert.noLink.zh-CN");
                assertThat(s.params().keySet()).containsExactly("code", "member", "address", "type", "message", "reporter");
                assertThat(s.params()).containsEntry("code", code).containsEntry("member", "王建国");
                assertThat(s.params().values()).allSatisfy(v -> {
                    assertThat(v.codePointCount(0, v.length())).isBetween(1, maxVariable);
                    assertThat(v).doesNotContain("http", "【");
                });
                assertThat(s.signed()).isTrue();
                assertThat(s.signName()).isEqualTo(SIGN);
            });
        }

        // 3. the carriers report both alerts on the phones
        report(messageIdOf(api, NEIGHBOUR_A, "alert.noLink"), NEIGHBOUR_A, true);
        report(messageIdOf(api, NEIGHBOUR_B, "alert.noLink"), NEIGHBOUR_B, true);
        assertThat(alertStatuses(api, incident)).containsEntry(NEIGHBOUR_A, "delivered").containsEntry(NEIGHBOUR_B,
                "delivered");

        // 4. neighbour A replies "1": it is theirs, the father hears who is coming, B stands down
        clock.advance(Duration.ofSeconds(30));
        assertThat(reply(NEIGHBOUR_A, "1")).isEqualTo(200);
        JsonNode taken = api.get("/v1/incidents/" + incident.get("id").asText()).json();
        assertThat(taken.get("status").asText()).isEqualTo("acknowledged");
        assertThat(sendsTo(FATHER)).last().satisfies(s -> {
            assertThat(s.template()).isEqualTo("accepted.family.zh-CN");
            assertThat(s.params()).containsEntry("name", "刘强").containsEntry("phone", "13911110011");
        });
        assertThat(sendsTo(NEIGHBOUR_B)).last().extracting(Send::template).isEqualTo("standDown.zh-CN");
        api.expect(200, "/v1/incidents/" + incident.get("id").asText() + "/resolve", Map.of("outcome", "已送医"));

        // 5. a second call for help; the carriers report both neighbours' alerts undeliverable: the officer at once
        clock.advance(Duration.ofMinutes(30));
        assertThat(reply(FATHER, "又摔倒了，站不起来")).isEqualTo(200);
        JsonNode second = api.onlyIncident("active");
        report(messageIdOf(api, NEIGHBOUR_A, "alert.noLink"), NEIGHBOUR_A, false);
        report(messageIdOf(api, NEIGHBOUR_B, "alert.noLink"), NEIGHBOUR_B, false);
        JsonNode moved = api.get("/v1/incidents/" + second.get("id").asText()).json();
        assertThat(moved.get("level").asInt()).isEqualTo(1);
        assertThat(alertStatuses(api, second)).containsEntry(NEIGHBOUR_A, "failed").containsEntry(NEIGHBOUR_B, "failed");
        assertThat(sendsTo(OFFICER)).singleElement().satisfies(s -> {
            assertThat(s.template()).isEqualTo("alert.noLink.zh-CN");
            assertThat(s.params()).containsEntry("code", second.get("code").asText());
        });

        // 6. the SMS simulator's outbox shows what went out: the provider, the template and its variables
        JsonNode officerSms = api.get("/local/sms/outbox?to=" + OFFICER.replace("+", "%2B")).json().get("items").get(0);
        assertThat(officerSms.get("provider").asText()).isEqualTo(provider);
        assertThat(officerSms.get("template").asText()).isEqualTo("alert.noLink");
        assertThat(officerSms.get("templateId").asText()).isEqualTo("alert.noLink.zh-CN");
        assertThat(officerSms.get("variables").get("code").asText()).isEqualTo(second.get("code").asText());
        assertThat(officerSms.get("body").asText()).startsWith("【" + SIGN + "】").doesNotContain("http");

        // 7. a forged push and a replayed one change nothing
        int incidents = api.get("/v1/incidents?status=all").json().get("items").size();
        assertThat(push("replies", replyBody(NEIGHBOUR_B, "1", clock.instant()), "guessed-token-0123456789abcdefghijklmn"))
                .isEqualTo(401);
        assertThat(push("replies", replyBody(FATHER, "救命", clock.instant().minus(Duration.ofHours(3))), TOKEN))
                .isEqualTo(403);
        assertThat(api.get("/v1/incidents?status=all").json().get("items")).hasSize(incidents);
        assertThat(api.get("/v1/incidents/" + second.get("id").asText()).json().get("status").asText()).isEqualTo("open");
    }

    // ---------------------------------------------------------------- the stand-in

    /** SendSms answered as the references show a success, each with its own message id. */
    private void stubTheProvidersSendSms() {
        if (provider.equals("aliyun")) {
            standIn.stubFor(post(urlPathEqualTo("/")).withHeader("x-acs-action", equalTo("SendSms"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                            .withBody("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"{{randomValue length=19 type='NUMERIC'}}"
                                    + "\",\"RequestId\":\"{{randomValue type='UUID'}}\"}")
                            .withTransformers("response-template")));
        } else {
            standIn.stubFor(post(urlPathEqualTo("/")).withHeader("X-TC-Action", equalTo("SendSms"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"5000:{{randomValue length=28 "
                                    + "type='NUMERIC'}}\",\"PhoneNumber\":\"{{jsonPath request.body '$.PhoneNumberSet[0]'}}\","
                                    + "\"Fee\":1,\"SessionContext\":\"\",\"Code\":\"Ok\",\"Message\":\"send success\","
                                    + "\"IsoCode\":\"CN\"}],\"RequestId\":\"{{randomValue type='UUID'}}\"}}")
                            .withTransformers("response-template")));
        }
    }

    /** One SendSms the stand-in received: to whom, which registered template, its variables in order. */
    record Send(String to, String template, Map<String, String> params, String signName, boolean signed) {
    }

    private List<Send> sendsTo(String e164) {
        List<Send> out = new ArrayList<>();
        for (LoggedRequest r : standIn.findAll(postRequestedFor(urlPathEqualTo("/")))) {
            Send s = provider.equals("aliyun") ? aliyun(r) : tencent(r);
            if (s != null && s.to().equals(e164)) out.add(s);
        }
        return out;
    }

    private static Send aliyun(LoggedRequest r) {
        if (!"SendSms".equals(r.getHeader("x-acs-action"))) return null;
        Map<String, String> params = new LinkedHashMap<>();
        String json = r.queryParameter("TemplateParam").isPresent() ? r.queryParameter("TemplateParam").firstValue() : "{}";
        json(json).fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        return new Send("+86" + r.queryParameter("PhoneNumbers").firstValue(), r.queryParameter("TemplateCode").firstValue(),
                params, r.queryParameter("SignName").firstValue(), r.getHeader("Authorization").startsWith("ACS3-HMAC-SHA256 "));
    }

    private Send tencent(LoggedRequest r) {
        if (!"SendSms".equals(r.getHeader("X-TC-Action"))) return null;
        JsonNode body = json(r.getBodyAsString());
        // Tencent numbers the variables {1}, {2}…: their names are the catalogue's, in the order of the text
        String template = body.get("TemplateId").asText();
        Map<String, String> params = new LinkedHashMap<>();
        List<String> order = huzhu.core.sms.SmsCatalogue.get(template.substring(0, template.lastIndexOf('.')))
                .order(huzhu.core.kernel.Language.of(template.substring(template.lastIndexOf('.') + 1)));
        for (int i = 0; i < body.get("TemplateParamSet").size(); i++) {
            params.put(order.get(i), body.get("TemplateParamSet").get(i).asText());
        }
        return new Send(body.get("PhoneNumberSet").get(0).asText(), template, params, body.get("SignName").asText(),
                r.getHeader("Authorization").startsWith("TC3-HMAC-SHA256 "));
    }

    // ---------------------------------------------------------------- the provider's pushes

    private int reply(String from, String text) {
        clock.advance(Duration.ofSeconds(1)); // each reply a second of its own (Tencent ids a reply by sender, time, text)
        return push("replies", replyBody(from, text, clock.instant()), TOKEN);
    }

    private String replyBody(String from, String text, Instant at) {
        String national = from.substring(3);
        if (provider.equals("aliyun")) {
            return "[{\"phone_number\":\"" + national + "\",\"content\":\"" + text + "\",\"send_time\":\""
                    + BEIJING.format(at) + "\",\"dest_code\":\"0001\",\"sequence_id\":" + (1_000_000 + ++pushes) + "}]";
        }
        return "{\"extend\":\"\",\"mobile\":\"" + national + "\",\"nationcode\":\"86\",\"sign\":\"" + SIGN + "\",\"text\":\""
                + text + "\",\"time\":" + at.getEpochSecond() + "}";
    }

    private void report(String messageId, String to, boolean delivered) {
        String national = to.substring(3);
        String now = BEIJING.format(clock.instant());
        String body = provider.equals("aliyun")
                ? "[{\"phone_number\":\"" + national + "\",\"send_time\":\"" + now + "\",\"report_time\":\"" + now
                        + "\",\"success\":" + delivered + ",\"err_code\":\"" + (delivered ? "DELIVERED" : "MK:0001")
                        + "\",\"err_msg\":\"" + (delivered ? "用户接收成功" : "空号") + "\",\"sms_size\":\"2\",\"biz_id\":\""
                        + messageId + "\",\"out_id\":\"\"}]"
                : "[{\"user_receive_time\":\"" + now + "\",\"nationcode\":\"86\",\"mobile\":\"" + national
                        + "\",\"report_status\":\"" + (delivered ? "SUCCESS" : "FAIL") + "\",\"errmsg\":\""
                        + (delivered ? "DELIVRD" : "MK:0001") + "\",\"description\":\"" + (delivered ? "用户短信送达成功" : "空号")
                        + "\",\"sid\":\"" + messageId + "\"}]";
        assertThat(push("reports", body, TOKEN)).isEqualTo(200);
    }

    private int push(String kind, String body, String token) {
        LocalApi.Reply r = new LocalApi(stack.baseUrl(), null).post("/v1/sms/" + provider + "/" + kind + "/" + token, body);
        if (r.status() == 200) {
            assertThat(r.body()).isEqualTo(provider.equals("aliyun") ? "{\"code\":0,\"msg\":\"接收成功\"}"
                    : "{\"result\":0,\"errmsg\":\"OK\"}");
        }
        return r.status();
    }

    // ---------------------------------------------------------------- the stack

    private LocalStack start() {
        Map<String, String> env = new HashMap<>(Map.of("HUZHU_SMS_PROVIDER", provider));
        String p = "HUZHU_" + provider.toUpperCase() + "_";
        env.put(p + "SMS_ENDPOINT", standIn.baseUrl());
        env.put(p + "SIGN_NAME", SIGN);
        env.put(p + "PUSH_TOKEN", TOKEN);
        if (provider.equals("aliyun")) {
            env.put(p + "ACCESS_KEY_ID", "LTAI5tLocalStandIn");
            env.put(p + "ACCESS_KEY_SECRET", "local-stand-in-secret");
        } else {
            env.put(p + "SECRET_ID", "AKIDLocalStandIn");
            env.put(p + "SECRET_KEY", "local-stand-in-secret");
            env.put(p + "SDK_APP_ID", "1400000000");
        }
        return StoryStack.start(dataDir, ADMIN, clock, env);
    }

    private static Map<String, Object> volunteer(String name, String phone) {
        return Map.of("name", name, "phone", phone, "area", Map.of("city", "唐山市", "district", "路北区"),
                "skills", List.of("first-aid"), "onDuty", true);
    }

    /** The provider's id of the last SMS of this template to this phone, as the outbox recorded it. */
    private static String messageIdOf(LocalApi api, String to, String template) {
        JsonNode items = api.get("/local/sms/outbox?to=" + to.replace("+", "%2B")).json().get("items");
        String id = null;
        for (JsonNode i : items) if (i.get("template").asText().equals(template)) id = i.get("messageId").asText();
        assertThat(id).as("a %s SMS to %s", template, to).isNotNull();
        return id;
    }

    private static Map<String, String> alertStatuses(LocalApi api, JsonNode incident) {
        Map<String, String> out = new HashMap<>();
        api.get("/v1/incidents/" + incident.get("id").asText()).json().get("alerts")
                .forEach(a -> out.put(a.get("to").asText(), a.get("status").asText()));
        return out;
    }

    private static JsonNode json(String text) {
        try {
            return LocalApi.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
