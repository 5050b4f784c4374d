package huzhu.aws.secrets;

import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Secrets whose reads start before init needs them: each is a round trip to Secrets Manager, which then overlaps the
 * rest of init (the DynamoDB client's build above all) instead of following it.
 */
public final class SecretsAhead {
    private final Map<String, String> env;
    private final Function<String, String> read;
    private final Map<String, Pending<String>> started = new ConcurrentHashMap<>();

    /**
     * @param env  the environment, whose variables name the secrets (their ARNs)
     * @param read the text of the secret a variable names, as {@link NamedSecret#value()} reads it
     */
    public SecretsAhead(Map<String, String> env, Function<String, String> read) {
        this.env = env;
        this.read = read;
    }

    /** Starts reading the secret {@code variable} names, once; nothing when it names none. */
    public void start(String variable) {
        String id = env.get(variable);
        if (id == null || id.isBlank()) return;
        started.computeIfAbsent(variable, v -> ReadAhead.start(() -> read.apply(v)));
    }

    /**
     * The secret's text: the read started for it if there is one (its failure rethrown as it was thrown, so init fails
     * as it did), else a read now.
     */
    public String value(String variable) {
        Pending<String> ahead = started.remove(variable);
        return ahead != null ? ahead.get() : read.apply(variable);
    }
}
