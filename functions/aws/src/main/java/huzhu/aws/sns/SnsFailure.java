package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import java.util.Set;

/**
 * What a failed {@code Publish} means for this one message: worth retrying now (throttled), worth retrying
 * later (SNS or the network failed: the message may or may not have gone out), or never going to work
 * (opted out, bad number, not allowed). The reason names the SNS error code and HTTP status but never the
 * SNS error message, which can quote the phone number.
 */
record SnsFailure(String reason, boolean permanent, boolean retryNow) {

    /** SNS answers {@code Throttled}; other AWS query services and proxies use the rest. */
    private static final Set<String> THROTTLING_CODES = Set.of("Throttled", "Throttling", "ThrottlingException",
            "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled",
            "RequestThrottledException", "KMSThrottling", "KMSThrottlingException", "SlowDown");
    private static final Set<String> OPTED_OUT_CODES = Set.of("OptedOut", "OptedOutException");
    private static final Set<String> INVALID_CODES = Set.of("InvalidParameter", "InvalidParameterException",
            "ParameterValueInvalid", "InvalidParameterValue", "InvalidParameterValueException", "ValidationError",
            "ValidationException", "InvalidParameterCombination", "MissingParameter");
    private static final Set<String> AUTHORIZATION_CODES = Set.of("AuthorizationError",
            "AuthorizationErrorException", "AccessDenied", "AccessDeniedException");
    /** Credentials that expire or a clock that drifts: the next call (new credentials, new signature) can work. */
    private static final Set<String> TRANSIENT_CLIENT_CODES = Set.of("ExpiredToken", "ExpiredTokenException",
            "RequestExpired", "RequestTimeTooSkewed", "RequestInTheFuture", "RequestTimeout",
            "RequestTimeoutException", "PriorRequestNotComplete");

    static SnsFailure of(Throwable error) {
        if (error instanceof AwsApi.Failure e && e.status() != 0) return ofService(e.code(), e.status());
        if (error instanceof AwsApi.Failure e) {
            // no answer from SNS (connect/read timeout, refused, unreadable reply): it may or may not have sent
            return new SnsFailure("network (" + simpleName(rootCause(e)) + ")", false, false);
        }
        return new SnsFailure("unexpected (" + simpleName(error) + ")", false, false);
    }

    private static SnsFailure ofService(String code, int status) {
        String detail = " (" + (code == null ? "no code" : code) + ", HTTP " + status + ")";
        if (status == 429 || THROTTLING_CODES.contains(code)) {
            return new SnsFailure("throttled" + detail, false, true);
        }
        if (OPTED_OUT_CODES.contains(code)) {
            return new SnsFailure("opted-out" + detail, true, false);
        }
        if (INVALID_CODES.contains(code)) {
            return new SnsFailure("invalid-parameter" + detail, true, false);
        }
        if (AUTHORIZATION_CODES.contains(code)) {
            return new SnsFailure("not-authorized" + detail, true, false);
        }
        if (status >= 500 || status == 0) return new SnsFailure("sns-unavailable" + detail, false, false);
        if (TRANSIENT_CLIENT_CODES.contains(code)) {
            return new SnsFailure("rejected-transient" + detail, false, false);
        }
        return new SnsFailure("rejected" + detail, true, false);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String simpleName(Throwable t) {
        return t.getClass().getSimpleName();
    }
}
