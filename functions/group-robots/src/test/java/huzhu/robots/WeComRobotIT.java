package huzhu.robots;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static huzhu.robots.StandInReplies.NOW;
import static huzhu.robots.WeComStandIn.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import huzhu.robots.PostResult.Outcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WeCom robot through the JDK's URL connection against a stand-in that checks what WeCom checks. */
class WeComRobotIT {
    @RegisterExtension
    static WireMockExtension wecom = new WeComStandIn(KEY).server();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private final GroupMessage opened = new GroupMessage("互助 · 求助 N47", "【互助】求助 N47（路北区）已发起");

    @BeforeEach
    void standIn() {
        StandInReplies.answerAs(wecom, WeComStandIn.NAME, 10);
    }

    private WeComRobot robot(String key, Style style) {
        return new WeComRobot("union-work-group", URI.create(wecom.baseUrl()), key, style, UrlConnectionTransport.DEFAULT);
    }

    private GroupRobots robots(GroupChat robot) {
        Retry retry = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4), waits::add, () -> 0.5);
        return new GroupRobots(List.of(new GroupRobots.Robot(robot, java.util.Set.of(GroupKind.INCIDENT_NEWS))),
                retry, clock, logLines::add);
    }

    @Test
    void post_sendsTheTextMessageToTheKeysWebhook_andIsPosted() {
        // when
        PostResult result = robot(KEY, Style.TEXT).post(opened);

        // then
        assertThat(result).isEqualTo(PostResult.posted());
        wecom.verify(1, postRequestedFor(urlEqualTo("/cgi-bin/webhook/send?key=" + KEY))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(
                        "{\"msgtype\":\"text\",\"text\":{\"content\":\"互助 · 求助 N47\\n【互助】求助 N47（路北区）已发起\"}}")));
    }

    @Test
    void post_sendsMarkdownWithTheTitleInBold_whenTheRobotIsRich() {
        // when
        PostResult result = robot(KEY, Style.RICH).post(opened);

        // then
        assertThat(result.isPosted()).isTrue();
        wecom.verify(postRequestedFor(urlEqualTo("/cgi-bin/webhook/send?key=" + KEY)).withRequestBody(equalToJson(
                "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**互助 · 求助 N47**\\n【互助】求助 N47（路北区）已发起\"}}")));
    }

    @Test
    void post_cutsATextOver2048Bytes_soWeComTakesIt() {
        // given: 1000 Chinese characters are 3000 UTF-8 bytes
        GroupMessage notice = new GroupMessage("通知", "工".repeat(1000));

        // when
        PostResult result = robot(KEY, Style.TEXT).post(notice);

        // then: the stand-in refuses anything over 2048 bytes with 40008
        assertThat(result.isPosted()).isTrue();
        String content = StandInReplies.body(wecom.getAllServeEvents().get(0).getRequest()).path("text").path("content").asText();
        assertThat(StandInReplies.utf8Length(content)).isLessThanOrEqualTo(2048);
        assertThat(content).startsWith("通知\n工工工").endsWith("…");
    }

    @Test
    void post_failsPermanently_whenWeComDoesNotKnowTheKey_andNeverRetries() {
        // given
        GroupRobots robots = robots(robot("0000aaaa-1111-2222-3333-444455556666", Style.TEXT));

        // when
        List<PostResult> results = robots.post(GroupKind.INCIDENT_NEWS, opened, "inc-1");

        // then
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
            assertThat(r.detail()).startsWith("code 93000: invalid webhook url");
            assertThat(r.attempts()).isEqualTo(1);
        });
        assertThat(waits).isEmpty();
        assertThat(wecom.getAllServeEvents()).hasSize(1);
    }

    @Test
    void post_isRetriedWithGrowingWaits_thenReportedThrottled_whenWeComAnswers45009EveryTime() {
        // given
        wecom.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(WeComStandIn.FREQUENCY_LIMIT)));

        // when
        List<PostResult> results = robots(robot(KEY, Style.TEXT)).post(GroupKind.INCIDENT_NEWS, opened, "inc-1");

        // then
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.THROTTLED);
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(r.detail()).startsWith("code 45009: api freq out of limit");
        });
        assertThat(wecom.getAllServeEvents()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500));
    }

    @Test
    void post_isPostedOnTheSecondAttempt_whenTheRateLimitHasPassed() {
        // given: throttled once, then the stand-in's own answer
        wecom.stubFor(any(anyUrl()).atPriority(1).inScenario("limit").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(200).withBody(WeComStandIn.FREQUENCY_LIMIT)).willSetStateTo("passed"));

        // when
        List<PostResult> results = robots(robot(KEY, Style.TEXT)).post(GroupKind.INCIDENT_NEWS, opened, null);

        // then
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.isPosted()).isTrue();
            assertThat(r.attempts()).isEqualTo(2);
        });
        assertThat(waits).hasSize(1);
    }

    @Test
    void post_isTransient_whenWeComAnswers503WithoutAnErrcode() {
        // given
        wecom.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));

        // when
        PostResult result = robot(KEY, Style.TEXT).post(opened);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
        assertThat(result.detail()).isEqualTo("HTTP 503 without a vendor code");
    }

    @Test
    void post_isTransient_andNamesNoKey_whenNothingListens() {
        // given: a port nobody listens on
        int port = freePort();
        WeComRobot robot = new WeComRobot("union-work-group", URI.create("http://127.0.0.1:" + port), KEY, Style.TEXT,
                UrlConnectionTransport.DEFAULT);

        // when
        PostResult result = robot.post(opened);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
        assertThat(result.detail()).contains("ConnectException").doesNotContain(KEY);
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyOutcomeIsOneJsonLine_namingTheRobot_neverItsKeyOrTheText() {
        // given: one posted, one refused
        GroupRobots good = robots(robot(KEY, Style.TEXT));
        GroupRobots bad = robots(robot("0000aaaa-1111-2222-3333-444455556666", Style.TEXT));

        // when
        good.post(GroupKind.INCIDENT_NEWS, opened, "inc-1");
        bad.post(GroupKind.INCIDENT_NEWS, opened, "inc-2");

        // then
        assertThat(logLines).hasSize(2);
        assertThat(logLines.get(0)).startsWith("{\"timestamp\":\"2026-05-01T02:00:00.000Z\",\"level\":\"INFO\"")
                .contains("\"action\":\"group.post\"", "\"robot\":\"union-work-group\"", "\"vendor\":\"wecom\"",
                        "\"kind\":\"incident-news\"", "\"incidentId\":\"inc-1\"", "\"outcome\":\"posted\"",
                        "\"attempts\":1")
                .doesNotContain("_aws");
        assertThat(logLines.get(1)).contains("\"level\":\"ERROR\"", "\"outcome\":\"permanent-failure\"",
                "\"GroupPostFailed\":1", "\"Namespace\":\"huzhu\"", "\"Dimensions\":[[\"robot\"]]");
        assertThat(String.join("\n", logLines)).doesNotContain(KEY, "0000aaaa-1111", "N47", "\\u8def\\u5317");
    }
}
