package huzhu.robots;

import java.util.function.Function;

/**
 * One group robot: a webhook that posts into one group chat. An implementation makes exactly one attempt
 * per call and never throws for what the vendor or the network did: the result says what happened, and
 * {@link Retry} decides whether to try again.
 */
public interface GroupChat {

    /** The deployment's name for this robot (e.g. {@code union-work-group}), used in logs and alarms. */
    String name();

    /** {@code wecom}, {@code dingtalk}, {@code feishu} or {@code lark}. */
    String vendor();

    PostResult post(GroupMessage message);

    /** A chat that posts through {@code poster}: the local stack's chats in memory, and stand-ins in tests. */
    static GroupChat of(String name, String vendor, Function<GroupMessage, PostResult> poster) {
        return new Posting(name, vendor, poster);
    }

    /** See {@link #of}. */
    record Posting(String name, String vendor, Function<GroupMessage, PostResult> poster) implements GroupChat {
        @Override
        public PostResult post(GroupMessage message) {
            return poster.apply(message);
        }
    }
}
