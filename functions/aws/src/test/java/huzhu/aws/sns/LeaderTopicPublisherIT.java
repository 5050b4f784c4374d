package huzhu.aws.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import huzhu.aws.sns.SnsWire.Attribute;
import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.SendWiring;
import huzhu.core.sms.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeaderTopicPublisherIT {
    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOPIC = "arn:aws-cn:sns:cn-north-1:123456789012:huzhu-LeaderTopic-ABC";

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();

    private LeaderTopicPublisher publisher(String topicArn) {
        return new LeaderTopicPublisher(SnsWire.client(sns.baseUrl()), topicArn,
                new SendWiring(Backoff.DEFAULT, sleeps::add, () -> 0.5, logLines::add));
    }

    private static Map<String, String> onlyPublishForm() {
        var requests = sns.findAll(postRequestedFor(urlEqualTo("/")).withFormParam("Action", equalTo("Publish")));
        assertThat(requests).hasSize(1);
        return SnsWire.form(requests.get(0).getBodyAsString());
    }

    @Test
    void announce_publishesToTheTopic_withTheLevelAsNumberAttributeForFiltering() {
        // given
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(SnsWire.publishResponse("t-1"))));

        // when
        SendResult result = publisher(TOPIC).publish(2, "Incident K7 escalated to level 2", "Nobody accepted.");

        // then
        assertThat(result).isEqualTo(SendResult.sent("t-1"));
        Map<String, String> form = onlyPublishForm();
        assertThat(form).containsEntry("TopicArn", TOPIC)
                .containsEntry("Subject", "Incident K7 escalated to level 2")
                .containsEntry("Message", "Nobody accepted.")
                .doesNotContainKey("PhoneNumber");
        assertThat(SnsWire.messageAttributes(form)).containsOnly(Map.entry("level", new Attribute("Number", "2")));
        assertThat(logLines).singleElement().asString()
                .contains("\"action\":\"leaders.announce\"", "\"escalationLevel\":2", "\"outcome\":\"sent\"");
    }

    @Test
    void announce_movesASubjectSnsWouldRefuse_intoTheFirstLineOfTheMessage() {
        // given
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody(SnsWire.publishResponse("t-2"))));

        // when
        publisher(TOPIC).publish(1, "【互助】K7 升级到第1级", "无人接单");

        // then
        Map<String, String> form = onlyPublishForm();
        assertThat(form).doesNotContainKey("Subject").containsEntry("Message", "【互助】K7 升级到第1级\n无人接单");
    }

    @Test
    void announce_failsPermanentlyWithoutCallingSns_whenNoTopicIsConfigured() {
        // when
        SendResult result = publisher("  ").publish(1, "s", "t");

        // then
        assertThat(result.ok()).isFalse();
        assertThat(result.permanent()).isTrue();
        assertThat(result.failureReason()).contains("HUZHU_LEADER_TOPIC_ARN");
        assertThat(sns.getAllServeEvents()).isEmpty();
    }

    @Test
    void announce_retriesThrottling_likeTheMessenger() {
        // given
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "text/xml")
                .withBody(SnsWire.errorResponse("Sender", "Throttled", "Rate exceeded"))));

        // when
        SendResult result = publisher(TOPIC).publish(1, "s", "t");

        // then
        assertThat(sns.getAllServeEvents()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(result.permanent()).isFalse();
    }

    @Test
    void validSubject_acceptsPrintableAsciiUnder100Characters_only() {
        assertThat(LeaderTopicPublisher.validSubject("Incident K7: level 2")).isTrue();
        assertThat(LeaderTopicPublisher.validSubject("x".repeat(100))).isFalse();
        assertThat(LeaderTopicPublisher.validSubject("line\nbreak")).isFalse();
        assertThat(LeaderTopicPublisher.validSubject("互助")).isFalse();
    }
}
