package huzhu.sms.china;

import java.util.ArrayList;
import java.util.List;

/** Sends registered-template SMS through one domestic provider. Never throws for one bad recipient. */
public interface TemplateSender {
    ProviderResult send(TemplateSms sms);

    /** Several SMS, results in the same order; the providers' senders send them in parallel. */
    default List<ProviderResult> sendAll(List<TemplateSms> messages) {
        List<ProviderResult> results = new ArrayList<>(messages.size());
        for (TemplateSms m : messages) results.add(send(m));
        return results;
    }
}
