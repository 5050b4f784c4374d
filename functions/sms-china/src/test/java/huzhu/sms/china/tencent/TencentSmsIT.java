package huzhu.sms.china.tencent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import huzhu.core.kernel.JsonText;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;

/** The sender against WireMock standing in for sms.tencentcloudapi.com: the TC3-signed JSON call and its answers. */
class TencentSmsIT extends ProviderSenderContract {
    @RegisterExtension
    static WireMockExtension tencent = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PHONE = "+8613800138000";
    private static final Instant NOW = Instant.parse("2026-12-02T16:30:15Z");

    @Override
    protected TencentSms sender() {
        TencentConfig config = new TencentConfig(TencentWire.SECRET_ID, TencentWire.SECRET_KEY, TencentWire.APP_ID,
                "互助应急", null, URI.create(tencent.baseUrl()));
        return new TencentSms(config, new UrlConnectionPost(), Clock.fixed(NOW, ZoneOffset.UTC), recorded);
    }

    @Override
    protected TemplateSms alert(String to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", "K7");
        params.put("name", "张师傅");
        params.put("minutes", "3");
        return new TemplateSms(to, "1110", params, "alert-42", "inc-1");
    }

    @Override
    protected void stub(int status, String body) {
        tencent.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Override
    protected void dropEveryConnection() {
        tencent.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    }

    @Override
    protected List<LoggedRequest> sends() {
        return tencent.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-TC-Action", equalTo("SendSms")));
    }

    @Test
    void send_postsATc3SignedSendSms_withTheVariablesInTemplateOrder_andReturnsTheSerialNo() {
        // given
        stub(200, TencentWire.sendStatus(PHONE, "Ok", "5000:1045710669157053657849499619"));

        // when
        ProviderResult result = sender().send(alert(PHONE));

        // then
        assertThat(result).isEqualTo(ProviderResult.sent("5000:1045710669157053657849499619"));
        LoggedRequest request = sends().get(0);
        // (the stand-in's Jetty upper-cases the charset; the signature lower-cases header values anyway)
        assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
        assertThat(request.getHeader("X-TC-Version")).isEqualTo("2021-01-11");
        assertThat(request.getHeader("X-TC-Region")).isEqualTo("ap-guangzhou");
        assertThat(request.getHeader("X-TC-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(JsonText.parse(request.getBodyAsString())).isEqualTo(Map.of(
                "PhoneNumberSet", List.of(PHONE),
                "SmsSdkAppId", "1400006666",
                "SignName", "互助应急",
                "TemplateId", "1110",
                "TemplateParamSet", List.of("K7", "张师傅", "3"),
                "SessionContext", "alert-42"));
        assertThat(request.getHeader("Authorization"))
                .startsWith("TC3-HMAC-SHA256 Credential=" + TencentWire.SECRET_ID + "/2026-12-02/sms/tc3_request, "
                        + "SignedHeaders=content-type;host;x-tc-action, Signature=");
        TencentWire.assertSignedByTheKey(request);
    }

    @Test
    void send_logsOneJsonLine_withTheMaskedNumber_andNeverTheVariables() {
        // given
        stub(200, TencentWire.sendStatus(PHONE, "Ok", "sn-1"));

        // when
        sender().send(alert(PHONE));

        // then
        assertThat(logLines).singleElement().asString()
                .contains("\"provider\":\"tencent\"", "\"to\":\"+86138****8000\"", "\"messageId\":\"sn-1\"")
                .doesNotContain(PHONE, "张师傅", TencentWire.SECRET_KEY);
    }

    @Test
    void send_retriesRequestLimitExceeded_withBackoff_thenSucceeds() {
        // given
        String limited = TencentWire.error("RequestLimitExceeded", "请求的次数超过了频率限制。");
        tencent.stubFor(post(urlEqualTo("/")).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody(limited)).willSetStateTo("once"));
        tencent.stubFor(post(urlEqualTo("/")).inScenario("t").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(200).withBody(TencentWire.sendStatus(PHONE, "Ok", "sn-after"))));

        // when
        ProviderResult result = sender().send(alert(PHONE));

        // then
        assertThat(result).isEqualTo(ProviderResult.sent("sn-after"));
        assertThat(sends()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(150));
    }

    @Test
    void send_givesUpAsTransient_whenStillLimitedAfterTheLastAttempt() {
        // given
        stub(200, TencentWire.error("RequestLimitExceeded.GlobalRegionUinLimitExceeded", "主账号超过频率限制。"));

        // when
        ProviderResult result = sender().send(alert(PHONE));

        // then
        assertThat(sends()).hasSize(3);
        assertThat(result).isEqualTo(ProviderResult.failed(
                "throttled (RequestLimitExceeded.GlobalRegionUinLimitExceeded, HTTP 200) after 3 attempts", false));
    }

    /**
     * What Tencent answers, and the failure it is: none is retried. A number's daily cap cannot pass within a second;
     * an incorrect number, an unapproved template, an empty balance or a refused signature will not change (an
     * expired signature will, on the next send's fresh one); an internal timeout or a 5xx may come after the SMS
     * was sent.
     */
    static Stream<Arguments> answersThatEndTheSend() {
        return Stream.of(
                arguments("the number's daily cap (a per-number result inside SendStatusSet)", 200,
                        TencentWire.sendStatus(PHONE, "LimitExceeded.PhoneNumberDailyLimit", ""),
                        ProviderResult.failed("recipient-rate-limited (LimitExceeded.PhoneNumberDailyLimit, HTTP 200)",
                                false)),
                arguments("an incorrect number", 200,
                        TencentWire.sendStatus(PHONE, "InvalidParameterValue.IncorrectPhoneNumber", ""),
                        ProviderResult.failed("invalid-parameter (InvalidParameterValue.IncorrectPhoneNumber, HTTP 200)",
                                true)),
                arguments("an unapproved template", 200,
                        TencentWire.error("FailedOperation.TemplateIncorrectOrUnapproved", "模板未审批或内容不匹配。"),
                        ProviderResult.failed("rejected (FailedOperation.TemplateIncorrectOrUnapproved, HTTP 200)", true)),
                arguments("an empty balance", 200,
                        TencentWire.error("FailedOperation.InsufficientBalanceInSmsPackage", "套餐包余量不足。"),
                        ProviderResult.failed(
                                "account-out-of-credit (FailedOperation.InsufficientBalanceInSmsPackage, HTTP 200)", true)),
                arguments("a refused signature", 200,
                        TencentWire.error("AuthFailure.SignatureFailure", "The provided credentials could not be validated."),
                        ProviderResult.failed("not-authorized (AuthFailure.SignatureFailure, HTTP 200)", true)),
                arguments("an expired signature", 200, TencentWire.error("AuthFailure.SignatureExpire", "签名过期。"),
                        ProviderResult.failed("rejected-transient (AuthFailure.SignatureExpire, HTTP 200)", false)),
                arguments("an internal timeout", 200, TencentWire.error("InternalError.Timeout", "请求下发短信超时。"),
                        ProviderResult.failed("provider-unavailable (InternalError.Timeout, HTTP 200)", false)),
                arguments("a 5xx", 502, "<html>502 Bad Gateway</html>",
                        ProviderResult.failed("provider-unavailable (no code, HTTP 502)", false)));
    }

    @Test
    void sendAll_sendsOneRequestPerRecipientInParallel_andAnswersInTheirOrder() {
        // given
        for (int i = 0; i < 4; i++) {
            String phone = "+861380013800" + i;
            String body = i == 2 ? TencentWire.sendStatus(phone, "InvalidParameterValue.IncorrectPhoneNumber", "")
                    : TencentWire.sendStatus(phone, "Ok", "sn-" + i);
            tencent.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.PhoneNumberSet[0]", equalTo(phone)))
                    .willReturn(aResponse().withStatus(200).withFixedDelay(100).withBody(body)));
        }
        List<TemplateSms> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) batch.add(alert("+861380013800" + i));

        // when
        List<ProviderResult> results = sender().sendAll(batch);

        // then
        assertThat(results).extracting(ProviderResult::messageId).containsExactly("sn-0", "sn-1", null, "sn-3");
        sends().forEach(TencentWire::assertSignedByTheKey);
    }

    @Test
    void config_neverPrintsTheSecretKey_andDefaultsToGuangzhouAndTheTencentEndpoint() {
        // when
        TencentConfig config = new TencentConfig(TencentWire.SECRET_ID, TencentWire.SECRET_KEY, TencentWire.APP_ID,
                "互助应急", " ", null);

        // then
        assertThat(config.region()).isEqualTo("ap-guangzhou");
        assertThat(config.endpoint()).hasToString("https://sms.tencentcloudapi.com/");
        assertThat(config.toString()).contains(TencentWire.SECRET_ID).doesNotContain(TencentWire.SECRET_KEY);
    }
}
