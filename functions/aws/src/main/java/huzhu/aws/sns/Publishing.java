package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.core.kernel.Backoff;
import java.security.SecureRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * What each SNS publisher here is built with beside its client: how it waits between the tries of a throttled
 * {@code Publish} (backoff, sleeper, jitter) and where its JSON log lines go. Tests hand in their own.
 */
public record Publishing(Backoff backoff, Sleeper sleeper, DoubleSupplier jitter, Consumer<String> log) {
    /** Real sleeps, secure jitter, log lines to stdout. */
    public static Publishing production() {
        return new Publishing(Backoff.DEFAULT, Sleeper.REAL, new SecureRandom()::nextDouble, System.out::println);
    }

    RetryingPublisher publisher(AwsApi sns) {
        return new RetryingPublisher(sns, backoff, sleeper, jitter);
    }
}
