package huzhu.robots;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import huzhu.core.Services;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.group.GroupFact;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.incident.Reporter;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.core.ServiceConfig;
import huzhu.robots.PostResult.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The core's facts through the robots: each to the group that takes it, and never in the way of an SMS. */
class RobotAnnouncementsTest {
    /** A guard against a hang, not a timing goal. */
    private static final Duration NO_HANG = Duration.ofSeconds(20);

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);
    private final List<String> robotLog = new CopyOnWriteArrayList<>();
    private final Retry noWaits = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4), d -> { }, () -> 0);

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private Member member;
    private Volunteer neighbour;

    private RobotAnnouncements announcements(GroupRobots.Robot... robots) {
        return RobotAnnouncements.of(new GroupRobots(List.of(robots), noWaits, clock, robotLog::add), "zh-CN");
    }

    private Services union(RobotAnnouncements group) {
        member = Fixtures.member("m-1").name("王小明").phone(phone(1)).home("唐山", "路北区")
                .address("唐山市路北区文化路12号3单元").family("王建国", "父亲", phone(2)).build();
        neighbour = Fixtures.volunteer("v-1").name("李娜").phone(phone(11)).area("唐山", "路北区").build();
        store.directory().members().insert(member);
        store.directory().volunteers().insert(neighbour);
        return Services.create(store, sms, LeaderAnnouncements.NONE, group, EscalationTimer.NONE, MutableClock.atT0(),
                new SequentialIds(3), new ServiceConfig("https://huzhu.example", null), Services.Care.QUIET);
    }

    private Incident open(Services services) {
        return services.dispatcher().open(new Dispatcher.NewIncident(null, member.id(), IncidentType.MEDICAL,
                "父亲摔倒了", null, new Reporter(phone(2), "王建国", Channel.HTTP, true), null));
    }

    @Test
    void aHangingRobot_holdsNoAlert_theVolunteerIsTextedWhileItStillHangs() throws Exception {
        // given a work group whose robot never answers until released
        CountDownLatch release = new CountDownLatch(1);
        ScriptedRobot hanging = new ScriptedRobot("union-work-group", release);
        RobotAnnouncements group = announcements(new GroupRobots.Robot(hanging, Set.of(GroupKind.INCIDENT_NEWS)));
        Services services = union(group);

        // when
        Incident incident = assertTimeoutPreemptively(NO_HANG, () -> open(services));
        hanging.awaitFirstPost();

        // then the alert went out while the robot is still stuck on the "opened" line
        assertThat(sms.bodiesTo(neighbour.phone())).singleElement().asString().contains(incident.code());
        assertThat(group.awaitPosted(Duration.ZERO)).isFalse();
        release.countDown();
        assertThat(group.awaitPosted(NO_HANG)).isTrue();
        assertThat(hanging.received()).extracting(GroupMessage::text)
                .containsExactly("【互助】求助 " + incident.code() + "（路北区）已发起");
    }

    @Test
    void aFailingRobot_isAnAlarmedLogLine_andTheAlertsGoOutAsUsual() {
        // given a robot whose key was revoked
        ScriptedRobot revoked = new ScriptedRobot("union-work-group",
                PostResult.permanentFailure("93000 invalid webhook url"));
        RobotAnnouncements group = announcements(new GroupRobots.Robot(revoked, Set.of(GroupKind.INCIDENT_NEWS)));
        Services services = union(group);

        // when
        Incident incident = open(services);

        // then
        assertThat(sms.bodiesTo(neighbour.phone())).singleElement().asString().contains(incident.code());
        assertThat(group.awaitPosted(NO_HANG)).isTrue();
        assertThat(robotLog).singleElement().asString().contains("\"level\":\"ERROR\"", "\"GroupPostFailed\":1",
                "\"incidentId\":\"" + incident.id() + "\"", Outcome.PERMANENT_FAILURE.wire());
    }

    @Test
    void eachFact_goesToTheRobotsThatTakeItsKind() {
        // given
        ScriptedRobot work = new ScriptedRobot("union-work-group");
        ScriptedRobot leaders = new ScriptedRobot("leaders");
        RobotAnnouncements group = announcements(
                new GroupRobots.Robot(work, Set.of(GroupKind.NOTICE, GroupKind.INCIDENT_NEWS)),
                new GroupRobots.Robot(leaders, Set.of(GroupKind.LEADER_SUMMARY)));

        // when
        group.announce(new GroupFact.IncidentOpened("i-1", "N47", "路北区"));
        group.announce(new GroupFact.LeadersAlerted("i-1", "N47", "路北区", "medical", 1, Duration.ofMinutes(3)));
        group.announce(new GroupFact.IncidentAccepted("i-1", "N47", "路北区", Duration.ofMinutes(4)));
        group.announce(new GroupFact.IncidentTakenInHand("i-3", "K8", "开平区", Duration.ofMinutes(6)));
        group.announce(new GroupFact.BereavementRecorded("i-2", "K21", "开平区"));
        group.announce(new GroupFact.NoticeSent("n-1", "夏季安全提醒", "高温天气请注意防暑。", "https://huzhu.example/v1/notices/n-1/page"));
        group.announce(new GroupFact.DistrictSurge("唐山市/路北区", "路北区", GroupFact.DistrictSurge.Stage.CONTINUING,
                30, 5, 21));

        // then
        assertThat(group.awaitPosted(NO_HANG)).isTrue();
        assertThat(work.received()).extracting(GroupMessage::text).containsExactly(
                "【互助】求助 N47（路北区）已发起",
                "【互助】求助 N47（路北区）已由队员接单，用时 4 分钟",
                "【互助】求助 K8（开平区）已由工会干部接手，用时 6 分钟",
                "高温天气请注意防暑。\n全文：https://huzhu.example/v1/notices/n-1/page",
                "【互助】路北区求助激增中：30 起待接单（最久 21 分钟），5 起已有人去");
        assertThat(work.received().get(3).title()).isEqualTo("【工会通知】夏季安全提醒");
        assertThat(leaders.received()).extracting(GroupMessage::text).containsExactly(
                "【互助】请第 1 级领导关注：求助 N47（路北区，急病）已 3 分钟无人接单",
                "【互助】会员家中有丧事（K21，开平区），请两级工会领导关注并安排慰问");
    }

    @Test
    void aDistrictThatIsReallyAnAddress_isRefusedByTheGuard_notPosted_andNothingThrows() {
        // given
        ScriptedRobot work = new ScriptedRobot("union-work-group");
        RobotAnnouncements group = announcements(new GroupRobots.Robot(work, Set.of(GroupKind.INCIDENT_NEWS)));

        // when
        group.announce(new GroupFact.IncidentOpened("i-1", "N47", "文化路12号"));
        group.announce(new GroupFact.IncidentOpened("i-2", "N48", "13800138000"));

        // then
        assertThat(group.awaitPosted(NO_HANG)).isTrue();
        assertThat(work.received()).isEmpty();
    }

    @Test
    void aLongNotice_goesAsItsBeginning_andTheLinkToItsPage() {
        // given
        ScriptedRobot work = new ScriptedRobot("union-work-group");
        RobotAnnouncements group = announcements(new GroupRobots.Robot(work, Set.of(GroupKind.NOTICE)));

        // when
        group.announce(new GroupFact.NoticeSent("n-1", "年度体检", "请".repeat(1200), "https://huzhu.example/p"));

        // then
        assertThat(group.awaitPosted(NO_HANG)).isTrue();
        String text = work.received().get(0).text();
        assertThat(text).startsWith("请".repeat(GroupNews.MAX_NOTICE) + "…\n").endsWith("全文：https://huzhu.example/p");
        assertThat(Utf8.length(work.received().get(0).plain())).isLessThanOrEqualTo(2048);
    }

    @Test
    void settingsThatCannotBeRead_leaveTheFunctionWithoutGroups_notWithoutSms() {
        // when
        var none = RobotAnnouncements.fromSettings("{\"robots\": [{\"name\": \"x\", \"vendor\": \"qq\"}]}", clock,
                "zh-CN");
        var unset = RobotAnnouncements.fromSettings(" ", clock, "zh-CN");
        var some = RobotAnnouncements.fromSettings("{\"robots\": [{\"name\": \"w\", \"vendor\": \"wecom\", "
                + "\"key\": \"693a91f6-7e1c-4bc4\"}]}", clock, "zh-CN");

        // then
        assertThat(none).isSameAs(huzhu.core.group.GroupAnnouncements.NONE);
        assertThat(unset).isSameAs(huzhu.core.group.GroupAnnouncements.NONE);
        assertThat(some).isInstanceOf(RobotAnnouncements.class);
    }
}
