package huzhu.core.testing;

import huzhu.core.Store;
import huzhu.core.audit.AuditStore;
import huzhu.core.care.ApplicationStore;
import huzhu.core.care.FollowUpStore;
import huzhu.core.care.IntroductionStore;
import huzhu.core.care.LeaseStore;
import huzhu.core.care.NoticeStore;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.TriggerTokenStore;
import huzhu.core.incident.IncidentStore;
import huzhu.core.incident.SettingsStore;
import huzhu.core.kernel.IdempotencyStore;
import huzhu.core.sms.OptOutStore;

/**
 * A store that lets one competing action slip in around the next incident write, the way a second Lambda
 * would between our read and our write. The competitor runs once; its own writes pass straight through.
 * It can also fail one idempotency write, the way a store times out after the work was done.
 */
public final class InterleavingStore implements Store {
    private final Store delegate;
    private final IncidentStore incidents;
    private final IdempotencyStore idempotency;
    private Runnable beforeNextUpdate;
    private Runnable afterNextUpdate;
    private RuntimeException nextRememberFailure;

    public InterleavingStore(Store delegate) {
        this.delegate = delegate;
        this.incidents = Intercepted.port(delegate.incidents(), IncidentStore.class, (method, args, real) -> {
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

    /** The next incident update writes, then {@code competitor} runs before the caller continues. */
    public void afterNextUpdate(Runnable competitor) {
        this.afterNextUpdate = competitor;
    }

    /** The next {@link IdempotencyStore#remember} throws {@code failure} and records nothing, like a store that timed out. */
    public void failNextRemember(RuntimeException failure) {
        this.nextRememberFailure = failure;
    }

    @Override
    public IncidentStore incidents() {
        return incidents;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    // ---- everything else as is

    @Override
    public DirectoryStore directory() {
        return delegate.directory();
    }

    @Override
    public TriggerTokenStore triggerTokens() {
        return delegate.triggerTokens();
    }

    @Override
    public SettingsStore settings() {
        return delegate.settings();
    }

    @Override
    public AuditStore audit() {
        return delegate.audit();
    }

    @Override
    public FollowUpStore followUps() {
        return delegate.followUps();
    }

    @Override
    public IntroductionStore introductions() {
        return delegate.introductions();
    }

    @Override
    public NoticeStore notices() {
        return delegate.notices();
    }

    @Override
    public ApplicationStore applications() {
        return delegate.applications();
    }

    @Override
    public LeaseStore leases() {
        return delegate.leases();
    }

    @Override
    public OptOutStore optOuts() {
        return delegate.optOuts();
    }
}
