package huzhu.robots;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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
    static final String WECOM_KEY = "693a91f6-7e1c-4bc4-97a0-0ec2a1fa5aaa";
    static final String DINGTALK_TOKEN = "50cb6e954c89afa14fb97754eafd886d658fcda27d05015a26b474e7bd2f0a59";
    static final String DINGTALK_SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc";
    static final String FEISHU_HOOK = "5e3d587e-d78e-4a07-bd07-265f269f86fd";
    static final String FEISHU_SECRET = "nIMtb7r3N9pkXyXdtAbx6e";
    static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

    @RegisterExtension
    static WireMockExtension wecom = new WeComStandIn(WECOM_KEY).server();
    @RegisterExtension
    static WireMockExtension dingtalk = new DingTalkStandIn(DINGTALK_TOKEN, DINGTALK_SECRET, NOW).server();
    @RegisterExtension
    static WireMockExtension feishu = new FeishuStandIn(FEISHU_HOOK, FEISHU_SECRET, NOW).server();

    @Test
    void theGroupsHearOfAnIncidentAndANotice_eachInItsVendorsFormat_withNoPersonInIt() {
        // given
        wecom.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(WeComStandIn.NAME)));
        dingtalk.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(DingTalkStandIn.NAME)));
        feishu.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FeishuStandIn.NAME)));
        String settings = """
                {"robots": [
                  {"name": "union-work-group", "vendor": "wecom", "key": "%s", "baseUrl": "%s"},
                  {"name": "officers", "vendor": "feishu", "hook": "%s", "secret": "%s", "baseUrl": "%s",
                   "style": "rich", "takes": ["incident-news"]},
                  {"name": "leaders", "vendor": "dingtalk", "accessToken": "%s", "secret": "%s", "baseUrl": "%s",
                   "takes": ["leader-summaries"]}]}
                """.formatted(WECOM_KEY, wecom.baseUrl(), FEISHU_HOOK, FEISHU_SECRET, feishu.baseUrl(), DINGTALK_TOKEN,
                DINGTALK_SECRET, dingtalk.baseUrl());
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
        assertThat(texts(wecom, "text", "content")).containsExactly(
                "互助 · 求助 " + code + "\n【互助】求助 " + code + "（路北区）已发起",
                "互助 · 求助 " + code + "\n【互助】求助 " + code + "（路北区）已升级至第 1 级",
                "互助 · 求助 " + code + "\n【互助】求助 " + code + "（路北区）已由队员接单，用时 4 分钟",
                "【工会通知】夏季安全提醒\n高温天气请注意防暑。\n全文：https://huzhu.example/v1/notices/" + notice + "/page");
        assertThat(feishu.getAllServeEvents()).hasSize(3);
        assertThat(texts(dingtalk, "text", "content")).singleElement().asString()
                .contains("请第 1 级领导关注", code, "路北区", "急病");
        List<String> everything = new ArrayList<>(texts(wecom, "text", "content"));
        everything.addAll(texts(dingtalk, "text", "content"));
        feishu.getAllServeEvents().forEach(e -> everything.add(e.getRequest().getBodyAsString()));
        assertThat(everything).noneSatisfy(line -> assertThat(line).containsAnyOf("王小明", "王建国", "李娜",
                "文化路", phone(1).substring(3), phone(2).substring(3), phone(11).substring(3)));
        assertThat(robotLog).hasSize(8).allSatisfy(line -> assertThat(line).contains("\"outcome\":\"posted\""));
        assertThat(sms.bodiesTo(neighbour.phone())).isNotEmpty();
    }

    /** What each post's JSON body held at {@code outer.inner}, oldest first (WireMock lists the newest first). */
    private static List<String> texts(WireMockExtension vendor, String outer, String inner) {
        List<String> out = new ArrayList<>();
        for (ServeEvent e : vendor.getAllServeEvents()) {
            out.add(StandInReplies.body(e.getRequest()).path(outer).path(inner).asText());
        }
        Collections.reverse(out);
        return out;
    }
}
