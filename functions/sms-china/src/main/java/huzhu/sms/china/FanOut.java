package huzhu.sms.china;

import huzhu.core.kernel.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends a batch in parallel on one bounded pool, results in the order of the batch: a whole level of alerts
 * costs about one round trip. One request per recipient rather than the providers' multi-number calls, so one
 * bad number fails alone (Alibaba's {@code SendBatchSms} answers one code for the whole batch) and every
 * message gets its own id for its delivery report.
 */
public final class FanOut {
    /** A level of 20 alerts plus the reporter's receipt and the member's notice, as the SNS adapter sizes it. */
    static final int POOL_SIZE = 22;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(POOL_SIZE,
            DaemonThreads.named("huzhu-china-sms-fan-out"));

    private FanOut() {
    }

    public static List<ProviderResult> sendAll(List<TemplateSms> messages, Function<TemplateSms, ProviderResult> send) {
        List<ProviderResult> results = new ArrayList<>(messages.size());
        if (messages.size() <= 1) {
            for (TemplateSms m : messages) results.add(send.apply(m));
            return results;
        }
        List<Future<ProviderResult>> pending = new ArrayList<>(messages.size());
        for (TemplateSms m : messages) pending.add(POOL.submit(() -> send.apply(m)));
        for (Future<ProviderResult> f : pending) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                results.add(ProviderResult.failed("send failed: " + e.getCause().getClass().getSimpleName(), false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(ProviderResult.failed("interrupted", false));
            }
        }
        return results;
    }
}
