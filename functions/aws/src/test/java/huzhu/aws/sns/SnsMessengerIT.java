package huzhu.aws.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import huzhu.aws.sns.SnsWire.Attribute;
import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.SendWiring;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.testing.TestSms;
import huzhu.core.sms.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real SDK against WireMock standing in for SNS: the exact query-protocol request and SNS's XML replies. */
class SnsMessengerIT {
    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PHONE = "+8613800138000";
    private static final RenderedSms SMS = TestSms.saying("张师傅家(朝阳区)需要帮助");
    private static final String BODY = SMS.text();
    private static final SmsConfig FULL_CONFIG =
            new SmsConfig("HUZHU", "+12065550100", "0.50", null);

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();

    private SnsMessenger messenger(SmsConfig config) {
        return new SnsMessenger(SnsWire.client(sns.baseUrl()), config,
                new SendWiring(Backoff.DEFAULT, sleeps::add, () -> 0.5, logLines::add));
    }

    private static void stubPublish(int status, String xml) {
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    private static List<LoggedRequest> publishes() {
        return sns.findAll(postRequestedFor(urlEqualTo("/")).withFormParam("Action", equalTo("Publish")));
    }

    @Test
    void send_publishesToThePhoneNumberAsTransactionalQueryRequest_andReturnsSnsMessageId() {
        // given
        stubPublish(200, SnsWire.publishResponse("94f20ce6-13c5-43a0-9a9e-ca52d816e90b"));

        // when
        SendResult result = messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-1"));

        // then
        assertThat(result).isEqualTo(SendResult.sent("94f20ce6-13c5-43a0-9a9e-ca52d816e90b"));
        sns.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("Action", equalTo("Publish"))
                .withFormParam("Version", equalTo("2010-03-31"))
                .withFormParam("PhoneNumber", equalTo(PHONE))
                .withFormParam("Message", equalTo(BODY)));
        Map<String, String> form = SnsWire.form(publishes().get(0).getBodyAsString());
        assertThat(form).doesNotContainKeys("TopicArn", "TargetArn", "Subject");
        assertThat(SnsWire.messageAttributes(form)).containsOnly(
                Map.entry("AWS.SNS.SMS.SMSType", new Attribute("String", "Transactional")),
                Map.entry("AWS.SNS.SMS.SenderID", new Attribute("String", "HUZHU")),
                Map.entry("AWS.MM.SMS.OriginationNumber", new Attribute("String", "+12065550100")),
                Map.entry("AWS.SNS.SMS.MaxPrice", new Attribute("Number", "0.50")));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void send_sendsOnlyTheSmsType_whenNoSenderIdOriginationNumberOrPriceIsConfigured() {
        // given
        stubPublish(200, SnsWire.publishResponse("m-2"));

        // when
        SendResult result = messenger(SmsConfig.DEFAULTS).send(new OutboundSms(PHONE, TestSms.saying("hi"), null));

        // then
        assertThat(result.ok()).isTrue();
        assertThat(SnsWire.messageAttributes(SnsWire.form(publishes().get(0).getBodyAsString())))
                .containsOnly(Map.entry("AWS.SNS.SMS.SMSType", new Attribute("String", "Transactional")));
    }

    @Test
    void send_logsOneJsonLine_withTheMaskedPhone_andNeverTheNumberOrTheText() {
        // given
        stubPublish(200, SnsWire.publishResponse("m-3"));

        // when
        messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-9"));

        // then
        assertThat(logLines).hasSize(1);
        String line = logLines.get(0);
        assertThat(line).startsWith("{").endsWith("}")
                .contains("\"action\":\"sms.send\"", "\"incidentId\":\"inc-9\"", "\"to\":\"+86138****8000\"",
                        "\"outcome\":\"sent\"", "\"messageId\":\"m-3\"", "\"attempts\":1")
                .doesNotContain(PHONE, "张师傅", "t0k3n");
    }

    @Test
    void send_retriesThrottledPublishWithBackoff_thenSucceeds() {
        // given: SNS throttles twice (HTTP 429, code Throttled), then accepts
        String throttled = SnsWire.errorResponse("Sender", "Throttled", "Rate exceeded");
        sns.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "text/xml").withBody(throttled))
                .willSetStateTo("once"));
        sns.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "text/xml").withBody(throttled))
                .willSetStateTo("twice"));
        sns.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(SnsWire.publishResponse("m-after-throttle"))));

        // when
        SendResult result = messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-1"));

        // then
        assertThat(result).isEqualTo(SendResult.sent("m-after-throttle"));
        assertThat(publishes()).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(150), Duration.ofMillis(300));
        assertThat(logLines.get(0)).contains("\"attempts\":3");
    }

    @Test
    void send_givesUpWithTransientFailure_whenStillThrottledAfterTheLastAttempt() {
        // given: a generic Throttling code on HTTP 400, every time
        stubPublish(400, SnsWire.errorResponse("Sender", "Throttling", "Rate exceeded"));

        // when
        SendResult result = messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-1"));

        // then: three attempts in all (the SDK adds none of its own), two waits
        assertThat(publishes()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(result.ok()).isFalse();
        assertThat(result.permanent()).isFalse();
        assertThat(result.failureReason()).startsWith("throttled").contains("Throttling", "after 3 attempts");
    }

    @Test
    void send_failsPermanentlyWithoutRetry_whenTheNumberHasOptedOut() {
        // given
        stubPublish(400, SnsWire.errorResponse("Sender", "OptedOut",
                "Phone number is opted out: " + PHONE));

        // when
        SendResult result = messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-1"));

        // then
        assertThat(publishes()).hasSize(1);
        assertThat(sleeps).isEmpty();
        assertThat(result.permanent()).isTrue();
        assertThat(result.failureReason()).startsWith("opted-out").doesNotContain(PHONE);
    }

    @Test
    void send_failsPermanentlyWithoutRetry_whenSnsRejectsTheNumberAsInvalidParameter() {
        // given
        stubPublish(400, SnsWire.errorResponse("Sender", "InvalidParameter",
                "Invalid parameter: PhoneNumber Reason: " + PHONE + " is not valid to publish to"));

        // when
        SendResult result = messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-1"));

        // then
        assertThat(publishes()).hasSize(1);
        assertThat(result).isEqualTo(SendResult.failed("invalid-parameter (InvalidParameter, HTTP 400)", true));
    }

    @Test
    void send_failsPermanentlyWithoutRetry_whenNotAuthorized() {
        // given
        stubPublish(403, SnsWire.errorResponse("Sender", "AuthorizationError",
                "User is not authorized to perform: SNS:Publish on resource: " + PHONE));

        // when
        SendResult result = messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-1"));

        // then
        assertThat(publishes()).hasSize(1);
        assertThat(result).isEqualTo(SendResult.failed("not-authorized (AuthorizationError, HTTP 403)", true));
    }

    @Test
    void send_reportsTransientFailureWithoutRetry_whenSnsAnswers500() {
        // given: SNS may or may not have sent it, so no blind retry (it could duplicate an alert)
        stubPublish(500, SnsWire.errorResponse("Receiver", "InternalError", "Internal Error"));

        // when
        SendResult result = messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-1"));

        // then
        assertThat(publishes()).hasSize(1);
        assertThat(sleeps).isEmpty();
        assertThat(result).isEqualTo(SendResult.failed("sns-unavailable (InternalError, HTTP 500)", false));
        assertThat(logLines.get(0)).contains("\"outcome\":\"failed\"", "\"permanent\":false", "\"level\":\"ERROR\"");
    }

    @Test
    void send_reportsTransientFailure_whenTheConnectionBreaks() {
        // given
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        // when
        SendResult result = messenger(FULL_CONFIG).send(new OutboundSms(PHONE, SMS, "inc-1"));

        // then
        assertThat(result.ok()).isFalse();
        assertThat(result.permanent()).isFalse();
        assertThat(result.failureReason()).startsWith("network");
    }

    @Test
    void send_reportsTransientFailure_whenNothingListens() {
        // given: an endpoint where nothing answers
        SnsMessenger offline = new SnsMessenger(SnsWire.client("http://127.0.0.1:1"), SmsConfig.DEFAULTS,
                new SendWiring(Backoff.DEFAULT, sleeps::add, () -> 0.5, logLines::add));

        // when
        SendResult result = offline.send(new OutboundSms(PHONE, SMS, null));

        // then
        assertThat(result.ok()).isFalse();
        assertThat(result.permanent()).isFalse();
        assertThat(result.failureReason()).startsWith("network");
    }

    @Test
    void send_failsPermanentlyWithoutCallingSns_whenTheNumberIsNotE164() {
        // when
        SendResult national = messenger(FULL_CONFIG).send(new OutboundSms("13800138000", SMS, "inc-1"));
        SendResult missing = messenger(FULL_CONFIG).send(new OutboundSms(null, SMS, "inc-1"));

        // then
        assertThat(List.of(national, missing)).allSatisfy(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.permanent()).isTrue();
        });
        assertThat(sns.getAllServeEvents()).isEmpty();
        assertThat(logLines).hasSize(2);
    }

    @Test
    void send_failsWithoutWaitingFurther_whenInterruptedWhileBackingOff() {
        // given
        stubPublish(429, SnsWire.errorResponse("Sender", "Throttled", "Rate exceeded"));
        SnsMessenger interrupted = new SnsMessenger(SnsWire.client(sns.baseUrl()), SmsConfig.DEFAULTS,
                new SendWiring(Backoff.DEFAULT, d -> {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }, () -> 0.5, logLines::add));

        // when
        SendResult result = interrupted.send(new OutboundSms(PHONE, SMS, null));

        // then
        assertThat(Thread.interrupted()).isTrue();
        assertThat(publishes()).hasSize(1);
        assertThat(result.permanent()).isFalse();
        assertThat(result.failureReason()).contains("interrupted");
    }

    @Test
    void sendAll_publishesInParallel_soTwentyAlertsCostAboutTwoRoundTrips_andKeepsTheOrder() {
        // given an SNS that takes 300 ms per Publish, and twenty volunteers to alert
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(300)
                .withHeader("Content-Type", "text/xml").withBody(SnsWire.publishResponse("mid"))));
        List<OutboundSms> alerts = new ArrayList<>();
        for (int i = 0; i < 20; i++) alerts.add(new OutboundSms(String.format("+86138%08d", i), SMS, "inc-1"));

        // when
        long started = System.nanoTime();
        List<SendResult> results = messenger(FULL_CONFIG).sendAll(alerts);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then: all sent, in order; far below the 6 s that one-by-one would take (BENCHMARKS.md has the figures)
        assertThat(results).hasSize(20).allMatch(SendResult::ok);
        assertThat(publishes()).hasSize(20);
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void sendAll_reportsEachRecipientsOwnOutcome() {
        // given one number SNS refuses as opted out, the other fine
        sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("8613800000001"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                        .withBody(SnsWire.errorResponse("Sender", "InvalidParameter", "Invalid parameter: PhoneNumber"))));
        sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("8613800000002"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(SnsWire.publishResponse("ok-2"))));

        // when
        List<SendResult> results = messenger(FULL_CONFIG).sendAll(List.of(
                new OutboundSms("+8613800000001", SMS, "inc-1"), new OutboundSms("+8613800000002", SMS, "inc-1")));

        // then
        assertThat(results.get(0).ok()).isFalse();
        assertThat(results.get(0).permanent()).isTrue();
        assertThat(results.get(1)).isEqualTo(SendResult.sent("ok-2"));
    }
}
