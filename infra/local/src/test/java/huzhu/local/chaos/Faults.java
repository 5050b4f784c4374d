package huzhu.local.chaos;

import huzhu.core.Store;
import huzhu.core.error.DependencyFailure;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.testing.Intercepted;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ports that fail a share of their calls, drawn from a seeded random: half of the failures happen before
 * the call reaches the real port (nothing done), half after it (done, but the caller hears a failure — a
 * time-out after the write). The messenger's failures are transient results, the SMS sent or not.
 */
final class Faults {
    private final Random random;
    private final double share;
    private volatile boolean on;
    final AtomicLong storeCalls = new AtomicLong();
    final AtomicLong storeFailures = new AtomicLong();
    final AtomicLong sends = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();

    Faults(long seed, double share) {
        this.random = new Random(seed);
        this.share = share;
    }

    void on() {
        on = true;
    }

    void off() {
        on = false;
    }

    /** null: no fault; true: fail before the call; false: fail after it. */
    private Boolean draw() {
        if (!on) return null;
        synchronized (random) {
            if (random.nextDouble() >= share) return null;
            return random.nextBoolean();
        }
    }

    Store store(Store real) {
        return Intercepted.store(real, (method, args, call) -> {
            storeCalls.incrementAndGet();
            Boolean fault = draw();
            if (Boolean.TRUE.equals(fault)) {
                storeFailures.incrementAndGet();
                throw new DependencyFailure("store unavailable (chaos) in " + method.getName(), null);
            }
            Object result = call.run();
            if (Boolean.FALSE.equals(fault)) {
                storeFailures.incrementAndGet();
                throw new DependencyFailure("store timed out (chaos) after " + method.getName(), null);
            }
            return result;
        });
    }

    Messenger messenger(Messenger real) {
        return new Messenger() {
            @Override
            public SendResult send(OutboundSms sms) {
                sends.incrementAndGet();
                Boolean fault = draw();
                if (Boolean.TRUE.equals(fault)) {
                    sendFailures.incrementAndGet();
                    return SendResult.failed("Throttling: rate exceeded (chaos)", false);
                }
                SendResult result = real.send(sms);
                if (Boolean.FALSE.equals(fault)) {
                    sendFailures.incrementAndGet();
                    return SendResult.failed("timed out waiting for SNS (chaos)", false);
                }
                return result;
            }

            @Override
            public List<SendResult> sendAll(List<OutboundSms> messages) {
                List<SendResult> out = new ArrayList<>(messages.size());
                for (OutboundSms m : messages) out.add(send(m));
                return out;
            }
        };
    }
}
