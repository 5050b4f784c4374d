package huzhu.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class GroupOutboxTest {
    /** A guard against a hang, not a timing goal. */
    private static final Duration NO_HANG = Duration.ofSeconds(20);

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Retry noWaits = new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(4), d -> { }, () -> 0);

    private final CountDownLatch firstLogLine = new CountDownLatch(1);

    private GroupRobots robots(GroupRobots.Robot... robots) {
        return new GroupRobots(List.of(robots), noWaits, clock, line -> {
            logLines.add(line);
            firstLogLine.countDown();
        });
    }

    private static GroupMessage line(String text) {
        return new GroupMessage("", text);
    }

    @Test
    void offer_returnsAtOnce_whileTheRobotIsStillPosting() throws Exception {
        // given: a robot that hangs until released
        CountDownLatch release = new CountDownLatch(1);
        ScriptedRobot stuck = new ScriptedRobot("work-group", release);
        GroupOutbox outbox = new GroupOutbox(robots(new GroupRobots.Robot(stuck, Set.of(GroupKind.INCIDENT_NEWS))));

        // when: the caller offers and goes on (with a hanging robot it would never return if offer waited)
        int queued = assertTimeoutPreemptively(NO_HANG,
                () -> outbox.offer(GroupKind.INCIDENT_NEWS, line("opened"), "inc-1"));
        stuck.awaitFirstPost();

        // then
        assertThat(queued).isEqualTo(1);
        assertThat(outbox.awaitIdle(Duration.ZERO)).isFalse();
        release.countDown();
        assertThat(outbox.awaitIdle(NO_HANG)).isTrue();
        assertThat(logLines).singleElement().asString().contains("\"outcome\":\"posted\"", "\"incidentId\":\"inc-1\"");
    }

    @Test
    void offer_postsOnlyToTheRobotsThatTakeTheKind() {
        // given
        ScriptedRobot workGroup = new ScriptedRobot("work-group");
        ScriptedRobot leaders = new ScriptedRobot("leaders");
        GroupOutbox outbox = new GroupOutbox(robots(
                new GroupRobots.Robot(workGroup, Set.of(GroupKind.NOTICE, GroupKind.INCIDENT_NEWS)),
                new GroupRobots.Robot(leaders, Set.of(GroupKind.LEADER_SUMMARY))));

        // when
        outbox.offer(GroupKind.INCIDENT_NEWS, line("opened"), "inc-1");
        outbox.offer(GroupKind.LEADER_SUMMARY, line("level 1"), "inc-1");
        outbox.offer(GroupKind.NOTICE, line("notice"), null);

        // then
        assertThat(outbox.awaitIdle(NO_HANG)).isTrue();
        assertThat(workGroup.received()).extracting(GroupMessage::text).containsExactly("opened", "notice");
        assertThat(leaders.received()).extracting(GroupMessage::text).containsExactly("level 1");
    }

    @Test
    void aRobotsLines_arriveInTheOrderOffered() {
        // given
        ScriptedRobot workGroup = new ScriptedRobot("work-group", PostResult.throttled("45009"));
        GroupOutbox outbox = new GroupOutbox(robots(new GroupRobots.Robot(workGroup, Set.of(GroupKind.INCIDENT_NEWS))));

        // when
        for (String step : List.of("opened", "accepted", "resolved")) outbox.offer(GroupKind.INCIDENT_NEWS, line(step), "inc-1");

        // then: the first was throttled once and retried before the second went
        assertThat(outbox.awaitIdle(NO_HANG)).isTrue();
        assertThat(workGroup.received()).extracting(GroupMessage::text)
                .containsExactly("opened", "opened", "accepted", "resolved");
    }

    @Test
    void aStuckRobot_holdsUpNoOtherRobot() throws Exception {
        // given
        CountDownLatch release = new CountDownLatch(1);
        ScriptedRobot stuck = new ScriptedRobot("stuck", release);
        ScriptedRobot healthy = new ScriptedRobot("healthy");
        GroupOutbox outbox = new GroupOutbox(robots(
                new GroupRobots.Robot(stuck, Set.of(GroupKind.INCIDENT_NEWS)),
                new GroupRobots.Robot(healthy, Set.of(GroupKind.INCIDENT_NEWS))));

        // when
        outbox.offer(GroupKind.INCIDENT_NEWS, line("opened"), "inc-1");
        stuck.awaitFirstPost();

        // then: the healthy robot's post completes while the stuck one still hangs
        assertThat(firstLogLine.await(NO_HANG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(healthy.received()).hasSize(1);
        assertThat(logLines).singleElement().asString().contains("\"robot\":\"healthy\"");
        release.countDown();
        assertThat(outbox.awaitIdle(NO_HANG)).isTrue();
    }

    @Test
    void whenARobotsQueueIsFull_furtherPostsAreDroppedAndLoggedAsFailures_withoutWaiting() throws Exception {
        // given: one post in flight, a queue of two
        CountDownLatch release = new CountDownLatch(1);
        ScriptedRobot stuck = new ScriptedRobot("work-group", release);
        GroupOutbox outbox = new GroupOutbox(robots(new GroupRobots.Robot(stuck, Set.of(GroupKind.INCIDENT_NEWS))), 2);
        outbox.offer(GroupKind.INCIDENT_NEWS, line("1"), "inc-1");
        stuck.awaitFirstPost();

        // when
        int[] queued = new int[3];
        assertTimeoutPreemptively(NO_HANG, () -> {
            for (int i = 0; i < 3; i++) queued[i] = outbox.offer(GroupKind.INCIDENT_NEWS, line("n" + i), "inc-2");
        });

        // then
        assertThat(queued).containsExactly(1, 1, 0);
        assertThat(logLines).singleElement().asString()
                .contains("\"level\":\"ERROR\"", "\"message\":\"group.dropped\"", "\"GroupPostFailed\":1");
        release.countDown();
        assertThat(outbox.awaitIdle(NO_HANG)).isTrue();
        assertThat(stuck.received()).extracting(GroupMessage::text).containsExactly("1", "n0", "n1");
    }

    @Test
    void withoutRobots_offerQueuesNothing_andTheOutboxIsIdle() {
        // given
        GroupOutbox outbox = new GroupOutbox(GroupRobots.none(clock));

        // when
        int queued = outbox.offer(GroupKind.NOTICE, line("notice"), null);

        // then
        assertThat(queued).isZero();
        assertThat(outbox.awaitIdle(Duration.ZERO)).isTrue();
    }
}
