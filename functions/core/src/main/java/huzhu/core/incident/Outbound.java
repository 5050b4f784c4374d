package huzhu.core.incident;

import huzhu.core.sms.FailedSms;
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
        FailedSms.send(messenger, new OutboundSms(to, body, incidentId));
    }

    /** One SMS to a number read from the union's records ({@link OutboundSms#numberOnRecord()}). */
    void sendOnRecord(String to, String incidentId, RenderedSms body) {
        FailedSms.send(messenger, OutboundSms.onRecord(to, body, incidentId));
    }

    /** One SMS whose failure the caller must know (a person is waiting to see it go out). */
    SendResult sendChecked(String to, String incidentId, RenderedSms body) {
        return FailedSms.send(messenger, new OutboundSms(to, body, incidentId));
    }

    void sendAll(List<OutboundSms> messages) {
        if (messages.isEmpty()) return;
        List<SendResult> results = messenger.sendAll(messages);
        for (int i = 0; i < results.size(); i++) FailedSms.logged(messages.get(i), results.get(i));
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
        for (int i = 0; i < head; i++) FailedSms.logged(all.get(i), results.get(i));
        return results.subList(head, all.size());
    }
}
