package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.error.DependencyFailure;
import huzhu.core.sms.OutboundSms;
import huzhu.core.testing.TestSms;
import huzhu.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalServerTest {
    @TempDir
    Path dataDir;
    TestStack stack;

    @BeforeEach
    void start() {
        stack = new TestStack(dataDir);
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    // ---- API Gateway: events and responses

    @Test
    void triggerRequest_reachesTheTriggerFunction_asAnHttpApiPayload2Event() {
        // given
        HttpRequest request = stack.request("/v1/triggers/tok-123?lang=zh&x=1&x=2&q=%E6%95%91%20me")
                .header("Content-Type", "application/json")
                .header("X-Custom", "a")
                .header("X-Custom", "b")
                .header("Cookie", "a=1; b=2")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"救命\"}"))
                .build();

        // when
        HttpResponse<String> response = stack.send(request);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent event = stack.trigger.only();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /v1/triggers/{triggerToken}");
        assertThat(event.getRawPath()).isEqualTo("/v1/triggers/tok-123");
        assertThat(event.getPathParameters()).containsExactly(Map.entry("triggerToken", "tok-123"));
        assertThat(event.getRawQueryString()).isEqualTo("lang=zh&x=1&x=2&q=%E6%95%91%20me");
        assertThat(event.getQueryStringParameters())
                .containsOnly(Map.entry("lang", "zh"), Map.entry("x", "1,2"), Map.entry("q", "救 me"));
        assertThat(event.getHeaders())
                .containsEntry("content-type", "application/json")
                .containsEntry("x-custom", "a,b")
                .containsEntry("user-agent", "huzhu-test/1")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("host", "127.0.0.1:" + stack.server.port())
                .doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allSatisfy(k -> assertThat(k).isLowerCase());
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getBody()).isEqualTo("{\"message\":\"救命\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent.RequestContext ctx = event.getRequestContext();
        assertThat(ctx.getRouteKey()).isEqualTo("POST /v1/triggers/{triggerToken}");
        assertThat(ctx.getStage()).isEqualTo("$default");
        assertThat(ctx.getAccountId()).isEqualTo("000000000000");
        assertThat(ctx.getApiId()).isEqualTo("local");
        assertThat(ctx.getDomainName()).isEqualTo("127.0.0.1:" + stack.server.port());
        assertThat(ctx.getDomainPrefix()).isEqualTo("127");
        assertThat(ctx.getRequestId()).isNotBlank();
        assertThat(ctx.getTime()).isEqualTo("01/Mar/2026:08:30:00 +0000");
        assertThat(ctx.getTimeEpoch()).isEqualTo(TestStack.NOW.toEpochMilli());
        assertThat(ctx.getHttp().getMethod()).isEqualTo("POST");
        assertThat(ctx.getHttp().getPath()).isEqualTo("/v1/triggers/tok-123");
        assertThat(ctx.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(ctx.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(ctx.getHttp().getUserAgent()).isEqualTo("huzhu-test/1");
        assertThat(ctx.getAuthorizer()).isNull();
        assertThat(stack.trigger.contexts.get(0).getFunctionName()).isEqualTo("huzhu-local-trigger");
        assertThat(stack.trigger.contexts.get(0).getRemainingTimeInMillis()).isPositive();
    }

    @Test
    void functionResponse_isWrittenBack_withStatusHeadersAndEveryCookie() {
        // given
        stack.trigger.answer(e -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8", "X-Request", "r1"))
                .withMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")))
                .withCookies(List.of("s=1; Path=/; HttpOnly", "t=2"))
                .withBody("{\"incidentId\":\"inc-1\",\"reply\":\"已收到，请拨打120\"}")
                .build());

        // when
        HttpResponse<String> response = stack.postJson("/v1/triggers/tok", "{}");

        // then
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("x-request")).hasValue("r1");
        assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("s=1; Path=/; HttpOnly", "t=2");
        assertThat(response.body()).isEqualTo("{\"incidentId\":\"inc-1\",\"reply\":\"已收到，请拨打120\"}");
    }

    @Test
    void binaryBodies_travelBase64Encoded_bothWays() {
        // given
        byte[] upload = {0, 1, 2, (byte) 0xff};
        byte[] download = {(byte) 0x89, 'P', 'N', 'G'};
        stack.ack.answer(e -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "image/png"))
                .withBody(Base64.getEncoder().encodeToString(download))
                .withIsBase64Encoded(true)
                .build());

        // when
        HttpResponse<byte[]> response = sendBytes(stack.request("/v1/acks/ack-1")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build());

        // then
        APIGatewayV2HTTPEvent event = stack.ack.only();
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(upload);
        assertThat(response.body()).isEqualTo(download);
    }

    @Test
    void getWithoutBody_hasNoBodyNoQueryAndNoCookies_likeTheHttpApi() {
        // when
        stack.get("/v1/acks/ack-1");

        // then
        APIGatewayV2HTTPEvent event = stack.ack.only();
        assertThat(event.getRouteKey()).isEqualTo("GET /v1/acks/{ackToken}");
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getCookies()).isNull();
    }

    // ---- the JWT authorizer

    @Test
    void consoleRoute_withTheAdminToken_carriesAdminClaims_likeTheJwtAuthorizer() {
        // when
        HttpResponse<String> response = stack.send(stack.post("/v1/incidents/inc-7/notes", "application/json",
                "{\"text\":\"到了\"}").header("Authorization", "Bearer " + TestStack.ADMIN_TOKEN).build());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent event = stack.console.only();
        assertThat(event.getRouteKey()).isEqualTo("POST /v1/incidents/{id}/notes");
        assertThat(event.getPathParameters()).containsExactly(Map.entry("id", "inc-7"));
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = event.getRequestContext().getAuthorizer().getJwt();
        assertThat(jwt.getClaims())
                .containsEntry("sub", "local-admin")
                .containsEntry("cognito:username", "admin")
                .containsEntry("cognito:groups", "[admin]")
                .containsEntry("token_use", "id")
                .containsEntry("iat", Long.toString(TestStack.NOW.getEpochSecond()));
        assertThat(jwt.getScopes()).isNotEmpty();
        assertThat(event.getHeaders()).containsEntry("authorization", "Bearer " + TestStack.ADMIN_TOKEN);
    }

    @Test
    void consoleRoute_withTheOfficerToken_carriesTheOfficerGroup() {
        // when
        stack.get("/v1/members", "Bearer " + TestStack.OFFICER_TOKEN);

        // then
        assertThat(stack.console.only().getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "local-officer")
                .containsEntry("cognito:groups", "[officer]");
    }

    @Test
    void consoleRoute_withoutAToken_is401InTheContractShape_andNeverReachesTheFunction() {
        // when
        HttpResponse<String> response = stack.get("/v1/members");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertContractError(response, "unauthorized", "请先登录", "Please sign in");
        assertThat(stack.console.events).isEmpty();
    }

    @Test
    void consoleRoute_withAWrongTokenOrScheme_is401_andNeverReachesTheFunction() {
        // given
        List<String> wrong = List.of("Bearer " + TestStack.ADMIN_TOKEN + "x", "Bearer admin-token-for-test",
                "Basic " + TestStack.ADMIN_TOKEN, TestStack.ADMIN_TOKEN, "Bearer ");

        for (String authorization : wrong) {
            // when
            HttpResponse<String> response = stack.get("/v1/audit", authorization);

            // then
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
        }
        assertThat(stack.console.events).isEmpty();
    }

    @Test
    void viewerToken_isUnsetByDefault_soNoOtherTokenOpensTheConsole() {
        // when
        HttpResponse<String> response = stack.get("/v1/incidents", "Bearer viewer-token-for-tests");

        // then
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void publicRoutes_reachTheirFunctions_withoutAToken() {
        // when
        HttpResponse<String> trigger = stack.postJson("/v1/triggers/t-1", "{}");
        HttpResponse<String> triggerPage = stack.get("/v1/triggers/t-1");
        HttpResponse<String> ackPage = stack.get("/v1/acks/a-1");
        HttpResponse<String> ackAction = stack.postJson("/v1/acks/a-1", "{\"action\":\"accept\"}");
        HttpResponse<String> consolePage = stack.get("/console");
        HttpResponse<String> consoleFile = stack.get("/console/js/app.js");

        // then
        assertThat(List.of(trigger, triggerPage, ackPage, ackAction, consolePage, consoleFile))
                .extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(trigger.body()).contains("trigger");
        assertThat(stack.trigger.events).extracting(APIGatewayV2HTTPEvent::getRouteKey)
                .containsExactly("POST /v1/triggers/{triggerToken}", "GET /v1/triggers/{triggerToken}");
        assertThat(ackAction.body()).contains("ack");
        assertThat(stack.ack.events).extracting(APIGatewayV2HTTPEvent::getRouteKey)
                .containsExactly("GET /v1/acks/{ackToken}", "POST /v1/acks/{ackToken}");
        assertThat(stack.console.events).extracting(APIGatewayV2HTTPEvent::getRouteKey)
                .containsExactly("GET /console", "GET /console/{proxy+}");
        assertThat(stack.console.events.get(1).getPathParameters()).containsExactly(Map.entry("proxy", "js/app.js"));
        assertThat(stack.console.events).allSatisfy(e -> assertThat(e.getRequestContext().getAuthorizer()).isNull());
    }

    // ---- what the server answers itself

    @Test
    void bodyOver64KiB_is413InTheContractShape_andNeverReachesTheFunction() {
        // given
        String justFits = "x".repeat(LocalServer.MAX_BODY_BYTES);
        String tooLarge = "x".repeat(LocalServer.MAX_BODY_BYTES + 1);

        // when
        HttpResponse<String> fits = stack.send(stack.post("/v1/triggers/t", "text/plain", justFits).build());
        HttpResponse<String> over = stack.send(stack.post("/v1/triggers/t", "text/plain", tooLarge).build());

        // then
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(over.statusCode()).isEqualTo(413);
        assertContractError(over, "too_large", "请求内容超过 64 KiB", "The request body is over 64 KiB");
        assertThat(stack.trigger.events).hasSize(1);
        assertThat(stack.trigger.only().getBody()).hasSize(LocalServer.MAX_BODY_BYTES);
    }

    @Test
    void unknownPath_is404InTheContractShape() {
        // when
        HttpResponse<String> response = stack.get("/v2/nothing-here");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertContractError(response, "not_found", "没有这个地址", "No such route");
    }

    @Test
    void knownPathWithAnotherMethod_is405_namingTheAllowedMethods() {
        // when
        HttpResponse<String> response = stack.send(stack.request("/v1/triggers/t").DELETE().build());

        // then
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, POST");
        assertContractError(response, "method_not_allowed", "不支持该请求方法", "Method not allowed");
        assertThat(stack.trigger.events).isEmpty();
    }

    @Test
    void failingFunction_is500InTheContractShape() {
        // given
        stack.console.answer(e -> {
            throw new IllegalStateException("bug for +8613800138000");
        });

        // when
        HttpResponse<String> response = stack.get("/v1/members", "Bearer " + TestStack.ADMIN_TOKEN);

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertContractError(response, "internal", "函数执行出错", "The function failed");
    }

    @Test
    void functionResponseWithoutStatus_is500_asApiGatewayCannotUseIt() {
        // given
        stack.trigger.answer(e -> new APIGatewayV2HTTPResponse());

        // when
        HttpResponse<String> response = stack.postJson("/v1/triggers/t", "{}");

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(TestStack.json(response).at("/error/code").asText()).isEqualTo("internal");
    }

    // ---- local-only routes

    @Test
    void health_is200() {
        assertThat(stack.get("/local/health").statusCode()).isEqualTo(200);
    }

    @Test
    void health_is503Starting_untilTheStackSaysItIsReady(@TempDir Path otherDir) throws Exception {
        // given a server that is bound but whose stack has not finished starting (demo, timers)
        try (TestStack starting = new TestStack(otherDir, Map.of(), false)) {
            // when
            HttpResponse<String> before = starting.get("/local/health");
            starting.server.ready();
            HttpResponse<String> after = starting.get("/local/health");

            // then
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(TestStack.json(before).get("status").asText()).isEqualTo("starting");
            assertThat(after.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void inboundSms_isDeliveredToTheSmsFunction_asTheSnsEventOfTwoWaySms() throws Exception {
        // when
        HttpResponse<String> response = stack.postJson("/local/sms/inbound",
                "{\"from\":\"138 0013 8000\",\"body\":\"1 A7K\",\"previousPublishedMessageId\":\"msg-9\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        String inboundMessageId = TestStack.json(response).get("inboundMessageId").asText();
        SNSEvent event = stack.sms.only();
        assertThat(event.getRecords()).hasSize(1);
        SNSEvent.SNSRecord record = event.getRecords().get(0);
        assertThat(record.getEventSource()).isEqualTo("aws:sns");
        assertThat(record.getEventSubscriptionArn()).startsWith(record.getSNS().getTopicArn() + ":");
        assertThat(record.getSNS().getType()).isEqualTo("Notification");
        assertThat(record.getSNS().getTopicArn())
                .isEqualTo("arn:aws-cn:sns:cn-north-1:000000000000:huzhu-local-inbound-sms");
        assertThat(record.getSNS().getSubject()).isNull();
        assertThat(record.getSNS().getMessageAttributes()).isEmpty();
        assertThat(record.getSNS().getTimestamp().getMillis()).isEqualTo(TestStack.NOW.toEpochMilli());

        JsonNode message = Json.mapper().readTree(record.getSNS().getMessage());
        assertThat(fieldNames(message)).containsExactly("originationNumber", "destinationNumber", "messageKeyword",
                "messageBody", "inboundMessageId", "previousPublishedMessageId");
        assertThat(message.get("originationNumber").asText()).isEqualTo("+8613800138000");
        assertThat(message.get("destinationNumber").asText()).isEqualTo(SnsEvents.DEFAULT_DESTINATION);
        assertThat(message.get("messageBody").asText()).isEqualTo("1 A7K");
        assertThat(message.get("inboundMessageId").asText()).isEqualTo(inboundMessageId);
        assertThat(message.get("previousPublishedMessageId").asText()).isEqualTo("msg-9");
        assertThat(stack.sms.contexts.get(0).getFunctionName()).isEqualTo("huzhu-local-sms-inbound");
    }

    @Test
    void inboundSms_withoutAReplyTarget_sendsNullPreviousPublishedMessageId_andTheGivenDestination() throws Exception {
        // when
        HttpResponse<String> response = stack.postJson("/local/sms/inbound",
                "{\"from\":\"+8613800138000\",\"to\":\"13900139000\",\"body\":\"求助\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode message = Json.mapper().readTree(stack.sms.only().getRecords().get(0).getSNS().getMessage());
        assertThat(message.get("destinationNumber").asText()).isEqualTo("+8613900139000");
        assertThat(message.get("previousPublishedMessageId").isNull()).isTrue();
    }

    @Test
    void inboundSms_withMalformedJson_is400() {
        // when
        HttpResponse<String> response = stack.postJson("/local/sms/inbound", "{\"from\":");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertContractError(response, "malformed_json", "请求内容不是有效的 JSON", "not valid JSON");
        assertThat(stack.sms.events).isEmpty();
    }

    @Test
    void inboundSms_withABadPhoneAndNoBody_is422_namingBothFields() {
        // when
        HttpResponse<String> response = stack.postJson("/local/sms/inbound", "{\"from\":\"12345\",\"body\":\"\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = TestStack.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid");
        assertThat(fieldNames(error.get("fields"))).containsExactly("from", "body");
        assertThat(error.at("/fields/from").asText()).startsWith("手机号格式不正确").endsWith("Not a valid phone number");
        assertThat(stack.sms.events).isEmpty();
    }

    @Test
    void inboundSms_whenTheFunctionsDependencyFails_is503() {
        // given
        stack.sms.answer(e -> {
            throw new DependencyFailure("store down", null);
        });

        // when
        HttpResponse<String> response = stack.postJson("/local/sms/inbound",
                "{\"from\":\"13800138000\",\"body\":\"1\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(TestStack.json(response).at("/error/code").asText()).isEqualTo("unavailable");
    }

    @Test
    void outbox_listsSentSms_filteredByTheRecipientInNationalOrE164Form() {
        // given
        stack.outbox.send(new OutboundSms("+8613800138000", TestSms.saying("事件 A7K：请回复1接单"), "inc-1"));
        stack.outbox.send(new OutboundSms("+8613900139000", TestSms.saying("其他人"), "inc-1"));
        stack.outbox.send(new OutboundSms("+8613800138000", TestSms.saying("已撤销"), null));

        // when
        HttpResponse<String> national = stack.get("/local/sms/outbox?to=13800138000");
        HttpResponse<String> e164 = stack.get("/local/sms/outbox?to=%2B8613800138000");
        HttpResponse<String> all = stack.get("/local/sms/outbox");

        // then
        assertThat(national.statusCode()).isEqualTo(200);
        JsonNode items = TestStack.json(national).get("items");
        assertThat(items).hasSize(2);
        assertThat(fieldNames(items.get(0))).containsExactly("messageId", "to", "body", "sentAt", "incidentId", "template",
                "variables", "provider", "templateId");
        assertThat(items.get(0).get("to").asText()).isEqualTo("+8613800138000");
        assertThat(items.get(0).get("body").asText()).isEqualTo("【互助】T1报告人补充：事件 A7K：请回复1接单");
        assertThat(items.get(0).get("template").asText()).isEqualTo("relay");
        assertThat(items.get(0).get("variables").get("text").asText()).isEqualTo("事件 A7K：请回复1接单");
        assertThat(items.get(0).get("sentAt").asText()).isEqualTo("2026-03-01T08:30:00.123Z");
        assertThat(items.get(0).get("incidentId").asText()).isEqualTo("inc-1");
        assertThat(items.get(1).get("incidentId").isNull()).isTrue();
        assertThat(TestStack.json(e164)).isEqualTo(TestStack.json(national));
        assertThat(TestStack.json(all).get("items")).hasSize(3);
    }

    @Test
    void outbox_fromAnOffset_leavesOutWhatAReaderHasSeen_andANegativeOffsetIs422() {
        // given
        stack.outbox.send(new OutboundSms("+8613800138000", TestSms.saying("一"), "inc-1"));
        stack.outbox.send(new OutboundSms("+8613900139000", TestSms.saying("二"), "inc-1"));
        stack.outbox.send(new OutboundSms("+8613800138000", TestSms.saying("三"), null));

        // when
        HttpResponse<String> fromTwo = stack.get("/local/sms/outbox?offset=2");
        HttpResponse<String> pastTheEnd = stack.get("/local/sms/outbox?offset=9");
        HttpResponse<String> negative = stack.get("/local/sms/outbox?offset=-1");

        // then
        JsonNode items = TestStack.json(fromTwo).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("body").asText()).endsWith("三");
        assertThat(TestStack.json(pastTheEnd).get("items")).isEmpty();
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(fieldNames(TestStack.json(negative).at("/error/fields"))).containsExactly("offset");
    }

    @Test
    void outbox_withAnInvalidRecipientFilter_is422() {
        // when
        HttpResponse<String> response = stack.get("/local/sms/outbox?to=abc");

        // then
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(fieldNames(TestStack.json(response).at("/error/fields"))).containsExactly("to");
    }

    @Test
    void escalationRun_runsTheEscalationFunctionWithAScheduledEvent_andReturnsItsCount() {
        // given
        stack.escalation.answer(e -> Map.of("escalated", 3, "checked", 7));

        // when
        HttpResponse<String> response = stack.postJson("/local/escalation/run", "");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestStack.json(response)).isEqualTo(Json.mapper().createObjectNode().put("escalated", 3));
        ScheduledEvent event = stack.escalation.only();
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getTime().getMillis()).isEqualTo(TestStack.NOW.toEpochMilli() / 1000 * 1000);
    }

    @Test
    void requestLog_namesTheRouteTemplate_neverTheTokenInThePathOrThePhoneInTheQuery() throws Exception {
        // given
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // when
            stack.postJson("/v1/triggers/secret-trigger-token", "{}");
            stack.get("/local/sms/outbox?to=13800138000");
            waitFor(() -> captured.toString(StandardCharsets.UTF_8).contains("/local/sms/outbox"));
        } finally {
            System.setOut(original);
        }

        // then
        String log = captured.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = log.lines().map(l -> readTree(l)).filter(n -> "http".equals(n.path("message").asText()))
                .toList();
        assertThat(lines).extracting(n -> n.get("route").asText())
                .contains("POST /v1/triggers/{triggerToken}", "GET /local/sms/outbox");
        assertThat(lines).allSatisfy(n -> assertThat(fieldNames(n))
                .contains("timestamp", "level", "message", "method", "route", "status", "ms"));
        assertThat(log).doesNotContain("secret-trigger-token").doesNotContain("13800138000");
    }

    // ---- this machine only: no cross-site request and no DNS rebinding can drive the local stack

    @Test
    void localPost_asACrossSiteFormWouldSendIt_inTextPlain_is415_andDeliversNothing() {
        // given what a page on another site may post here without asking the browser first
        HttpRequest form = stack.post("/local/sms/inbound", "text/plain", "{\"from\":\"13800138000\",\"body\":\"救命\"}")
                .build();

        // when
        HttpResponse<String> response = stack.send(form);

        // then
        assertThat(response.statusCode()).isEqualTo(415);
        assertContractError(response, "unsupported_media_type", "只接受 JSON", "JSON requests only");
        assertThat(stack.sms.events).isEmpty();
    }

    @Test
    void localPost_withoutAContentType_is415_andRunsNothing() {
        // when
        HttpResponse<String> response = stack.send(stack.request("/local/escalation/run")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        // then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(stack.escalation.events).isEmpty();
    }

    @Test
    void localPost_inJsonWithACharset_isServed() {
        // when
        HttpResponse<String> response = stack.send(stack.post("/local/sms/inbound", "Application/JSON; charset=UTF-8",
                "{\"from\":\"13800138000\",\"body\":\"1\"}").build());

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(stack.sms.events).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"attacker.example", "attacker.example:{port}", "127.0.0.1", "127.0.0.1:1",
            "localhost.attacker.example:{port}", "0.0.0.0:{port}", "127.0.0.2:{port}", "[::1]:{port}"})
    void aRequestNamingAnotherHost_asAfterDnsRebinding_is403_andReachesNoFunction(String host) throws Exception {
        // given a page on attacker.example whose name now resolves to 127.0.0.1
        String h = host.replace("{port}", Integer.toString(stack.server.port()));

        // when
        String page = raw("GET /v1/triggers/tok-123 HTTP/1.1\r\nHost: " + h + "\r\n\r\n");
        String sms = raw("POST /local/sms/inbound HTTP/1.1\r\nHost: " + h
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

        // then
        assertThat(page).startsWith("HTTP/1.1 403").contains("\"code\":\"forbidden\"");
        assertThat(sms).startsWith("HTTP/1.1 403");
        assertThat(stack.trigger.events).isEmpty();
        assertThat(stack.sms.events).isEmpty();
    }

    @Test
    void aRequestWithoutAHost_is403() throws Exception {
        // when
        String response = raw("GET /local/sms/outbox HTTP/1.0\r\n\r\n");

        // then
        assertThat(response).startsWith("HTTP/1.1 403");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://attacker.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:{port}",
            "http://localhost.attacker.example:{port}", "http://127.0.0.1:{port}.attacker.example"})
    void aRequestFromAnotherOrigin_is403_andReachesNoFunction(String origin) {
        // given
        HttpRequest request = stack.post("/v1/triggers/tok-123", "application/json", "{}")
                .header("Origin", origin.replace("{port}", Integer.toString(stack.server.port()))).build();

        // when
        HttpResponse<String> response = stack.send(request);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertContractError(response, "forbidden", "本机", "this machine");
        assertThat(stack.trigger.events).isEmpty();
    }

    @Test
    void sameOriginRequests_byEitherLocalName_andRequestsWithoutOrigin_areServed() throws Exception {
        // given
        int port = stack.server.port();

        // when
        HttpResponse<String> noOrigin = stack.get("/v1/triggers/tok-123");
        HttpResponse<String> sameOrigin = stack.send(stack.post("/v1/triggers/tok-123", "application/json", "{}")
                .header("Origin", "http://127.0.0.1:" + port).build());
        String byName = raw("POST /v1/triggers/tok-123 HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nOrigin: http://localhost:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

        // then
        assertThat(noOrigin.statusCode()).isEqualTo(200);
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(byName).startsWith("HTTP/1.1 200");
        assertThat(stack.trigger.events).hasSize(3);
    }

    /** One request written as given (the JDK client will not send a Host it did not choose), its answer read. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", stack.server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertContractError(HttpResponse<String> response, String code, String zh, String en) {
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode body = TestStack.json(response);
        assertThat(fieldNames(body)).containsExactly("error");
        JsonNode error = body.get("error");
        assertThat(fieldNames(error)).containsExactly("code", "message", "fields");
        assertThat(error.get("code").asText()).isEqualTo(code);
        String message = error.get("message").asText();
        assertThat(message).contains(zh).contains(en);
        assertThat(message.indexOf(zh)).isLessThan(message.indexOf(en));
        assertThat(error.get("fields").isObject()).isTrue();
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return stack.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode readTree(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (Exception e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(10);
    }
}
