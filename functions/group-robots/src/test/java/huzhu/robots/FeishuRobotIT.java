package huzhu.robots;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static huzhu.robots.FeishuStandIn.HOOK;
import static huzhu.robots.FeishuStandIn.SECRET;
import static huzhu.robots.StandInReplies.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import huzhu.robots.PostResult.Outcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Feishu/Lark bot through the JDK's URL connection against a stand-in that recomputes Feishu's signature. */
class FeishuRobotIT {
    @RegisterExtension
    static WireMockExtension feishu = new FeishuStandIn(HOOK, SECRET, NOW).server();

    private final List<Duration> waits = new ArrayList<>();
    private final GroupMessage accepted = new GroupMessage("互助 · 求助 N47",
            "【互助】求助 N47（路北区）已由队员接单，用时 3 分钟\n[huzhu] Help request N47 (路北区) taken by a volunteer in 3 min");

    @BeforeEach
    void standIn() {
        StandInReplies.answerAs(feishu, FeishuStandIn.NAME, 10);
    }

    private FeishuRobot robot(String hook, String secret, Instant now, Style style) {
        return new FeishuRobot("officers", "feishu", URI.create(feishu.baseUrl()), hook, secret,
                Clock.fixed(now, ZoneOffset.UTC), style, UrlConnectionTransport.DEFAULT);
    }

    private GroupRobots robots(GroupChat robot) {
        Retry retry = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4), waits::add, () -> 0.5);
        return new GroupRobots(List.of(new GroupRobots.Robot(robot, Set.of(GroupKind.INCIDENT_NEWS))),
                retry, Clock.fixed(NOW, ZoneOffset.UTC), line -> { });
    }

    private static JsonNode sentBody() {
        return StandInReplies.body(feishu.getAllServeEvents().get(0).getRequest());
    }

    @Test
    void post_putsTheClocksSecondsAndTheSignatureInTheBody_andIsPosted() {
        // when
        PostResult result = robot(HOOK, SECRET, NOW, Style.TEXT).post(accepted);

        // then: the stand-in recomputed the signature from the secret and the timestamp and took it
        assertThat(result).isEqualTo(PostResult.posted());
        feishu.verify(1, postRequestedFor(urlEqualTo("/open-apis/bot/v2/hook/" + HOOK)).withRequestBody(equalToJson(
                "{\"timestamp\":\"" + NOW.getEpochSecond() + "\",\"sign\":\"${json-unit.any-string}\","
                        + "\"msg_type\":\"text\",\"content\":{\"text\":\"互助 · 求助 N47\\n【互助】求助 N47（路北区）"
                        + "已由队员接单，用时 3 分钟\\n[huzhu] Help request N47 (路北区) taken by a volunteer in 3 min\"}}")));
    }

    @Test
    void post_sendsRichTextWithOneParagraphPerLine_whenTheRobotIsRich() {
        // when
        PostResult result = robot(HOOK, SECRET, NOW, Style.RICH).post(accepted);

        // then
        assertThat(result.isPosted()).isTrue();
        feishu.verify(postRequestedFor(urlEqualTo("/open-apis/bot/v2/hook/" + HOOK)).withRequestBody(equalToJson(
                "{\"timestamp\":\"${json-unit.any-string}\",\"sign\":\"${json-unit.any-string}\",\"msg_type\":\"post\","
                        + "\"content\":{\"post\":{\"zh_cn\":{\"title\":\"互助 · 求助 N47\",\"content\":["
                        + "[{\"tag\":\"text\",\"text\":\"【互助】求助 N47（路北区）已由队员接单，用时 3 分钟\"}],"
                        + "[{\"tag\":\"text\",\"text\":\"[huzhu] Help request N47 (路北区) taken by a volunteer in 3 min\"}]"
                        + "]}}}}")));
    }

    @Test
    void post_failsPermanentlyWithoutRetry_whenTheSecretIsWrong() {
        // when
        List<PostResult> results = robots(robot(HOOK, "not-the-bots-secret", NOW, Style.TEXT))
                .post(GroupKind.INCIDENT_NEWS, accepted, "inc-1");

        // then
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
            assertThat(r.detail()).startsWith("code 19021: sign match fail");
            assertThat(r.attempts()).isEqualTo(1);
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void post_failsPermanently_whenTheClockIsMoreThanAnHourAhead() {
        // when
        PostResult result = robot(HOOK, SECRET, NOW.plus(Duration.ofMinutes(61)), Style.TEXT).post(accepted);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).startsWith("code 19021");
    }

    @Test
    void post_failsPermanently_whenFeishuDoesNotKnowTheHook() {
        // when
        PostResult result = robot("00000000-0000-0000-0000-000000000000", SECRET, NOW, Style.TEXT).post(accepted);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).startsWith("code 19001: param invalid");
    }

    @Test
    void post_isRetriedThenThrottled_whenFeishuAnswersFrequencyLimited() {
        // given
        feishu.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(FeishuStandIn.FREQUENCY_LIMITED)));

        // when
        List<PostResult> results = robots(robot(HOOK, SECRET, NOW, Style.TEXT)).post(GroupKind.INCIDENT_NEWS, accepted, null);

        // then
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.THROTTLED);
            assertThat(r.attempts()).isEqualTo(3);
        });
        assertThat(waits).hasSize(2);
    }

    @Test
    void post_isThrottled_whenFeishuAnswers9499TooManyRequest_butPermanent_for9499BadRequest() {
        // given
        feishu.stubFor(any(anyUrl()).atPriority(1).inScenario("9499").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withBody(FeishuStandIn.TOO_MANY_REQUEST)).willSetStateTo("bad"));
        feishu.stubFor(any(anyUrl()).atPriority(1).inScenario("9499").whenScenarioStateIs("bad")
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}")));
        FeishuRobot robot = robot(HOOK, SECRET, NOW, Style.TEXT);

        // when
        PostResult tooMany = robot.post(accepted);
        PostResult badRequest = robot.post(accepted);

        // then
        assertThat(tooMany.outcome()).isEqualTo(Outcome.THROTTLED);
        assertThat(badRequest.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    }

    @Test
    void post_isTransient_whenFeishuAnswers502() {
        // given
        feishu.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        // when
        PostResult result = robot(HOOK, SECRET, NOW, Style.TEXT).post(accepted);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
    }

    @Test
    void post_sendsNoTimestampOrSign_forABotWithoutASecret() {
        // when
        robot(HOOK, null, NOW, Style.TEXT).post(accepted);

        // then
        assertThat(sentBody().has("timestamp")).isFalse();
        assertThat(sentBody().has("sign")).isFalse();
    }

    @Test
    void lark_postsToTheSamePathOnItsOwnHost() {
        // given
        FeishuRobot lark = new FeishuRobot("lark-group", "lark", URI.create(feishu.baseUrl()), HOOK, SECRET,
                Clock.fixed(NOW, ZoneOffset.UTC), Style.TEXT, UrlConnectionTransport.DEFAULT);

        // when
        PostResult result = lark.post(accepted);

        // then
        assertThat(result.isPosted()).isTrue();
        assertThat(lark.vendor()).isEqualTo("lark");
        assertThat(FeishuRobot.LARK_BASE_URL).hasToString("https://open.larksuite.com");
    }
}
