package huzhu.aws;

import huzhu.core.log.JsonLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Lambda takes the snapshot after init; a hook registered here runs just before it
 * ({@code beforeCheckpoint}), so the classes it loads and the code it compiles are in the snapshot and every
 * restored copy starts warm. Each hook runs its function's path on a harmless request — a read of a key that
 * cannot exist, a route that answers 404, a JSON round trip — never a write, an SMS or an id.
 * <p>
 * {@code afterRestore} does nothing: the priming leaves no state behind that copies must not share (ids,
 * tokens and randomness are drawn per request; SDK clients and the JDK's connection cache hold no secret and
 * a stale pooled connection is retried by the client).
 * <p>
 * Why not the SDK's {@code SdkWarmUp}: it warms every SDK client on the classpath and makes a real HTTP call
 * to {@code sts.<region>.amazonaws.com}; ours warm exactly the calls the function makes, against its own
 * endpoints. A hook that fails is logged and skipped: priming must never stop a deployment.
 * <p>
 * On a JVM without CRaC (tests, the local stack) registering does nothing. Measure before trusting it: a
 * restore has its own cost, and SnapStart can make the first invoke slower (DESIGN §6; BENCHMARKS.md).
 */
public final class Priming implements Resource {
    /** org.crac keeps only weak references to resources: these keep ours alive. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String name;
    private final Runnable prime;

    private Priming(String name, Runnable prime) {
        this.name = name;
        this.prime = prime;
    }

    /** Runs {@code prime} before the snapshot is taken. */
    public static void register(String name, Runnable prime) {
        Priming p = new Priming(name, prime);
        REGISTERED.add(p);
        Core.getGlobalContext().register(p);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            prime.run();
            JsonLog.info("priming.done", "hook", name, "ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            JsonLog.warn("priming.failed", "hook", name, "reason", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: see the class comment
    }
}
