package huzhu.core.sms;

import huzhu.core.log.JsonLog;

/**
 * The one log line of an SMS that did not go out, for senders that carry on without it (one unreachable phone
 * stops nothing): its incident when it has one, the number (masked by {@link JsonLog}) and the reason.
 */
public final class FailedSms {
    private FailedSms() {
    }

    /** @return {@code result}, logged when it failed */
    public static SendResult logged(OutboundSms sms, SendResult result) {
        if (result.ok()) return result;
        if (sms.incidentId() == null) {
            JsonLog.warn("sms.failed", "to", sms.to(), "reason", result.failureReason());
        } else {
            JsonLog.warn("sms.failed", "incidentId", sms.incidentId(), "to", sms.to(), "reason", result.failureReason());
        }
        return result;
    }

    /** Sends {@code sms}; a failure is logged, never thrown. */
    public static SendResult send(Messenger messenger, OutboundSms sms) {
        return logged(sms, messenger.send(sms));
    }
}
