package huzhu.robots;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A deployment's robots, each with the kinds of message it takes: the union's work group may take notices and
 * incident news, a leaders' group the leaders' summaries. {@link #post} posts synchronously, robot after robot,
 * each with its own bounded {@link Retry}, and logs every outcome; {@link GroupOutbox} does the same off the
 * caller's thread.
 */
public final class GroupRobots {

    /** One robot and what it takes. */
    public record Robot(GroupChat chat, Set<GroupKind> kinds) {
        public Robot {
            if (chat == null) throw new IllegalArgumentException("chat");
            kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        }
    }

    private final List<Robot> robots;
    private final Retry retry;
    private final RobotLog log;

    public GroupRobots(List<Robot> robots, Clock clock) {
        this(robots, Retry.DEFAULT, clock, RobotLog.STDOUT);
    }

    public GroupRobots(List<Robot> robots, Retry retry, Clock clock, Consumer<String> logSink) {
        this.robots = List.copyOf(robots);
        this.retry = retry;
        this.log = new RobotLog(clock, logSink);
    }

    /** A deployment without robots: every post is a no-op. */
    public static GroupRobots none(Clock clock) {
        return new GroupRobots(List.of(), clock);
    }

    public boolean isEmpty() {
        return robots.isEmpty();
    }

    public List<Robot> robots() {
        return robots;
    }

    /**
     * Posts to every robot that takes {@code kind}, one after another, and returns their results in order.
     * Never throws. This waits out each robot's retries: call it only where a wait of seconds harms nobody
     * (after the SMS have gone), or use {@link GroupOutbox}.
     *
     * @param incidentId for the log line; may be null
     */
    public List<PostResult> post(GroupKind kind, GroupMessage message, String incidentId) {
        return robots.stream().filter(r -> r.kinds().contains(kind))
                .map(r -> postTo(r.chat(), kind, message, incidentId)).toList();
    }

    PostResult postTo(GroupChat robot, GroupKind kind, GroupMessage message, String incidentId) {
        PostResult result = retry.post(robot, message);
        log.posted(robot, kind, incidentId, result);
        return result;
    }

    void dropped(GroupChat robot, GroupKind kind, String incidentId) {
        log.dropped(robot, kind, incidentId);
    }
}
