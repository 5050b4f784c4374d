package huzhu.core.kernel;

import huzhu.core.error.Conflict;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Read, decide, conditionally write: the one way a record with a version is changed. The store accepts the write
 * only on the version the decision was taken on; when somebody else wrote first ({@link StaleWrite}) the record
 * is read again and the decision taken again on what they wrote. A decision that throws refuses the change.
 */
public final class VersionedChange {
    private VersionedChange() {
    }

    /**
     * What a decision on the current record came to: nothing to write (and this result), or the next version to
     * write and what to answer once it is written.
     */
    public static final class Decision<T, R> {
        private final T next;
        private final Function<? super T, ? extends R> then;
        private final R unchanged;

        private Decision(T next, Function<? super T, ? extends R> then, R unchanged) {
            this.next = next;
            this.then = then;
            this.unchanged = unchanged;
        }

        public static <T, R> Decision<T, R> none(R result) {
            return new Decision<>(null, null, result);
        }

        public static <T, R> Decision<T, R> write(T next, Function<? super T, ? extends R> then) {
            return new Decision<>(next, then, null);
        }

        /** Writes {@code next} and answers it. */
        public static <T> Decision<T, T> write(T next) {
            return new Decision<>(next, t -> t, null);
        }

        /** The same decision, and {@code after} is told the written record before the answer is made. */
        public Decision<T, R> alsoAfterWrite(Consumer<? super T> after) {
            if (next == null) return this;
            return new Decision<>(next, written -> {
                R result = then.apply(written);
                after.accept(written);
                return result;
            }, null);
        }
    }

    /**
     * @param attempts how many decisions at most; after the last lost race its {@link StaleWrite} is thrown
     * @param read the current record (the first attempt may use one already known)
     * @param write the conditional write; throws {@link StaleWrite} when the stored version moved on
     */
    public static <T, R> R run(int attempts, Supplier<T> read, Function<? super T, Decision<T, R>> decide,
            Consumer<? super T> write) {
        for (int attempt = 1; ; attempt++) {
            Decision<T, R> d = decide.apply(read.get());
            if (d.next == null) return d.unchanged;
            try {
                write.accept(d.next);
            } catch (StaleWrite e) {
                if (attempt >= attempts) throw e;
                continue;
            }
            return d.then.apply(d.next);
        }
    }

    /** A record as an edit found it, and as the edit wrote it. */
    public record Edited<T>(T before, T after) {
    }

    /**
     * An officer's edit: {@code next} of the record {@code read} finds, if that is still a version {@code basedOn}
     * names ({@link BasedOn#require}: 412 otherwise), written conditionally as {@link #run} does; when every attempt
     * lost its race the edit is refused as busy (409).
     */
    public static <T> Edited<T> edit(int attempts, Supplier<T> read, ToLongFunction<? super T> version,
            BasedOn basedOn, UnaryOperator<T> next, Consumer<? super T> write) {
        return orBusy(() -> run(attempts, read, current -> {
            basedOn.require(version.applyAsLong(current));
            return Decision.write(next.apply(current), written -> new Edited<>(current, written));
        }, write));
    }

    /** Runs {@code change}; a {@link StaleWrite} it lets out (every attempt lost its race) is a 409 "busy". */
    public static <R> R orBusy(Supplier<R> change) {
        try {
            return change.get();
        } catch (StaleWrite e) {
            throw new Conflict("busy", "error.busy");
        }
    }

    /** One conditional write, not retried: false (nothing written) when somebody else wrote first. */
    public static boolean tryWrite(Runnable write) {
        try {
            write.run();
            return true;
        } catch (StaleWrite e) {
            return false;
        }
    }

    /** Reads with {@code read}, except the first attempt, which decides on {@code known} when it is not null. */
    public static <T> Supplier<T> startingWith(T known, Supplier<T> read) {
        Object[] first = {known};
        return () -> {
            @SuppressWarnings("unchecked")
            T k = (T) first[0];
            first[0] = null;
            return k != null ? k : read.get();
        };
    }
}
