package huzhu.core.error;

import java.util.Map;

/**
 * A failure the caller caused or must know about, as opposed to an infrastructure failure.
 * {@code messageKey} names the text in the message bundles; the edge renders it for people.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, Invalid, Forbidden, RateLimited, ChangedMeanwhile {

    private final String messageKey;
    private final Map<String, Object> args;

    protected DomainException(String messageKey, Map<String, Object> args) {
        super(messageKey + (args.isEmpty() ? "" : " " + args), null, false, false);
        this.messageKey = messageKey;
        this.args = Map.copyOf(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Map<String, Object> args() {
        return args;
    }
}
