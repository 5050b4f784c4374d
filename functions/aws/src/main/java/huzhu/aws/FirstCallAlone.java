package huzhu.aws;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets a client's first call get as far as sending its request before any other call starts. A cold function's
 * first invoke calls the store from several threads at once, and every thread that reaches one of the SDK's
 * not-yet-linked lambda call sites with another spins its own class for it (the pipeline's stages, the
 * marshallers): 20 to 100 classes nobody uses. The others wait only while the first builds, signs and
 * marshals its request, never for its answer, and at most {@code bound}: a stuck first call holds no one.
 */
final class FirstCallAlone implements ExecutionInterceptor {
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch sent = new CountDownLatch(1);
    private final long boundNanos;

    FirstCallAlone(Duration bound) {
        this.boundNanos = bound.toNanos();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (sent.getCount() == 0 || started.compareAndSet(false, true)) return;
        try {
            sent.await(boundNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.countDown();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        sent.countDown();
    }
}
