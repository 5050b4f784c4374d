package huzhu.robots;

/**
 * What became of one post to one robot. {@code detail} says why it failed in the vendor's own words (code
 * and message), never with the robot's key, token or secret in it.
 */
public record PostResult(Outcome outcome, String detail, int attempts) {

    public enum Outcome {
        /** The vendor accepted the message for the group. */
        POSTED("posted"),
        /** The vendor's rate limit (WeCom and DingTalk: 20 a minute per robot); worth trying again later. */
        THROTTLED("throttled"),
        /** Bad key or token, signature mismatch, a rejected body: trying again cannot help. */
        PERMANENT_FAILURE("permanent-failure"),
        /** A network failure, a timeout, a 5xx or a vendor's "system busy": it may work next time. */
        TRANSIENT_FAILURE("transient-failure");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public PostResult {
        if (outcome == null) throw new IllegalArgumentException("outcome");
        detail = detail == null ? "" : detail;
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
    }

    public static PostResult posted() {
        return new PostResult(Outcome.POSTED, "", 1);
    }

    public static PostResult throttled(String detail) {
        return new PostResult(Outcome.THROTTLED, detail, 1);
    }

    public static PostResult permanentFailure(String detail) {
        return new PostResult(Outcome.PERMANENT_FAILURE, detail, 1);
    }

    public static PostResult transientFailure(String detail) {
        return new PostResult(Outcome.TRANSIENT_FAILURE, detail, 1);
    }

    public boolean isPosted() {
        return outcome == Outcome.POSTED;
    }

    /** Throttled or transient: another attempt may succeed. */
    public boolean retryable() {
        return outcome == Outcome.THROTTLED || outcome == Outcome.TRANSIENT_FAILURE;
    }

    PostResult afterAttempts(int attempts) {
        return new PostResult(outcome, detail, attempts);
    }
}
