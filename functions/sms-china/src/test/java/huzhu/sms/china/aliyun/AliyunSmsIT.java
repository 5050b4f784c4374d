package huzhu.sms.china.aliyun;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import huzhu.sms.china.ProviderResult;
import huzhu.sms.china.ProviderSenderContract;
import huzhu.sms.china.TemplateSms;
import huzhu.sms.china.UrlConnectionPost;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;

/** The sender against WireMock standing in for dysmsapi: the exact V3-signed RPC request and Alibaba's answers. */
class AliyunSmsIT extends ProviderSenderContract {
    @RegisterExtension
    static WireMockExtension aliyun = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PHONE = "+8613800138000";
    private static final Instant NOW = Instant.parse("2026-12-02T08:30:15Z");

    private final AtomicInteger nonce = new AtomicInteger();

    @Override
    protected AliyunSms sender() {
        AliyunConfig config = new AliyunConfig(AliyunWire.KEY_ID, AliyunWire.KEY_SECRET, "互助应急",
                URI.create(aliyun.baseUrl()));
        return new AliyunSms(config, new UrlConnectionPost(), Clock.fixed(NOW, ZoneOffset.UTC),
                () -> "nonce-" + nonce.incrementAndGet(), recorded);
    }

    @Override
    protected TemplateSms alert(String to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", "K7");
        params.put("name", "张师傅");
        params.put("district", "路北区");
        return new TemplateSms(to, "SMS_465890123", params, "alert-42", "inc-1");
    }

    @Override
    protected void stub(int status, String body) {
        aliyun.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=utf-8").withBody(body)));
    }

    @Override
    protected void dropEveryConnection() {
        aliyun.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @Override
    protected List<LoggedRequest> sends() {
        return aliyun.findAll(postRequestedFor(urlPathEqualTo("/")).withHeader("x-acs-action", equalTo("SendSms")));
    }

    @Test
    void send_postsAV3SignedSendSmsWithTheTemplateAndItsVariables_andReturnsTheBizId() {
        // given
        stub(200, AliyunWire.sendSmsOk("900619746936498440^0"));

        // when
        ProviderResult result = sender().send(alert(PHONE));

        // then
        assertThat(result).isEqualTo(ProviderResult.sent("900619746936498440^0"));
        LoggedRequest request = sends().get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getBody()).isEmpty();
        assertThat(request.getHeader("x-acs-version")).isEqualTo("2017-05-25");
        assertThat(request.getHeader("x-acs-date")).isEqualTo("2026-12-02T08:30:15Z");
        assertThat(request.getHeader("x-acs-signature-nonce")).isEqualTo("nonce-1");
        assertThat(request.getHeader("x-acs-content-sha256"))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(AliyunWire.query(request)).containsExactly(
                Map.entry("OutId", "alert-42"),
                Map.entry("PhoneNumbers", "13800138000"),
                Map.entry("SignName", "互助应急"),
                Map.entry("TemplateCode", "SMS_465890123"),
                Map.entry("TemplateParam", "{\"code\":\"K7\",\"name\":\"张师傅\",\"district\":\"路北区\"}"));
        AliyunWire.assertSignedByTheKey(request);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void send_logsOneJsonLine_withTheMaskedNumberAndTemplate_andNeverTheVariables() {
        // given
        stub(200, AliyunWire.sendSmsOk("biz-3"));

        // when
        sender().send(alert(PHONE));

        // then
        assertThat(logLines).hasSize(1);
        assertThat(logLines.get(0)).startsWith("{").endsWith("}")
                .contains("\"action\":\"sms.send\"", "\"provider\":\"aliyun\"", "\"incidentId\":\"inc-1\"",
                        "\"to\":\"+86138****8000\"", "\"template\":\"SMS_465890123\"", "\"messageId\":\"biz-3\"",
                        "\"attempts\":1")
                .doesNotContain(PHONE, "13800138000", "张师傅", "路北区", AliyunWire.KEY_SECRET);
    }

    @Test
    void send_retriesTheGatewaysThrottling_withBackoff_thenSucceeds() {
        // given: Throttling.User twice (HTTP 400 from the OpenAPI gateway), then accepted
        String throttled = AliyunWire.gatewayError("Throttling.User", "Request was denied due to user flow control.");
        aliyun.stubFor(post(urlPathEqualTo("/")).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(400).withBody(throttled)).willSetStateTo("once"));
        aliyun.stubFor(post(urlPathEqualTo("/")).inScenario("t").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(400).withBody(throttled)).willSetStateTo("twice"));
        aliyun.stubFor(post(urlPathEqualTo("/")).inScenario("t").whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(200).withBody(AliyunWire.sendSmsOk("biz-after"))));

        // when
        ProviderResult result = sender().send(alert(PHONE));

        // then: each attempt freshly signed with a new nonce
        assertThat(result).isEqualTo(ProviderResult.sent("biz-after"));
        assertThat(sends()).hasSize(3).extracting(r -> r.getHeader("x-acs-signature-nonce"))
                .containsExactlyInAnyOrder("nonce-1", "nonce-2", "nonce-3");
        sends().forEach(AliyunWire::assertSignedByTheKey);
        assertThat(sleeps).containsExactly(Duration.ofMillis(150), Duration.ofMillis(300));
    }

    @Test
    void send_givesUpAsTransient_whenStillThrottledAfterTheLastAttempt() {
        // given
        stub(400, AliyunWire.gatewayError("Throttling.Api", "Request was denied due to api flow control."));

        // when
        ProviderResult result = sender().send(alert(PHONE));

        // then
        assertThat(sends()).hasSize(3);
        assertThat(result).isEqualTo(ProviderResult.failed("throttled (Throttling.Api, HTTP 400) after 3 attempts", false));
    }

    /**
     * What Alibaba answers, and the failure it is: none is retried. A per-number cap cannot pass within a second; an
     * illegal number, an empty account or a refused signature will not change; a system error, a 5xx or a proxy's
     * page may come after the SMS was sent.
     */
    static Stream<Arguments> answersThatEndTheSend() {
        return Stream.of(
                arguments("the recipient's frequency cap", 200,
                        AliyunWire.sendSmsError("isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:10"),
                        ProviderResult.failed("recipient-rate-limited (isv.BUSINESS_LIMIT_CONTROL, HTTP 200)", false)),
                arguments("an illegal number", 200, AliyunWire.sendSmsError("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号"),
                        ProviderResult.failed("invalid-parameter (isv.MOBILE_NUMBER_ILLEGAL, HTTP 200)", true)),
                arguments("no credit left", 200, AliyunWire.sendSmsError("isv.AMOUNT_NOT_ENOUGH", "账户余额不足"),
                        ProviderResult.failed("account-out-of-credit (isv.AMOUNT_NOT_ENOUGH, HTTP 200)", true)),
                arguments("the gateway rejects the signature", 400,
                        AliyunWire.gatewayError("SignatureDoesNotMatch", "Specified signature does not match our calculation."),
                        ProviderResult.failed("not-authorized (SignatureDoesNotMatch, HTTP 400)", true)),
                arguments("a system error", 200, AliyunWire.sendSmsError("isp.SYSTEM_ERROR", "isp.SYSTEM_ERROR"),
                        ProviderResult.failed("provider-unavailable (isp.SYSTEM_ERROR, HTTP 200)", false)),
                arguments("a 5xx", 503, AliyunWire.gatewayError("ServiceUnavailable",
                                "The request has failed due to a temporary failure of the server."),
                        ProviderResult.failed("provider-unavailable (ServiceUnavailable, HTTP 503)", false)),
                arguments("a proxy's HTML error page", 502, "<html><body>502 Bad Gateway</body></html>",
                        ProviderResult.failed("provider-unavailable (no code, HTTP 502)", false)));
    }

    @Test
    void sendAll_sendsOneSignedRequestPerRecipientInParallel_andAnswersInTheirOrder() {
        // given: the second number is refused, the others accepted with their own BizId
        for (int i = 0; i < 5; i++) {
            String national = "1380013800" + i;
            String body = i == 1 ? AliyunWire.sendSmsError("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号")
                    : AliyunWire.sendSmsOk("biz-" + i);
            aliyun.stubFor(post(urlPathEqualTo("/")).withQueryParam("PhoneNumbers", equalTo(national))
                    .willReturn(aResponse().withStatus(200).withFixedDelay(100).withBody(body)));
        }
        List<TemplateSms> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) batch.add(alert("+861380013800" + i));

        // when
        List<ProviderResult> results = sender().sendAll(batch);

        // then
        assertThat(results).extracting(ProviderResult::messageId).containsExactly("biz-0", null, "biz-2", "biz-3", "biz-4");
        assertThat(results.get(1).permanent()).isTrue();
        assertThat(sends()).hasSize(5);
        sends().forEach(AliyunWire::assertSignedByTheKey);
    }

    @Test
    void config_neverPrintsTheSecret_andRefusesAMissingSignName() {
        // when
        String printed = new AliyunConfig(AliyunWire.KEY_ID, AliyunWire.KEY_SECRET, "互助应急", null).toString();

        // then
        assertThat(printed).contains(AliyunWire.KEY_ID, "dysmsapi.aliyuncs.com").doesNotContain(AliyunWire.KEY_SECRET);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new AliyunConfig(AliyunWire.KEY_ID, AliyunWire.KEY_SECRET, " ", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signName");
    }
}
