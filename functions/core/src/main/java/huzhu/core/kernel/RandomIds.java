package huzhu.core.kernel;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Production ids: a millisecond timestamp (so ids sort by creation) and 64 random bits. Randomness is
 * drawn per call from {@link SecureRandom}, never captured at init, so SnapStart copies do not repeat.
 */
public final class RandomIds implements Ids {
    private static final char[] CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RandomIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String newId() {
        long millis = clock.millis();
        long rnd = random.nextLong();
        char[] out = new char[10 + 13];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 22; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (rnd & 31)];
            rnd >>>= 5;
        }
        return new String(out);
    }

    @Override
    public String newSecret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
