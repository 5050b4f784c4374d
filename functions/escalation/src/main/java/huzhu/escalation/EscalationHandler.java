package huzhu.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import huzhu.aws.Priming;
import huzhu.aws.Production;
import huzhu.core.care.CampaignService;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.DutyRosterService;
import huzhu.core.kernel.JsonText;
import huzhu.core.log.JsonLog;
import huzhu.sms.china.ProviderInbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The scheduled escalation check (EventBridge, every minute): every open incident past its deadline
 * moves one level. A failure propagates so the invocation is retried; the check is idempotent. It is the
 * safety net behind the per-deadline timer ({@link EscalationTimerHandler}): both call the same guarded
 * step, so whichever comes second does nothing.
 * <p>
 * After escalating, the same minute's trigger runs the bulk SMS sender: scheduled notices whose time
 * has come, notices left half sent, queued family introductions — for a bounded time, so the next sweep is never
 * held up. Escalation always runs first, and a failure of the bulk sender never stops it (it fails the invocation
 * afterwards, so it is retried and alarmed on). Where the union's domestic SMS account has no callbacks (Tencent's
 * pull API), the same minute pulls the replies and delivery reports that arrived since the last one. Last, the duty
 * roster's handover SMS of the day.
 */
public final class EscalationHandler implements RequestStreamHandler {
    private final Dispatcher dispatcher;
    private final CampaignService campaigns;
    private final DutyRosterService roster;
    private final Runnable providerPull;
    private final GroupAnnouncements group;

    public EscalationHandler() {
        this(Production.services().dispatcher(), Production.services().campaigns(), Production.services().roster(),
                Production.domesticSms()
                .flatMap(account -> account.puller().map(pull -> {
                    ProviderInbox inbox = new ProviderInbox(account.provider(), Production.services().inboundSms(),
                            Production.services().dispatcher());
                    return (Runnable) () -> inbox.pull(pull);
                })).orElse(null), Production.services().group());
        // SnapStart: before the snapshot, a timer for an incident nobody has (a GetItem that misses, nothing moves)
        Priming.register("escalation", () -> dispatcher.onTimer("priming-0000000000000000", 0, java.time.Instant.EPOCH));
    }

    /** Escalation alone, without the bulk SMS sender. */
    public EscalationHandler(Dispatcher dispatcher) {
        this(dispatcher, null);
    }

    public EscalationHandler(Dispatcher dispatcher, CampaignService campaigns) {
        this(dispatcher, campaigns, null, GroupAnnouncements.NONE);
    }

    /**
     * @param providerPull pulls the domestic provider's replies and reports; null where they are pushed
     * @param group its posts are given a moment to finish before the handler returns (Lambda freezes after)
     */
    public EscalationHandler(Dispatcher dispatcher, CampaignService campaigns, Runnable providerPull,
            GroupAnnouncements group) {
        this(dispatcher, campaigns, null, providerPull, group);
    }

    /** {@code roster}: the duty roster's handover SMS, sent by the same minute's trigger after everything else. */
    public EscalationHandler(Dispatcher dispatcher, CampaignService campaigns, DutyRosterService roster,
            Runnable providerPull, GroupAnnouncements group) {
        this.dispatcher = dispatcher;
        this.campaigns = campaigns;
        this.roster = roster;
        this.providerPull = providerPull;
        this.group = group;
    }

    /** Lambda hands the event as a stream: the runtime builds no serializers; the sweep needs nothing from it. */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        answer.write(JsonText.write(handleRequest((ScheduledEvent) null, context)).getBytes(StandardCharsets.UTF_8));
    }

    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return group.awaitPostedAfter(this::sweep);
    }

    private Map<String, Object> sweep() {
        // replies first: a "1" that arrived this minute should take the incident before it escalates
        RuntimeException pulled = pullFromProvider();
        int escalated;
        try {
            escalated = dispatcher.escalateDue();
        } catch (RuntimeException e) {
            // even when one incident could not be escalated, due notices still go out; escalation's failure is
            // the one this invocation reports
            runCampaigns();
            throw e;
        }
        if (escalated > 0) JsonLog.info("escalation.sweep", "escalated", escalated);
        RuntimeException bulk = runCampaigns();
        handOver();
        // the invocation fails (retried, alarmed on); the retry escalates nothing twice and the sender resumes
        if (bulk != null) throw bulk;
        if (pulled != null) throw pulled;
        return Map.of("escalated", escalated);
    }

    /** The roster's handovers; a failure is logged and waits for the next minute (no emergency hangs on it). */
    private void handOver() {
        logged(roster == null ? null : roster::handOverDue, "duty.handover.failed");
    }

    private RuntimeException pullFromProvider() {
        return logged(providerPull, "sms.pullFailed");
    }

    private RuntimeException runCampaigns() {
        return logged(campaigns == null ? null : campaigns::runDue, "bulk.sms.failed");
    }

    /** Runs a step of the sweep (null: this stack has none); its failure is logged and returned, not thrown. */
    private static RuntimeException logged(Runnable step, String failureAction) {
        if (step == null) return null;
        try {
            step.run();
            return null;
        } catch (RuntimeException e) {
            JsonLog.error(failureAction, e);
            return e;
        }
    }
}
