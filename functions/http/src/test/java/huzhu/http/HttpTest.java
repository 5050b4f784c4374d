package huzhu.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.directory.Member;
import huzhu.core.error.Conflict;
import huzhu.core.error.DependencyFailure;
import huzhu.core.error.Forbidden;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.testing.PageSecurity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStdout() {
        original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(original);
    }

    @Test
    void everyResponse_remembersHttpsForTwoYears_andIsNeverSniffed_answersAndRefusalsAlike() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.trigger();
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("json", request -> ApiResponse.json(201, Map.of("status", "open")));
        routes.put("empty", request -> ApiResponse.empty(204));
        routes.put("page", request -> ApiResponse.html(200, "<!doctype html><p>ok</p>"));
        routes.put("refusal", request -> {
            throw new NotFound("trigger");
        });
        routes.put("failure", request -> {
            throw new DependencyFailure("the table", new RuntimeException());
        });

        routes.forEach((what, route) -> {
            // when
            APIGatewayV2HTTPResponse response = Http.serve(event, route);

            // then
            assertThat(response.getHeaders()).as(what)
                    .containsEntry("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
                    .containsEntry("X-Content-Type-Options", "nosniff");
        });
    }

    @Test
    void everyPage_andTheErrorPageABrowserGets_forbidsFramingScriptsAndReferrers() {
        // given: a browser opening a link that no longer works, and a page without inline code
        APIGatewayV2HTTPEvent browser = Fixtures.console("GET", "/v1/acks/expired", null);
        browser.setRequestContext(Fixtures.trigger().getRequestContext());
        browser.getRequestContext().getHttp().setMethod("GET");
        browser.setHeaders(new LinkedHashMap<>(Map.of("accept", "text/html,application/xhtml+xml")));

        // when
        APIGatewayV2HTTPResponse error = Http.serve(browser, request -> {
            throw new NotFound("ack");
        });
        APIGatewayV2HTTPResponse page = Http.serve(Fixtures.trigger(),
                request -> ApiResponse.html(200, "<!doctype html><p>ok</p>"));

        // then
        assertThat(error.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(PageSecurity.problems(error.getHeaders(), error.getBody())).isEmpty();
        assertThat(PageSecurity.problems(page.getHeaders(), page.getBody())).isEmpty();
    }

    @Test
    void routeAnswer_becomesTheLambdaResponse() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.trigger();

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event,
                request -> ApiResponse.json(201, Map.of("incidentId", "i1", "status", "open")));

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("Cache-Control", "no-store");
        assertThat(json(response).get("incidentId").asText()).isEqualTo("i1");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }

    @Test
    void notFound_is404_withTheBilingualMessage_ChineseFirst() {
        // given / when
        APIGatewayV2HTTPResponse response = serveThrowing(() -> new NotFound("member"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        ErrorBody.Detail error = Fixtures.error(response);
        assertThat(error.code()).isEqualTo("not_found");
        assertThat(error.message()).isEqualTo("找不到该会员 / No such member");
        assertThat(error.fields()).isEmpty();
    }

    @Test
    void errorBody_hasExactlyTheContractShape() {
        // given / when
        APIGatewayV2HTTPResponse response = serveThrowing(() -> new NotFound("incident"));

        // then
        JsonNode body = json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("error");
        assertThat(body.get("error").fieldNames()).toIterable().containsExactly("code", "message", "fields");
        assertThat(body.get("error").get("fields").isObject()).isTrue();
    }

    @Test
    void conflict_is409_withItsOwnCode() {
        // given / when
        APIGatewayV2HTTPResponse response = serveThrowing(() -> new Conflict("phone_taken", "error.phoneTaken"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(Fixtures.error(response).code()).isEqualTo("phone_taken");
        assertThat(Fixtures.error(response).message()).isEqualTo("该手机号已登记 / This phone number is already registered");
    }

    @Test
    void invalid_is422ValidationFailed_withEachFieldInWords() {
        // given
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("phone", "invalid.phone");
        fields.put("familyContacts[0].phone", "invalid.required");

        // when
        APIGatewayV2HTTPResponse response = serveThrowing(() -> new Invalid(fields));

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        ErrorBody.Detail error = Fixtures.error(response);
        assertThat(error.code()).isEqualTo("validation_failed");
        assertThat(error.message()).startsWith("提交的内容有误");
        assertThat(error.fields()).containsExactly(
                Map.entry("phone", "手机号格式不正确 / Not a valid phone number"),
                Map.entry("familyContacts[0].phone", "必填 / Required"));
    }

    @Test
    void badFieldInTheBody_is422_namingItsJsonPath() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.console("POST", "/v1/members",
                "{\"name\": \"王芳\", \"familyContacts\": [{\"phone\": {\"n\": 1}}]}");

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, request -> {
            request.bodyAs(Member.class);
            return ApiResponse.empty(204);
        });

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(Fixtures.error(response).fields())
                .containsExactly(Map.entry("familyContacts[0].phone", "类型不正确 / Wrong type"));
    }

    @Test
    void forbidden_is403() {
        // given / when
        APIGatewayV2HTTPResponse response = serveThrowing(Forbidden::new);

        // then
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Fixtures.error(response).code()).isEqualTo("forbidden");
    }

    @Test
    void viewerWritingAMember_is403() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.console("POST", "/v1/members", "{}");
        event.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[viewer]");

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, request -> {
            request.requireAny(Role.ADMIN);
            return ApiResponse.empty(201);
        });

        // then
        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    @Test
    void consoleRouteWithoutAuthorizer_is401() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.trigger();

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, request -> {
            request.requireAny(Role.values());
            return ApiResponse.empty(200);
        });

        // then
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(Fixtures.error(response).code()).isEqualTo("unauthorized");
        assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void malformedBody_is400() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.triggerMalformed();

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, request -> {
            request.bodyAs(ApiRequestTest.TriggerBody.class);
            return ApiResponse.empty(201);
        });

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Fixtures.error(response).code()).isEqualTo("malformed_json");
    }

    @Test
    void bodyOver64KiB_is413_beforeTheRouteRuns() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.trigger();
        event.setBody("{\"message\": \"" + "x".repeat(70_000) + "\"}");
        boolean[] ran = {false};

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, request -> {
            ran[0] = true;
            return ApiResponse.empty(201);
        });

        // then
        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(Fixtures.error(response).code()).isEqualTo("too_large");
        assertThat(ran[0]).isFalse();
    }

    @Test
    void routerMisses_are404And405_throughServe() {
        // given
        Router router = Router.builder().get("/v1/members/{id}", request -> ApiResponse.empty(200)).build();

        // when
        APIGatewayV2HTTPResponse unknown = Http.serve(Fixtures.trigger(), router);
        APIGatewayV2HTTPResponse wrongMethod = Http.serve(Fixtures.console("DELETE", "/v1/members/m1", null), router);

        // then
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(Fixtures.error(unknown).code()).isEqualTo("not_found");
        assertThat(wrongMethod.getStatusCode()).isEqualTo(405);
        assertThat(wrongMethod.getHeaders()).containsEntry("Allow", "GET");
    }

    @Test
    void rateLimited_is429_withRetryAfter() {
        // given / when
        APIGatewayV2HTTPResponse response = serveThrowing(() -> RequestRejected.rateLimited(java.time.Duration.ofMillis(1500)));

        // then
        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
    }

    @Test
    void aDomainRateLimit_is429_withRetryAfter_inTheContractsShape() throws Exception {
        // given / when
        APIGatewayV2HTTPResponse response = serveThrowing(
                () -> new huzhu.core.error.RateLimited(java.time.Duration.ofSeconds(299).plusMillis(1)));

        // then
        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "300");
        var error = Json.mapper().readTree(response.getBody()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("rate_limited");
        assertThat(error.get("message").asText()).contains("请求过于频繁").contains("120");
    }

    @Test
    void dependencyFailure_is503Unavailable_withoutStackTrace_andLoggedOnceWithPhonesMasked() {
        // given
        DependencyFailure failure = new DependencyFailure("PutItem failed for +8613800138000",
                new IOException("connection reset while sending to 13900139000"));

        // when
        APIGatewayV2HTTPResponse response = serveThrowing(() -> failure);

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
        ErrorBody.Detail error = Fixtures.error(response);
        assertThat(error.code()).isEqualTo("unavailable");
        assertThat(error.message()).contains("120");
        assertThat(response.getBody()).doesNotContain("PutItem", "DependencyFailure", "at huzhu", "138001");

        List<String> lines = logLines();
        assertThat(lines).hasSize(1);
        JsonNode log = json(lines.get(0));
        assertThat(log.get("level").asText()).isEqualTo("ERROR");
        assertThat(log.get("errorType").asText()).isEqualTo(DependencyFailure.class.getName());
        assertThat(log.get("requestId").asText()).isEqualTo("Yk3dQhT2oAMEb0A=");
        assertThat(log.get("routeKey").asText()).isEqualTo("$default");
        assertThat(lines.get(0)).contains("+86138****8000", "139****9000").doesNotContain("13800138000", "13900139000");
    }

    @Test
    void unexpectedRuntimeException_is503_never500() {
        // given / when
        APIGatewayV2HTTPResponse response = serveThrowing(() -> new NullPointerException("oops"));

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(logLines()).hasSize(1);
    }

    @Test
    void checkedException_is503() {
        // given / when
        APIGatewayV2HTTPResponse response = Http.serve(Fixtures.trigger(), request -> {
            throw new IOException("socket closed");
        });

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
    }

    @Test
    void routeReturningNothing_is503() {
        // given / when
        APIGatewayV2HTTPResponse response = Http.serve(Fixtures.trigger(), request -> null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(503);
    }

    @Test
    void clientErrors_areNotLoggedAsErrors() {
        // given / when
        serveThrowing(() -> new NotFound("member"));
        serveThrowing(Forbidden::new);

        // then: DEBUG lines are below the default INFO level
        assertThat(logLines()).isEmpty();
    }

    @Test
    void browserOpeningADeadLink_getsAPage_notJson() {
        // given
        APIGatewayV2HTTPEvent event = Fixtures.console("GET", "/v1/acks/expired-token", null);
        event.getHeaders().put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        // when
        APIGatewayV2HTTPResponse response = Http.serve(event, request -> {
            throw new NotFound("ack");
        });

        // then
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        assertThat(response.getBody()).contains("该链接无效或已过期", "This link is not valid or has expired");
    }

    @Test
    void htmlEscape_neutralisesMarkup() {
        // given / when / then
        assertThat(Html.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    private static APIGatewayV2HTTPResponse serveThrowing(Supplier<? extends Exception> failure) {
        return Http.serve(Fixtures.trigger(), request -> {
            throw failure.get();
        });
    }

    private List<String> logLines() {
        String out = stdout.toString(StandardCharsets.UTF_8);
        return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return json(response.getBody());
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
