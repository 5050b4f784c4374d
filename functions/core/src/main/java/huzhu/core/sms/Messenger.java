package huzhu.core.sms;

import java.util.ArrayList;
import java.util.List;

/** Sends SMS. Never throws for one bad recipient: the result says what happened. */
public interface Messenger {
    SendResult send(OutboundSms sms);

    /**
     * Sends several SMS, results in the same order. Adapters with real latency send them in parallel, so
     * alerting twenty people costs about one round trip, not twenty.
     */
    default List<SendResult> sendAll(List<OutboundSms> messages) {
        List<SendResult> results = new ArrayList<>(messages.size());
        for (OutboundSms m : messages) results.add(send(m));
        return results;
    }
}
