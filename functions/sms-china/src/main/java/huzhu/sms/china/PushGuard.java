package huzhu.sms.china;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Authenticates the providers' HTTP pushes (replies and delivery reports). Neither Alibaba Cloud nor Tencent
 * Cloud signs them: their push formats carry no signature, timestamp header or secret. So the union puts a
 * long random token in the callback URL it registers in the provider's console; a push is taken only when it
 * presents one of the configured tokens (two during a rotation), compared in constant time. Replays are
 * refused by age: items dated outside {@code [now - maxAge, now + maxAhead]} are dropped, and a push with no
 * fresh item is refused. Within the window a repeat is the caller's to ignore, by the provider message id.
 */
public final class PushGuard {
    /** 32 characters of a random URL-safe token are 190 bits or more; shorter ones are refused at init. */
    public static final int MIN_TOKEN_LENGTH = 32;

    private final List<byte[]> tokenDigests;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxAhead;

    /**
     * @param tokens   the accepted push tokens (the current one, and the previous one while rotating)
     * @param maxAge   how old an item may be: at least the provider's retry span, at most how long the caller
     *                 remembers provider message ids
     * @param maxAhead how far in the future an item's time may be (clock skew)
     */
    public PushGuard(List<String> tokens, Clock clock, Duration maxAge, Duration maxAhead) {
        if (tokens == null || tokens.isEmpty()) throw new IllegalArgumentException("no push token configured");
        List<byte[]> digests = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (t == null || t.strip().length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("a push token must have at least " + MIN_TOKEN_LENGTH
                        + " characters");
            }
            digests.add(digest(t.strip()));
        }
        this.tokenDigests = List.copyOf(digests);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.maxAhead = Objects.requireNonNull(maxAhead, "maxAhead");
    }

    /** True when {@code presented} is one of the tokens; the time taken does not depend on where they differ. */
    public boolean authenticates(String presented) {
        if (presented == null || presented.isEmpty()) return false;
        byte[] given = digest(presented);
        boolean match = false;
        for (byte[] expected : tokenDigests) match |= MessageDigest.isEqual(given, expected);
        return match;
    }

    /**
     * Checks a push: token first (nothing is parsed without it), then the format, then each item's age.
     *
     * @param parse reads the provider's body into items; throws {@link IllegalArgumentException} if it is not
     *              the provider's format
     * @param time  the item's time (null counts as outside the window)
     */
    public <T> PushOutcome<T> check(String presentedToken, String body, Function<String, List<T>> parse,
            Function<T, Instant> time) {
        if (!authenticates(presentedToken)) return new PushOutcome.Rejected<>(401, "push token missing or wrong");
        List<T> items;
        try {
            items = parse.apply(body);
        } catch (IllegalArgumentException e) {
            return new PushOutcome.Rejected<>(400, "not the provider's push format");
        }
        Instant now = clock.instant();
        Instant oldest = now.minus(maxAge);
        Instant newest = now.plus(maxAhead);
        List<T> fresh = new ArrayList<>(items.size());
        for (T item : items) {
            Instant at = time.apply(item);
            if (at != null && !at.isBefore(oldest) && !at.isAfter(newest)) fresh.add(item);
        }
        if (fresh.isEmpty() && !items.isEmpty()) {
            return new PushOutcome.Rejected<>(403, "every item is outside the freshness window (replayed?)");
        }
        return new PushOutcome.Accepted<>(fresh, items.size() - fresh.size());
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
