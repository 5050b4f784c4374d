package huzhu.robots;

import static huzhu.robots.DingTalkStandIn.SECRET;
import static huzhu.robots.DingTalkStandIn.TOKEN;
import static huzhu.robots.StandInReplies.NOW;
import static huzhu.robots.WeComStandIn.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * From the robots' settings to the group: an incident is opened and taken, and the union's work group (a WeCom
 * stand-in) and the leaders' group (a DingTalk stand-in) receive what they take, without a person in it.
 */
class WorkGroupStoryIT {
    @RegisterExtension
    static WireMockExtension wecom = new WeComStandIn(KEY).server();
    @RegisterExtension
    static WireMockExtension dingtalk = new DingTalkStandIn(TOKEN, SECRET, NOW).server();

    @Test
    void theWorkGroupSeesOpenedAndTaken_andTheLeadersTheirSummary_withNoPhoneOrAddress() {
        // given
        StandInReplies.answerAs(wecom, WeComStandIn.NAME, 5);
        StandInReplies.answerAs(dingtalk, DingTalkStandIn.NAME, 5);
        String settings = """
                {"robots": [
                  {"name": "union-work-group", "vendor": "wecom", "key": "%s", "baseUrl": "%s"},
                  {"name": "leaders", "vendor": "dingtalk", "accessToken": "%s", "secret": "%s", "baseUrl": "%s",
                   "takes": ["leader-summaries"]}]}
                """.formatted(KEY, wecom.baseUrl(), TOKEN, SECRET, dingtalk.baseUrl());
        List<String> log = new CopyOnWriteArrayList<>();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        GroupRobots robots = RobotSettings.parse(settings, clock, UrlConnectionTransport.DEFAULT, Retry.DEFAULT, log::add);
        GroupOutbox outbox = new GroupOutbox(robots);
        GroupNews news = new GroupNews("en");

        // when
        outbox.offer(GroupKind.INCIDENT_NEWS, news.opened("N47", "路北区"), "inc-1");
        outbox.offer(GroupKind.LEADER_SUMMARY, news.leaderSummary("N47", "路北区", "medical", 1, Duration.ofMinutes(3)), "inc-1");
        outbox.offer(GroupKind.INCIDENT_NEWS, news.accepted("N47", "路北区", Duration.ofMinutes(4)), "inc-1");

        // then
        assertThat(outbox.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<String> workGroup = StandInReplies.texts(wecom, "text", "content");
        List<String> leaders = StandInReplies.texts(dingtalk, "text", "content");
        assertThat(workGroup).containsExactly(
                "互助 · 求助 N47 / huzhu · request N47\n【互助】求助 N47（路北区）已发起\n[huzhu] Help request N47 (路北区) opened",
                "互助 · 求助 N47 / huzhu · request N47\n【互助】求助 N47（路北区）已由队员接单，用时 4 分钟\n"
                        + "[huzhu] Help request N47 (路北区) taken by a volunteer in 4 min");
        assertThat(leaders).singleElement().asString().contains("请第 1 级领导关注", "急病");
        assertThat(workGroup).allSatisfy(line -> assertThat(PersonalDataGuard.objection(line)).isEmpty());
        assertThat(log).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"outcome\":\"posted\""));
    }
}
