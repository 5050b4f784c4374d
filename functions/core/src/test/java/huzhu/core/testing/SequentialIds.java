package huzhu.core.testing;

import huzhu.core.kernel.Ids;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Predictable ids for tests: id-0001, id-0002…, secrets secret-0001…, short codes from a seeded Random. */
public final class SequentialIds implements Ids {
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger secrets = new AtomicInteger();
    private final Random random;

    public SequentialIds(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public String newId() {
        return String.format("id-%04d", ids.incrementAndGet());
    }

    @Override
    public String newSecret() {
        return String.format("secret-%04d", secrets.incrementAndGet());
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
