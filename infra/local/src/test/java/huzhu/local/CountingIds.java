package huzhu.local;

import huzhu.core.kernel.Ids;
import java.util.concurrent.atomic.AtomicInteger;

/** Predictable ids: {@code id-1}, {@code id-2}, … in the order they are drawn. */
final class CountingIds implements Ids {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public String newId() {
        return "id-" + next.incrementAndGet();
    }

    @Override
    public String newSecret() {
        return "secret-" + next.incrementAndGet();
    }

    @Override
    public int nextInt(int bound) {
        return 0;
    }
}
