package huzhu.sms.china.tencent;

import huzhu.sms.china.SendFailure;

/**
 * Tencent Cloud SMS codes ({@code Response.Error.Code} for the whole request, {@code SendStatusSet[].Code} per
 * number) in the SNS adapter's three classes. Sources: the SMS API's error code list (短信 API 3.0 发送错误码)
 * and the API 3.0 common errors; see the research notes.
 */
final class TencentErrors {
    private TencentErrors() {
    }

    static SendFailure classify(int status, String code) {
        String detail = SendFailure.detail(code, status);
        String c = code == null ? "" : code;
        if (status == 429 || c.startsWith("RequestLimitExceeded")) return SendFailure.throttled(detail);
        if (c.equals("LimitExceeded.PhoneNumberCountLimit")) return SendFailure.permanent("invalid-parameter", detail);
        // per-number and per-app frequency caps (30 s / 1 h / 1 day, same content, app daily): not within a second
        if (c.startsWith("LimitExceeded")) return SendFailure.transientFailure("recipient-rate-limited", detail);
        if (c.equals("FailedOperation.InsufficientBalanceInSmsPackage")) {
            return SendFailure.permanent("account-out-of-credit", detail);
        }
        if (c.equals("FailedOperation.PhoneNumberInBlacklist")) return SendFailure.permanent("opted-out", detail);
        if (c.startsWith("InvalidParameter") || c.startsWith("MissingParameter") || c.startsWith("UnsupportedOperation")
                || c.equals("FailedOperation.FailResolvePacket") || c.equals("FailedOperation.JsonParseFail")) {
            return SendFailure.permanent("invalid-parameter", detail);
        }
        if (c.equals("AuthFailure.SignatureExpire") || c.equals("InternalError.RequestTimeException")) {
            return SendFailure.transientFailure("rejected-transient", detail);
        }
        if (c.startsWith("AuthFailure") || c.startsWith("UnauthorizedOperation")) {
            return SendFailure.permanent("not-authorized", detail);
        }
        if (c.startsWith("InternalError") || status >= 500 || status == 0) {
            return SendFailure.transientFailure("provider-unavailable", detail);
        }
        return SendFailure.permanent("rejected", detail);
    }
}
