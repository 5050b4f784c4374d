package huzhu.core.kernel;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * What an adapter that sends (an SNS publisher, a domestic SMS provider) is built with beside its client: how it
 * tries a throttled send again, and where its JSON log lines go. Tests hand in their own.
 */
public record SendWiring(Retries retries, Consumer<String> log) {
    /** The default backoff, real sleeps, secure jitter drawn per wait, log lines to stdout (whatever it is then). */
    public static final SendWiring PRODUCTION = new SendWiring(Retries.real(Backoff.DEFAULT),
            line -> System.out.println(line));

    public SendWiring {
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(log, "log");
    }

    public SendWiring(Backoff backoff, Sleeper sleeper, DoubleSupplier jitter, Consumer<String> log) {
        this(new Retries(backoff, sleeper, jitter), log);
    }
}
