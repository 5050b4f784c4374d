package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.testing.Stdout;
import huzhu.robots.GroupChat;
import huzhu.robots.GroupKind;
import huzhu.robots.GroupMessage;
import huzhu.robots.GroupRobots;
import huzhu.robots.PostResult;
import huzhu.robots.Retry;
import huzhu.robots.RobotAnnouncements;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The metric filters behind GroupPostFailuresAlarm match the lines a robot writes when a post did not reach its
 * group and when the robots' settings could not be read, and not the line of a post that got there.
 */
class GroupPostFailureFilterTest {

    @Test
    void groupFailureFilter_matchesAFailedPostAndRefusedSettings_andNotAPostThatGotThere() throws Exception {
        // given two robots, one whose key the vendor no longer knows, writing their lines here
        List<String> lines = new ArrayList<>();
        GroupRobots robots = new GroupRobots(List.of(
                new GroupRobots.Robot(robot("work-group", PostResult.posted()), Set.of(GroupKind.INCIDENT_NEWS)),
                new GroupRobots.Robot(robot("leaders", PostResult.permanentFailure("93000 invalid webhook url")),
                        Set.of(GroupKind.INCIDENT_NEWS))),
                new Retry(1, Duration.ZERO, Duration.ZERO, d -> { }, () -> 0), Clock.systemUTC(), lines::add);

        // when
        robots.post(GroupKind.INCIDENT_NEWS, new GroupMessage("", "【互助】求助 N47（路北区）已发起"), "i-1");
        lines.add(Stdout.captured(() -> RobotAnnouncements.fromSettings("{\"robots\": 1}", Clock.systemUTC(), "zh-CN"))
                .strip());

        // then
        assertThat(lines).hasSize(3);
        for (String filter : LogFilters.feeding("GroupPostFailuresAlarm")) {
            assertThat(LogFilters.matches(filter, lines.get(0))).as("%s on %s", filter, lines.get(0)).isFalse();
            assertThat(LogFilters.matches(filter, lines.get(1))).as("%s on %s", filter, lines.get(1)).isTrue();
            assertThat(LogFilters.matches(filter, lines.get(2))).as("%s on %s", filter, lines.get(2)).isTrue();
        }
    }

    private static GroupChat robot(String name, PostResult answer) {
        return GroupChat.of(name, "wecom", message -> answer);
    }
}
