package huzhu.sms.china.tencent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import huzhu.sms.china.DeliveryReport;
import huzhu.sms.china.Uplink;
import huzhu.sms.china.UrlConnectionPost;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PullSmsReplyStatus / PullSmsSendStatus (2021-01-11) against a stand-in answering in the reference's shape. */
class TencentPullIT {
    @RegisterExtension
    static WireMockExtension tencent = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private TencentPull pull() {
        TencentConfig config = new TencentConfig(TencentWire.SECRET_ID, TencentWire.SECRET_KEY, TencentWire.APP_ID,
                "互助应急", "ap-beijing", URI.create(tencent.baseUrl()));
        return new TencentPull(config, new UrlConnectionPost(), Clock.fixed(Instant.parse("2026-12-02T08:31:00Z"),
                ZoneOffset.UTC));
    }

    @Test
    void replies_pullsSignedAndReadsEachReply_withTheIdThePushWouldHaveGiven() {
        // given
        tencent.stubFor(post(urlEqualTo("/")).withHeader("X-TC-Action", equalTo("PullSmsReplyStatus"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"Response":{"PullSmsReplyStatusSet":[
                          {"ExtendCode":"","CountryCode":"86","PhoneNumber":"+8613800138000","SignName":"互助应急",
                           "ReplyContent":"接 🚑","ReplyTime":1764664205,"SubscriberNumber":"13800138000"}],
                         "RequestId":"a0aabda6-cf91-4f3e-a81f-9198114a2279"}}""")));

        // when
        List<Uplink> replies = pull().replies(100);

        // then
        String pushed = TencentPushes.uplinks("{\"mobile\":\"13800138000\",\"nationcode\":\"86\",\"sign\":\"互助应急\","
                + "\"text\":\"接 🚑\",\"time\":1764664205}").get(0).providerMessageId();
        assertThat(replies).containsExactly(
                new Uplink(pushed, "+8613800138000", "接 🚑", Instant.ofEpochSecond(1764664205)));
        var request = tencent.findAll(postRequestedFor(urlEqualTo("/"))).get(0);
        assertThat(request.getBodyAsString()).isEqualTo("{\"Limit\":100,\"SmsSdkAppId\":\"1400006666\"}");
        assertThat(request.getHeader("X-TC-Region")).isEqualTo("ap-beijing");
        TencentWire.assertSignedByTheKey(request);
    }

    @Test
    void reports_readsDeliveredAndFailed_andCapsTheLimitAt100() {
        // given
        tencent.stubFor(post(urlEqualTo("/")).withHeader("X-TC-Action", equalTo("PullSmsSendStatus"))
                .withRequestBody(equalToJson("{\"Limit\":100,\"SmsSdkAppId\":\"1400006666\"}"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"Response":{"PullSmsSendStatusSet":[
                          {"UserReceiveTime":1764664204,"CountryCode":"86","SubscriberNumber":"13800138000",
                           "PhoneNumber":"+8613800138000","SerialNo":"5000:1","ReportStatus":"SUCCESS",
                           "Description":"用户短信送达成功","SessionContext":"alert-42"},
                          {"UserReceiveTime":1764664260,"CountryCode":"86","SubscriberNumber":"13900139000",
                           "PhoneNumber":"+8613900139000","SerialNo":"5000:2","ReportStatus":"FAIL",
                           "Description":"空号","SessionContext":""}],
                         "RequestId":"b0aabda6-cf91-4f3e-a81f-9198114a2279"}}""")));

        // when
        List<DeliveryReport> reports = pull().reports(500);

        // then
        assertThat(reports).containsExactly(
                new DeliveryReport("5000:1", "+8613800138000", true, "SUCCESS", Instant.ofEpochSecond(1764664204),
                        "alert-42"),
                new DeliveryReport("5000:2", "+8613900139000", false, "FAIL", Instant.ofEpochSecond(1764664260), null));
    }

    @Test
    void replies_throwUnavailable_whenTencentAnswersWithAnError() {
        // given
        tencent.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withBody(TencentWire.error("UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId 校验失败。"))));

        // when / then
        assertThatThrownBy(() -> pull().replies(10)).isInstanceOf(TencentPull.Unavailable.class)
                .hasMessage("PullSmsReplyStatus failed: not-authorized (UnauthorizedOperation.SmsSdkAppIdVerifyFail, HTTP 200)");
    }
}
