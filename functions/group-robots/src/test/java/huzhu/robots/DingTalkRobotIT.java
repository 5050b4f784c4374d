package huzhu.robots;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static huzhu.robots.DingTalkStandIn.SECRET;
import static huzhu.robots.DingTalkStandIn.TOKEN;
import static huzhu.robots.StandInReplies.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import huzhu.robots.PostResult.Outcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DingTalk robot through the JDK's URL connection against a stand-in that recomputes DingTalk's signature. */
class DingTalkRobotIT {
    @RegisterExtension
    static WireMockExtension dingtalk = new DingTalkStandIn(TOKEN, SECRET, NOW).server();

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private final GroupMessage escalated = new GroupMessage("互助 · 求助 N47", "【互助】求助 N47（路北区）已升级至第 1 级");

    @BeforeEach
    void standIn() {
        StandInReplies.answerAs(dingtalk, DingTalkStandIn.NAME, 10);
    }

    private DingTalkRobot robot(String token, String secret, Instant now, Style style) {
        return new DingTalkRobot("leaders", URI.create(dingtalk.baseUrl()), token, secret,
                Clock.fixed(now, ZoneOffset.UTC), style, UrlConnectionTransport.DEFAULT);
    }

    private GroupRobots robots(GroupChat robot) {
        Retry retry = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4), waits::add, () -> 0.5);
        return new GroupRobots(List.of(new GroupRobots.Robot(robot, Set.of(GroupKind.LEADER_SUMMARY))),
                retry, Clock.fixed(NOW, ZoneOffset.UTC), logLines::add);
    }

    @Test
    void post_signsWithTheClocksMillisecondsAndTheSecret_andIsPosted() {
        // when
        PostResult result = robot(TOKEN, SECRET, NOW, Style.TEXT).post(escalated);

        // then: the stand-in recomputed the signature from the secret and the timestamp and took it
        assertThat(result).isEqualTo(PostResult.posted());
        dingtalk.verify(1, postRequestedFor(urlPathEqualTo("/robot/send"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .withQueryParam("timestamp", equalTo(String.valueOf(NOW.toEpochMilli())))
                .withRequestBody(equalToJson("{\"msgtype\":\"text\",\"text\":{\"content\":"
                        + "\"互助 · 求助 N47\\n【互助】求助 N47（路北区）已升级至第 1 级\"}}")));
        Map<String, String> query = StandInReplies.query(dingtalk.getAllServeEvents().get(0).getRequest());
        assertThat(query).containsOnlyKeys("access_token", "timestamp", "sign");
    }

    @Test
    void post_urlEncodesTheSign_soThatAPlusInItReachesDingTalkAsAPlus() {
        // given: at this millisecond the signature is ZG7+5ru8Ge/6VuU6qriV5CxRZgjQgKlEhPj7diK+QkY=
        Instant plusInSign = NOW.plusMillis(1);

        // when
        PostResult result = robot(TOKEN, SECRET, plusInSign, Style.TEXT).post(escalated);

        // then: an unencoded '+' would arrive as a space and fail the stand-in's check
        assertThat(result.isPosted()).isTrue();
        assertThat(dingtalk.getAllServeEvents().get(0).getRequest().getUrl())
                .contains("&sign=ZG7%2B5ru8Ge%2F6VuU6qriV5CxRZgjQgKlEhPj7diK%2BQkY%3D");
    }

    @Test
    void post_sendsMarkdownWithATitle_whenTheRobotIsRich() {
        // when
        PostResult result = robot(TOKEN, SECRET, NOW, Style.RICH).post(escalated);

        // then
        assertThat(result.isPosted()).isTrue();
        dingtalk.verify(postRequestedFor(urlPathEqualTo("/robot/send")).withRequestBody(equalToJson(
                "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"互助 · 求助 N47\","
                        + "\"text\":\"#### 互助 · 求助 N47\\n\\n【互助】求助 N47（路北区）已升级至第 1 级\"}}")));
    }

    @Test
    void post_failsPermanentlyWithoutRetry_whenTheSecretIsWrong() {
        // given
        GroupRobots robots = robots(robot(TOKEN, "SECnot-the-robots-secret-0000000000000000", NOW, Style.TEXT));

        // when
        List<PostResult> results = robots.post(GroupKind.LEADER_SUMMARY, escalated, "inc-1");

        // then
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
            assertThat(r.detail()).startsWith("code 310000: sign not match");
            assertThat(r.attempts()).isEqualTo(1);
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void post_failsPermanently_whenTheClockIsMoreThanAnHourOff() {
        // when: the client's clock is 61 minutes behind DingTalk's
        PostResult result = robot(TOKEN, SECRET, NOW.minus(Duration.ofMinutes(61)), Style.TEXT).post(escalated);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).startsWith("code 310000");
    }

    @Test
    void post_isPosted_whenTheClockIsWithinTheHour() {
        // when
        PostResult result = robot(TOKEN, SECRET, NOW.minus(Duration.ofMinutes(59)), Style.TEXT).post(escalated);

        // then
        assertThat(result.isPosted()).isTrue();
    }

    @Test
    void post_failsPermanently_whenDingTalkDoesNotKnowTheToken() {
        // when
        PostResult result = robot("ffffffffffffffffffffffffffffffff", SECRET, NOW, Style.TEXT).post(escalated);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).isEqualTo("code 300001: token is not exist (HTTP 200)");
    }

    @Test
    void post_isRetriedThenThrottled_whenDingTalkAnswersSendTooFast_withAFreshSignatureEachTime() {
        // given
        dingtalk.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(DingTalkStandIn.SEND_TOO_FAST)));

        // when
        List<PostResult> results = robots(robot(TOKEN, SECRET, NOW, Style.TEXT))
                .post(GroupKind.LEADER_SUMMARY, escalated, "inc-1");

        // then
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.THROTTLED);
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(r.detail()).startsWith("code 130101: send too fast");
        });
        assertThat(dingtalk.getAllServeEvents()).hasSize(3)
                .allSatisfy(e -> assertThat(StandInReplies.query(e.getRequest())).containsKeys("timestamp", "sign"));
        assertThat(waits).hasSize(2);
    }

    @Test
    void post_isTransientAndRetried_whenDingTalkAnswers500() {
        // given
        dingtalk.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(500)));

        // when
        List<PostResult> results = robots(robot(TOKEN, SECRET, NOW, Style.TEXT))
                .post(GroupKind.LEADER_SUMMARY, escalated, null);

        // then
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
            assertThat(r.attempts()).isEqualTo(3);
        });
    }

    @Test
    void post_sendsNoTimestampOrSign_forARobotWithoutASecret() {
        // given: the stand-in insists on a signature, so this one is refused; what matters is what was sent
        DingTalkRobot keywordOnly = robot(TOKEN, null, NOW, Style.TEXT);

        // when
        keywordOnly.post(escalated);

        // then
        assertThat(StandInReplies.query(dingtalk.getAllServeEvents().get(0).getRequest()))
                .containsOnlyKeys("access_token");
    }

    @Test
    void theLogNamesTheRobot_neverTheTokenOrTheSecret() {
        // given
        GroupRobots robots = robots(robot(TOKEN, "SECnot-the-robots-secret-0000000000000000", NOW, Style.TEXT));

        // when
        robots.post(GroupKind.LEADER_SUMMARY, escalated, "inc-1");

        // then
        assertThat(logLines).singleElement().asString()
                .contains("\"robot\":\"leaders\"", "\"vendor\":\"dingtalk\"", "\"kind\":\"leader-summaries\"")
                .doesNotContain(TOKEN, SECRET, "SECnot-the-robots-secret");
    }
}
