package huzhu.sms.china.aliyun;

import huzhu.sms.china.SendFailure;
import java.util.Set;

/**
 * Alibaba Cloud SMS answers ({@code Code} of the {@code SendSms} body, or of the gateway's error body) in the
 * SNS adapter's three classes. Sources: the SendSms API reference and its error centre (isv.* codes), the
 * OpenAPI gateway's common errors (Throttling.*, SignatureDoesNotMatch …); see the research notes.
 */
final class AliyunErrors {
    /** The per-number frequency caps (同一号码 1 条/分、5 条/时、10 条/天 for codes, 50 条/天 per template…). */
    private static final Set<String> RECIPIENT_CAPS = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL",
            "isv.MONTH_LIMIT_CONTROL");
    private static final Set<String> INVALID = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT",
            "isv.INVALID_PARAMETERS", "isv.INVALID_JSON_PARAM", "isv.PARAM_LENGTH_LIMIT", "isv.PARAM_NOT_SUPPORT_URL",
            "isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGN_ILLEGAL", "isv.SMS_CONTENT_ILLEGAL", "isv.EXTEND_CODE_ERROR",
            "isv.DOMESTIC_NUMBER_NOT_SUPPORTED", "isv.SMS_TEST_NUMBER_LIMIT", "isv.BLACK_KEY_CONTROL_LIMIT",
            "MissingParameter", "InvalidParameter");
    private static final Set<String> ACCOUNT = Set.of("isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE",
            "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL", "isv.PRODUCT_UN_SUBSCRIPT", "isv.PRODUCT_UNSUBSCRIBE",
            "isp.RAM_PERMISSION_DENY", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive",
            "SignatureDoesNotMatch", "IncompleteSignature", "NoPermission", "Forbidden.RAM",
            "Forbidden.AccessKeyDisabled", "InvalidSecurityToken.Expired");
    /** A new request carries a new time and nonce, so these pass on the next call. */
    private static final Set<String> CLOCK = Set.of("SignatureNonceUsed", "InvalidTimeStamp.Expired",
            "InvalidTimeStamp.Format", "RequestTimeTooSkewed");
    private static final Set<String> PROVIDER_DOWN = Set.of("isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR",
            "InternalError", "ServiceUnavailable", "ServiceTimeout", "UnknownError");

    private AliyunErrors() {
    }

    static SendFailure classify(int status, String code) {
        String detail = SendFailure.detail(code, status);
        String c = code == null ? "" : code;
        if (status == 429 || c.startsWith("Throttling")) return SendFailure.throttled(detail);
        if (RECIPIENT_CAPS.contains(c)) return SendFailure.transientFailure("recipient-rate-limited", detail);
        if (ACCOUNT.contains(c)) {
            return c.equals("isv.AMOUNT_NOT_ENOUGH") ? SendFailure.permanent("account-out-of-credit", detail)
                    : SendFailure.permanent("not-authorized", detail);
        }
        if (INVALID.contains(c) || c.startsWith("InvalidParameter") || c.startsWith("MissingParameter")) {
            return SendFailure.permanent("invalid-parameter", detail);
        }
        if (CLOCK.contains(c)) return SendFailure.transientFailure("rejected-transient", detail);
        if (PROVIDER_DOWN.contains(c) || status >= 500 || status == 0) {
            return SendFailure.transientFailure("provider-unavailable", detail);
        }
        if (c.startsWith("Forbidden")) return SendFailure.permanent("not-authorized", detail);
        return SendFailure.permanent("rejected", detail);
    }
}
