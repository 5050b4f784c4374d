package huzhu.robots;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A hand-written robot: answers from a script (then "posted"), remembers what it was given, may hold until let go. */
final class ScriptedRobot implements GroupChat {
    private final String name;
    private final Deque<PostResult> script;
    private final List<GroupMessage> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release;
    private final CountDownLatch entered = new CountDownLatch(1);

    ScriptedRobot(String name, PostResult... script) {
        this(name, null, script);
    }

    /** @param release if not null, every post waits for it before answering */
    ScriptedRobot(String name, CountDownLatch release, PostResult... script) {
        this.name = name;
        this.release = release;
        this.script = new ArrayDeque<>(List.of(script));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String vendor() {
        return "scripted";
    }

    @Override
    public PostResult post(GroupMessage message) {
        received.add(message);
        entered.countDown();
        if (release != null) {
            try {
                if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (script) {
            return script.isEmpty() ? PostResult.posted() : script.poll();
        }
    }

    List<GroupMessage> received() {
        return Collections.unmodifiableList(received);
    }

    /** Waits until the first post has begun. */
    void awaitFirstPost() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("no post began");
    }
}
