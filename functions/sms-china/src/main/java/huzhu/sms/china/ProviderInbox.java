package huzhu.sms.china;

import huzhu.core.error.DependencyFailure;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.Sleeper;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.CarrierReport;
import huzhu.core.sms.SmsProvider;
import huzhu.sms.china.tencent.TencentPull;
import java.util.ArrayList;
import java.util.List;

/**
 * What a domestic provider tells us, pushed or pulled, fed to the same services as the SNS path: each reply is an
 * inbound SMS (its id prefixed with the provider, so a repeat is recognised; no quoted message id, so it matches
 * by the incident code, else the sender's latest outstanding alert), each delivery report a carrier report.
 */
public final class ProviderInbox {
    /** Pulls per minute sweep at most: 10 × 100 items, far more than a union's minute. */
    static final int MAX_PULLS = 10;

    private final SmsProvider provider;
    private final InboundSmsService sms;
    private final Dispatcher dispatcher;
    private final Backoff backoff;
    private final Sleeper sleeper;

    public ProviderInbox(SmsProvider provider, InboundSmsService sms, Dispatcher dispatcher) {
        this(provider, sms, dispatcher, Backoff.DEFAULT, Sleeper.REAL);
    }

    /** {@code backoff}: how a pulled reply whose handling failed is tried again (see {@link #pull}). */
    public ProviderInbox(SmsProvider provider, InboundSmsService sms, Dispatcher dispatcher, Backoff backoff,
            Sleeper sleeper) {
        this.provider = provider;
        this.sms = sms;
        this.dispatcher = dispatcher;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /** Each reply once; a failing store propagates (the provider pushes again). */
    public void replies(List<Uplink> uplinks) {
        for (Uplink u : uplinks) handle(u);
    }

    private void handle(Uplink u) {
        sms.handle(new InboundSms(u.from(), null, u.body(), provider.wire() + ":" + u.providerMessageId(), null));
    }

    /**
     * Pulled replies are gone from the provider once handed over: one whose handling fails is tried again at once
     * (a redelivery check makes a repeat harmless), and one that still fails does not hold up the rest of the page.
     * @return how many could not be handled
     */
    private int handleEach(List<Uplink> page) {
        int unhandled = 0;
        for (Uplink u : page) {
            for (int attempt = 1; ; attempt++) {
                try {
                    handle(u);
                    break;
                } catch (RuntimeException e) {
                    if (attempt >= backoff.maxAttempts()) {
                        JsonLog.error("sms.pulledReplyUnhandled", e, "provider", provider.wire(), "replyId",
                                u.providerMessageId(), "from", u.from(), "attempts", attempt);
                        unhandled++;
                        break;
                    }
                    sleeper.sleep(backoff.delayAfter(attempt, Math.random()));
                }
            }
        }
        return unhandled;
    }

    /** @return how many reports changed an alert */
    public int reports(List<DeliveryReport> reports) {
        List<CarrierReport> carrier = new ArrayList<>(reports.size());
        for (DeliveryReport r : reports) {
            carrier.add(new CarrierReport(r.providerMessageId(), r.delivered(), r.code()));
            // one line per report: the stack's metric filters count them for the delivery-failure rate alarm
            JsonLog.info("sms.report", "action", "sms.report", "provider", provider.wire(), "delivered", r.delivered(),
                    "code", r.code());
        }
        return dispatcher.deliveryReports(carrier);
    }

    /** What one sweep's pull brought. */
    public record Pulled(int replies, int reports) {
    }

    /**
     * The pull variant (Tencent accounts without callbacks): what arrived since the last pull, until fewer than a
     * full page comes back. Pulled items are consumed by Tencent, so each is handled before the next page.
     */
    public Pulled pull(TencentPull pull) {
        int replies = 0;
        int reports = 0;
        int unhandled = 0;
        for (int i = 0; i < MAX_PULLS; i++) {
            List<Uplink> page = pull.replies(TencentPull.MAX_LIMIT);
            unhandled += handleEach(page);
            replies += page.size();
            if (page.size() < TencentPull.MAX_LIMIT) break;
        }
        for (int i = 0; i < MAX_PULLS; i++) {
            List<DeliveryReport> page = pull.reports(TencentPull.MAX_LIMIT);
            reports(page);
            reports += page.size();
            if (page.size() < TencentPull.MAX_LIMIT) break;
        }
        if (replies + reports > 0) JsonLog.info("sms.pulled", "provider", provider.wire(), "replies", replies, "reports", reports);
        if (unhandled > 0) {
            // the sweep's failure is what the function's error alarm counts; the replies themselves are in the log
            throw new DependencyFailure(unhandled + " pulled " + (unhandled == 1 ? "reply" : "replies")
                    + " could not be handled (sms.pulledReplyUnhandled)", null);
        }
        return new Pulled(replies, reports);
    }
}
