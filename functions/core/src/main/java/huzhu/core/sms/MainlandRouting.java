package huzhu.core.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Mainland Chinese numbers (+86) through the domestic provider, every other number through the other messenger
 * (SNS): a domestic provider sends only to mainland phones, and SNS cannot reach them without a registered
 * short code. A batch that mixes both goes out on both at once, results in the batch's order.
 */
public final class MainlandRouting implements Messenger {
    static final String MAINLAND = "+86";

    private final Messenger mainland;
    private final Messenger elsewhere;

    public MainlandRouting(Messenger mainland, Messenger elsewhere) {
        this.mainland = mainland;
        this.elsewhere = elsewhere;
    }

    static boolean mainland(String to) {
        return to != null && to.strip().startsWith(MAINLAND);
    }

    @Override
    public SendResult send(OutboundSms sms) {
        return (mainland(sms.to()) ? mainland : elsewhere).send(sms);
    }

    @Override
    public List<SendResult> sendAll(List<OutboundSms> messages) {
        List<OutboundSms> here = new ArrayList<>();
        List<OutboundSms> there = new ArrayList<>();
        for (OutboundSms m : messages) (mainland(m.to()) ? here : there).add(m);
        if (there.isEmpty()) return mainland.sendAll(here);
        if (here.isEmpty()) return elsewhere.sendAll(there);
        CompletableFuture<List<SendResult>> abroad = CompletableFuture.supplyAsync(() -> elsewhere.sendAll(there));
        List<SendResult> home = mainland.sendAll(here);
        List<SendResult> away = abroad.join();
        List<SendResult> out = new ArrayList<>(messages.size());
        int h = 0;
        int a = 0;
        for (OutboundSms m : messages) out.add(mainland(m.to()) ? home.get(h++) : away.get(a++));
        return out;
    }
}
