package huzhu.core.group;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where the core tells the union's group chats what happened. Best effort and quick: an implementation returns at
 * once (it posts off the caller's thread, or not at all) and never throws, so no SMS waits on a group.
 */
public interface GroupAnnouncements {
    GroupAnnouncements NONE = fact -> { };

    /**
     * How long a function waits for its group posts before it returns (its SMS have gone by then): a robot answers in
     * well under a second; one that hangs costs the function this much, once, and its post resumes next time.
     */
    Duration BEFORE_RETURN = Duration.ofMillis(1500);

    void announce(GroupFact fact);

    /**
     * Waits at most {@code max} for the posts announced so far to finish. A function calls it just before it
     * returns, after its SMS are sent: AWS Lambda freezes the process when the handler returns, and a post still
     * under way would only resume at the next invocation.
     *
     * @return true if nothing is left to post
     */
    default boolean awaitPosted(Duration max) {
        return true;
    }

    /**
     * A function's handling of one event, {@code work}, then {@link #awaitPosted} for at most {@link #BEFORE_RETURN},
     * whether the work returned or threw.
     */
    default <T> T awaitPostedAfter(Supplier<T> work) {
        try {
            return work.get();
        } finally {
            awaitPosted(BEFORE_RETURN);
        }
    }
}
