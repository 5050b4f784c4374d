package huzhu.robots;

import huzhu.core.kernel.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Posts to the group robots off the caller's thread, so a slow, throttled or failing robot never delays an
 * SMS. Each robot has its own lane: one daemon thread (started with the first post, not at init, so nothing
 * runs inside a SnapStart snapshot) and a bounded queue, so a robot's messages arrive in the order offered and
 * a stuck robot holds up no other. {@link #offer} never blocks: when a lane's queue is full the post is
 * dropped and logged as a failure.
 * <p>
 * In Lambda a function is frozen as soon as its handler returns, and a post still running would only resume
 * at the next invocation (or never). A handler that offered posts therefore calls {@link #awaitIdle} with a
 * short limit just before it returns, after its SMS are sent; the local stack need not.
 */
public final class GroupOutbox {
    /** Queued posts per robot beyond the one in flight; a burst of incidents fits, a flood is cut. */
    public static final int DEFAULT_QUEUE_CAPACITY = 64;

    private record Lane(GroupRobots.Robot robot, ThreadPoolExecutor executor) {
    }

    private final GroupRobots robots;
    private final List<Lane> lanes;
    private final Object idle = new Object();
    private int pending;

    public GroupOutbox(GroupRobots robots) {
        this(robots, DEFAULT_QUEUE_CAPACITY);
    }

    public GroupOutbox(GroupRobots robots, int queueCapacity) {
        this.robots = robots;
        List<Lane> built = new ArrayList<>();
        for (GroupRobots.Robot robot : robots.robots()) {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(queueCapacity), DaemonThreads.named("huzhu-group-" + robot.chat().name()),
                    new ThreadPoolExecutor.AbortPolicy());
            built.add(new Lane(robot, executor));
        }
        this.lanes = List.copyOf(built);
    }

    /**
     * Queues {@code message} for every robot that takes {@code kind} and returns at once.
     *
     * @param incidentId for the log line; may be null
     * @return how many posts were queued (robots that take this kind, less those whose queue was full)
     */
    public int offer(GroupKind kind, GroupMessage message, String incidentId) {
        int queued = 0;
        for (Lane lane : lanes) {
            if (!lane.robot().kinds().contains(kind)) continue;
            GroupChat chat = lane.robot().chat();
            synchronized (idle) {
                pending++;
            }
            try {
                lane.executor().execute(() -> {
                    try {
                        robots.postTo(chat, kind, message, incidentId);
                    } finally {
                        done();
                    }
                });
                queued++;
            } catch (RejectedExecutionException e) {
                done();
                robots.dropped(chat, kind, incidentId);
            }
        }
        return queued;
    }

    /**
     * Waits until every queued post has finished, or {@code max} has passed.
     *
     * @return true if nothing is left to post
     */
    public boolean awaitIdle(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void done() {
        synchronized (idle) {
            pending--;
            idle.notifyAll();
        }
    }
}
