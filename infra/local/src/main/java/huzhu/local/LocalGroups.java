package huzhu.local;

import huzhu.core.group.GroupAnnouncements;
import huzhu.robots.GroupChat;
import huzhu.robots.GroupKind;
import huzhu.robots.GroupRobots;
import huzhu.robots.PostResult;
import huzhu.robots.RobotAnnouncements;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The union's group chats on the local stack: two robots that post into memory instead of WeCom or DingTalk, behind
 * the same announcements, lines, guard and outbox as in AWS. The work group takes notices and incident news, the
 * leaders' group the leaders' summaries; {@code GET /local/group/posts} and the SMS simulator show what they got.
 * Posts are kept until the stack stops.
 */
public final class LocalGroups {
    public static final String WORK_GROUP = "union-work-group";
    public static final String LEADERS_GROUP = "leaders-group";

    /** One post as {@code GET /local/group/posts} lists it. */
    public record Post(String robot, String title, String text, Instant postedAt) {
    }

    private final Clock clock;
    private final List<Post> posts = new ArrayList<>();
    private final GroupAnnouncements announcements;

    public LocalGroups(Clock clock, String deploymentLanguage) {
        this.clock = clock;
        GroupRobots robots = new GroupRobots(List.of(
                new GroupRobots.Robot(chat(WORK_GROUP), Set.of(GroupKind.NOTICE, GroupKind.INCIDENT_NEWS)),
                new GroupRobots.Robot(chat(LEADERS_GROUP), Set.of(GroupKind.LEADER_SUMMARY))), clock);
        this.announcements = RobotAnnouncements.of(robots, deploymentLanguage);
    }

    public GroupAnnouncements announcements() {
        return announcements;
    }

    /** Every post, oldest first; {@code robot} null for every group's. */
    public synchronized List<Post> posts(String robot) {
        return posts.stream().filter(p -> robot == null || robot.isBlank() || p.robot().equals(robot)).toList();
    }

    private synchronized void add(Post post) {
        posts.add(post);
    }

    /** A chat that keeps what it is sent, as the posts {@code GET /local/group/posts} lists. */
    private GroupChat chat(String name) {
        return GroupChat.of(name, "local", message -> {
            add(new Post(name, message.title(), message.text(), clock.instant()));
            return PostResult.posted();
        });
    }
}
