package huzhu.robots;

import static huzhu.core.testing.Fixtures.phone;
import static huzhu.robots.StandInReplies.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.CareConfig;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.care.NoticeDrafts.AudienceInput;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Sleeper;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The union's groups wired to the core, through each vendor's stand-in (which checks the vendor's signature and
 * body rules): the work group on WeCom and on Feishu (rich style) hears of an incident opened and taken, and of a
 * notice; the leaders' group on DingTalk gets the level summary. No line carries the member's name, a phone number or
 * the address.
 */
class UnionGroupsWiredIT {
    @RegisterExtension
    static WireMockExtension wecom = new WeComStandIn(WeComStandIn.KEY).server();
    @RegisterExtension
    static WireMockExtension dingtalk = new DingTalkStandIn(DingTalkStandIn.TOKEN, DingTalkStandIn.SECRET, NOW).server();
    @RegisterExtension
    static WireMockExtension feishu = new FeishuStandIn(FeishuStandIn.HOOK, FeishuStandIn.SECRET, NOW).server();

    @Test
    void theGroupsHearOfAnIncidentAndANotice_eachInItsVendorsFormat_withNoPersonInIt() {
        // given
        StandInReplies.answerAs(wecom, WeComStandIn.NAME, 5);
        StandInReplies.answerAs(dingtalk, DingTalkStandIn.NAME, 5);
        StandInReplies.answerAs(feishu, FeishuStandIn.NAME, 5);
        String settings = """
                {"robots": [
                  {"name": "union-work-group", "vendor": "wecom", "key": "%s", "baseUrl": "%s"},
                  {"name": "officers", "vendor": "feishu", "hook": "%s", "secret": "%s", "baseUrl": "%s",
                   "style": "rich", "takes": ["incident-news"]},
                  {"name": "leaders", "vendor": "dingtalk", "accessToken": "%s", "secret": "%s", "baseUrl": "%s",
                   "takes": ["leader-summaries"]}]}
                """.formatted(WeComStandIn.KEY, wecom.baseUrl(), FeishuStandIn.HOOK, FeishuStandIn.SECRET, feishu.baseUrl(),
                DingTalkStandIn.TOKEN, DingTalkStandIn.SECRET, dingtalk.baseUrl());
        List<String> robotLog = new CopyOnWriteArrayList<>();
        GroupRobots robots = RobotSettings.parse(settings, Clock.fixed(NOW, ZoneOffset.UTC),
                UrlConnectionTransport.DEFAULT, Retry.DEFAULT, robotLog::add);
        RobotAnnouncements group = RobotAnnouncements.of(robots, "zh-CN");

        InMemoryStore store = new InMemoryStore();
        RecordingMessenger sms = new RecordingMessenger();
        MutableClock clock = MutableClock.atT0();
        Member member = Fixtures.member("m-1").name("王小明").phone(phone(1)).home("唐山", "路北区")
                .address("唐山市路北区文化路12号3单元").family("王建国", "父亲", phone(2)).build();
        Volunteer neighbour = Fixtures.volunteer("v-1").name("李娜").phone(phone(11)).area("唐山", "路北区").build();
        store.directory().members().insert(member);
        store.directory().volunteers().insert(neighbour);
        store.directory().leaders().insert(Fixtures.leader("l-1").name("刘干事").phone(phone(21)).level(1).build());
        Services services = Services.create(store, sms, LeaderAnnouncements.NONE, group, EscalationTimer.NONE, clock,
                new SequentialIds(5), new ServiceConfig("https://huzhu.example", null),
                new Services.Care(CareConfig.DEFAULTS.quiet(), NoticeBroadcast.NONE, Sleeper.REAL));

        // when an incident is opened, reaches the officers, and is taken four minutes after it was opened
        Incident incident = services.dispatcher().open(new Dispatcher.NewIncident(null, member.id(),
                IncidentType.MEDICAL, "父亲摔倒了", null, new Reporter(phone(2), "王建国", Channel.HTTP, true), null));
        clock.advance(Duration.ofSeconds(180));
        services.dispatcher().escalateDue();
        clock.advance(Duration.ofSeconds(60));
        services.dispatcher().respond(incident.id(), neighbour.id(), Action.ACCEPT);
        // and a notice goes to every member
        Actor officer = new Actor("sub-1", "周干事");
        String notice = services.notices().create(new NoticeInput("夏季安全提醒", "高温天气请注意防暑。",
                new AudienceInput("all-members", null), null), officer).notice().id();
        services.notices().sendNow(notice, officer);
        services.campaigns().runForRequest(notice);

        // then
        assertThat(group.awaitPosted(Duration.ofSeconds(30))).isTrue();
        String code = incident.code();
        assertThat(StandInReplies.texts(wecom, "text", "content")).containsExactly(
                "互助 · 求助 " + code + "\n【互助】求助 " + code + "（路北区）已发起",
                "互助 · 求助 " + code + "\n【互助】求助 " + code + "（路北区）已升级至第 1 级",
                "互助 · 求助 " + code + "\n【互助】求助 " + code + "（路北区）已由队员接单，用时 4 分钟",
                "【工会通知】夏季安全提醒\n高温天气请注意防暑。\n全文：https://huzhu.example/v1/notices/" + notice + "/page");
        assertThat(feishu.getAllServeEvents()).hasSize(3);
        assertThat(StandInReplies.texts(dingtalk, "text", "content")).singleElement().asString()
                .contains("请第 1 级领导关注", code, "路北区", "急病");
        List<String> everything = new ArrayList<>(StandInReplies.texts(wecom, "text", "content"));
        everything.addAll(StandInReplies.texts(dingtalk, "text", "content"));
        feishu.getAllServeEvents().forEach(e -> everything.add(e.getRequest().getBodyAsString()));
        assertThat(everything).noneSatisfy(line -> assertThat(line).containsAnyOf("王小明", "王建国", "李娜",
                "文化路", phone(1).substring(3), phone(2).substring(3), phone(11).substring(3)));
        assertThat(robotLog).hasSize(8).allSatisfy(line -> assertThat(line).contains("\"outcome\":\"posted\""));
        assertThat(sms.bodiesTo(neighbour.phone())).isNotEmpty();
    }
}
