package huzhu.sms.china;

/**
 * What one failed call means for its message, in the three classes the SNS adapter uses: worth retrying now
 * (the provider throttled the API and did not take the message), worth retrying later (the provider or the
 * network failed, or the recipient's frequency cap was hit: the message may or may not have gone out, or may
 * go out later), or never going to work as it is (bad number, template, signature, credentials, balance).
 * The reason names the provider's code and HTTP status but never its message, which can quote the number.
 */
public record SendFailure(String reason, boolean permanent, boolean retryNow) {

    public static SendFailure throttled(String detail) {
        return new SendFailure("throttled" + detail, false, true);
    }

    public static SendFailure transientFailure(String kind, String detail) {
        return new SendFailure(kind + detail, false, false);
    }

    public static SendFailure permanent(String kind, String detail) {
        return new SendFailure(kind + detail, true, false);
    }

    /** An answer with HTTP 200 but no message id to follow the SMS by: it may have gone out, so not tried again now. */
    public static SendFailure noMessageId(String code) {
        return transientFailure("no-message-id", detail(code, 200));
    }

    /** {@code " (code, HTTP status)"}, the detail every reason ends with. */
    public static String detail(String code, int status) {
        return " (" + (code == null || code.isBlank() ? "no code" : code) + ", HTTP " + status + ")";
    }
}
