package huzhu.core.kernel;

import huzhu.core.error.DependencyFailure;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads that do not depend on each other, started together: before the first alert each read is a round trip
 * to the store, and one after the other they held the alerts back (BENCHMARKS.md, the call timeline). Reads go
 * ahead; what is decided from them is still written with the usual conditional writes. Two writes go ahead: a
 * conditional one beside another whose outcome it shares (the DynamoDB store's claim on a member's emergency,
 * written beside the incident), awaited before anything is sent; and a level's escalation timer, sent beside its
 * alerts.
 * <p>
 * Work that must not hold the caller back, such as that timer, goes {@link #beside}: when every thread is busy it is
 * left for {@link Pending#get()} to run, after what the caller does meanwhile, instead of running first in the
 * caller's thread. Its result must be awaited on every path (a {@code finally}), or it may never run at all.
 * <p>
 * The pool's threads are daemons and few; when all are busy the read runs in the caller's thread, so a read
 * ahead never waits for a free thread (nor can reads started from reads wait for each other).
 */
public final class ReadAhead {
    static final int THREADS = 32;
    private static final ExecutorService POOL = pool();

    private ReadAhead() {
    }

    /** A read started now, whose result (or exception) is handed over by {@link Pending#get()}. */
    public static <T> Pending<T> start(Supplier<T> read) {
        return new Pending<>(POOL.submit(read::get));
    }

    /**
     * Work started now beside the caller's own; when no thread is free it runs when awaited, never before the caller
     * has done what it does meanwhile.
     */
    public static <T> Pending<T> beside(Supplier<T> work) {
        RunsWhenAwaited<T> task = new RunsWhenAwaited<>(work);
        POOL.execute(task);
        return new Pending<>(task);
    }

    /** A value already known: no read. */
    public static <T> Pending<T> done(T value) {
        FutureTask<T> known = new FutureTask<>(() -> value);
        known.run();
        return new Pending<>(known);
    }

    /** The result of a read started earlier. */
    public static final class Pending<T> implements Supplier<T> {
        private final Future<T> result;

        private Pending(Future<T> result) {
            this.result = result;
        }

        /** Waits for the read; its own exception is rethrown as it was thrown, so callers handle it as before. */
        @Override
        public T get() {
            // work no thread was free for: it runs here, now that the caller has done what it did meanwhile
            if (result instanceof RunsWhenAwaited<T> work && work.left) work.run();
            try {
                return result.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new DependencyFailure("a read failed", cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DependencyFailure("interrupted while waiting for a read", e);
            }
        }
    }

    /** What {@link #beside} starts: not run by the caller when the pool is full, but by {@link Pending#get()}. */
    private static final class RunsWhenAwaited<T> extends FutureTask<T> {
        /** Set when the pool had no thread for it (before {@code execute} returns). */
        private volatile boolean left;

        RunsWhenAwaited(Supplier<T> work) {
            super(work::get);
        }
    }

    /**
     * A plain pool and plain futures: a read's own exception comes back as the cause, nothing wraps it twice. A full
     * pool runs a read in the caller's thread, and leaves work started {@link #beside} for its {@code get()}.
     */
    private static ExecutorService pool() {
        return new ThreadPoolExecutor(0, THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.numbered("huzhu-read-ahead-"), (task, full) -> {
                    if (task instanceof RunsWhenAwaited<?> work) {
                        work.left = true;
                    } else {
                        task.run();
                    }
                });
    }
}
