package huzhu.core.testing;

import huzhu.core.Store;
import huzhu.core.incident.IncidentStore;
import huzhu.core.kernel.IdempotencyStore;

/**
 * A store that lets one competing action slip in around the next incident write (or creation), the way a second Lambda
 * would between our read and our write. The competitor runs once; its own writes pass straight through.
 * It can also fail one idempotency write, the way a store times out after the work was done.
 */
public final class InterleavingStore implements Store {
    private final Store delegate;
    private final IncidentStore incidents;
    private final IdempotencyStore idempotency;
    private Runnable beforeNextUpdate;
    private Runnable afterNextUpdate;
    private Runnable beforeNextCreate;
    private RuntimeException nextRememberFailure;

    public InterleavingStore(Store delegate) {
        this.delegate = delegate;
        this.incidents = Intercepted.port(delegate.incidents(), IncidentStore.class, (method, args, real) -> {
            if (method.getName().startsWith("create")) {
                Runnable competitor = beforeNextCreate;
                beforeNextCreate = null;
                if (competitor != null) competitor.run();
                return real.run();
            }
            if (!method.getName().equals("update")) return real.run();
            Runnable before = beforeNextUpdate;
            beforeNextUpdate = null;
            if (before != null) before.run();
            Runnable after = afterNextUpdate;
            afterNextUpdate = null;
            Object result = real.run();
            if (after != null) after.run();
            return result;
        });
        this.idempotency = Intercepted.port(delegate.idempotency(), IdempotencyStore.class, (method, args, real) -> {
            RuntimeException failure = nextRememberFailure;
            if (failure != null && method.getName().equals("remember")) {
                nextRememberFailure = null;
                throw failure;
            }
            return real.run();
        });
    }

    /** The next incident update first runs {@code competitor}, then tries its own (now stale) write. */
    public void beforeNextUpdate(Runnable competitor) {
        this.beforeNextUpdate = competitor;
    }

    /**
     * The next incident created first runs {@code competitor}, the way a second Lambda raising the same member's
     * emergency in the same instant stores its incident between our read of the active ones and our write.
     */
    public void beforeNextCreate(Runnable competitor) {
        this.beforeNextCreate = competitor;
    }

    /** The next incident update writes, then {@code competitor} runs before the caller continues. */
    public void afterNextUpdate(Runnable competitor) {
        this.afterNextUpdate = competitor;
    }

    /** The next {@link IdempotencyStore#remember} throws {@code failure} and records nothing, like a store that timed out. */
    public void failNextRemember(RuntimeException failure) {
        this.nextRememberFailure = failure;
    }

    @Override
    public Ports ports() {
        Ports p = delegate.ports();
        return new Ports(p.directory(), p.triggerTokens(), incidents, p.settings(), idempotency, p.audit(),
                p.followUps(), p.introductions(), p.notices(), p.applications(), p.leases(), p.optOuts(), p.careRounds(),
                p.contactRequests(), p.guides(), p.holds(), p.surges());
    }
}
