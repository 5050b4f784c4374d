package huzhu.core.incident;

import huzhu.core.log.JsonLog;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SendResult;
import java.util.ArrayList;
import java.util.List;

/** The SMS of the incident path: each failure logged, none thrown (one unreachable phone stops nothing). */
final class Outbound {
    private final Messenger messenger;

    Outbound(Messenger messenger) {
        this.messenger = messenger;
    }

    void send(String to, String incidentId, RenderedSms body) {
        SendResult r = messenger.send(new OutboundSms(to, body, incidentId));
        if (!r.ok()) JsonLog.warn("sms.failed", "incidentId", incidentId, "to", to, "reason", r.failureReason());
    }

    /** One SMS to a number read from the union's records ({@link OutboundSms#numberOnRecord()}). */
    void sendOnRecord(String to, String incidentId, RenderedSms body) {
        SendResult r = messenger.send(OutboundSms.onRecord(to, body, incidentId));
        if (!r.ok()) JsonLog.warn("sms.failed", "incidentId", incidentId, "to", to, "reason", r.failureReason());
    }

    /** One SMS whose failure the caller must know (a person is waiting to see it go out). */
    SendResult sendChecked(String to, String incidentId, RenderedSms body) {
        SendResult r = messenger.send(new OutboundSms(to, body, incidentId));
        if (!r.ok()) JsonLog.warn("sms.failed", "incidentId", incidentId, "to", to, "reason", r.failureReason());
        return r;
    }

    void sendAll(List<OutboundSms> messages) {
        if (messages.isEmpty()) return;
        List<SendResult> results = messenger.sendAll(messages);
        for (int i = 0; i < results.size(); i++) {
            SendResult r = results.get(i);
            if (!r.ok()) JsonLog.warn("sms.failed", "incidentId", messages.get(i).incidentId(), "to",
                    messages.get(i).to(), "reason", r.failureReason());
        }
    }

    /**
     * Sends {@code first} (then empties it) and {@code messages} in one parallel batch, {@code first} at its head;
     * returns the results of {@code messages}.
     */
    List<SendResult> sendFirst(List<OutboundSms> first, List<OutboundSms> messages) {
        if (first.isEmpty()) return messenger.sendAll(messages);
        List<OutboundSms> all = new ArrayList<>(first);
        all.addAll(messages);
        first.clear();
        List<SendResult> results = messenger.sendAll(all);
        int head = all.size() - messages.size();
        for (int i = 0; i < head; i++) {
            SendResult r = results.get(i);
            if (!r.ok()) JsonLog.warn("sms.failed", "incidentId", all.get(i).incidentId(), "to", all.get(i).to(),
                    "reason", r.failureReason());
        }
        return results.subList(head, all.size());
    }
}
