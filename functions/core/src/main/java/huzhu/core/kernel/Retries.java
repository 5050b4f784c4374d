package huzhu.core.kernel;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How an adapter tries a call again: up to {@link Backoff#maxAttempts()} calls, each after the {@link Backoff}'s
 * wait at a fresh {@code jitter} draw, done by the {@code sleeper}. Which answers are worth another call, and what
 * the caller makes of the last one, is the caller's: SNS and the domestic providers retry only a throttled send,
 * the group robots a throttled or transient post.
 *
 * <p>A wait the sleeper gives up ({@link Sleeper#REAL} sets the interrupt flag and throws), or a thread found
 * interrupted once the wait is over, ends the calls at once with the interrupt flag set. A sleeper that throws with
 * the flag clear has failed for another reason: that is thrown to the caller.
 */
public record Retries(Backoff backoff, Sleeper sleeper, DoubleSupplier jitter) {

    /** How the calls ended. */
    public enum End {
        /** The last answer was not one to try again (a success, or a failure another call cannot mend). */
        ANSWERED,
        /** The last answer was worth another call, but the backoff allowed no more. */
        OUT_OF_ATTEMPTS,
        /** The wait before the next call was interrupted. */
        INTERRUPTED
    }

    /** The last answer, how many calls it took, and how they ended. */
    public record Tried<A>(A last, int attempts, End end) {
        /**
         * {@code reason} (the last failure's) as SNS and the domestic providers report it: with
         * {@code ", interrupted while backing off"} or {@code " after n attempts"} when the calls ended so.
         */
        public String reason(String reason) {
            return switch (end) {
                case ANSWERED -> reason;
                case OUT_OF_ATTEMPTS -> reason + " after " + attempts + " attempts";
                case INTERRUPTED -> reason + ", interrupted while backing off";
            };
        }

        /** Whether the last failure is final, as it said itself; never when the calls were interrupted before it was. */
        public boolean permanent(boolean lastSaidPermanent) {
            return end != End.INTERRUPTED && lastSaidPermanent;
        }
    }

    public Retries {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
    }

    /** Real sleeps and a secure jitter drawn per wait (nothing random is captured before a SnapStart checkpoint). */
    public static Retries real(Backoff backoff) {
        return new Retries(backoff, Sleeper.REAL, () -> new SecureRandom().nextDouble());
    }

    /** Calls {@code call} until its answer is not one {@code again} wants tried again, or the attempts run out. */
    public <A> Tried<A> run(Supplier<? extends A> call, Predicate<? super A> again) {
        int attempt = 0;
        while (true) {
            attempt++;
            A answer = call.get();
            if (!again.test(answer)) return new Tried<>(answer, attempt, End.ANSWERED);
            if (attempt >= backoff.maxAttempts()) return new Tried<>(answer, attempt, End.OUT_OF_ATTEMPTS);
            Duration wait = backoff.delayAfter(attempt, jitter.getAsDouble());
            try {
                sleeper.sleep(wait);
            } catch (RuntimeException e) {
                // a sleeper gives a wait up by throwing with the flag set; anything else is a bug, and not ours to hide
                if (!Thread.currentThread().isInterrupted()) throw e;
                return new Tried<>(answer, attempt, End.INTERRUPTED);
            }
            if (Thread.currentThread().isInterrupted()) return new Tried<>(answer, attempt, End.INTERRUPTED);
        }
    }
}
