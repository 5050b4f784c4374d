package huzhu.core.care;

import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Sleeper;
import huzhu.core.log.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bulk SMS sender: queued family introductions and due notices, at the configured pace, for a limited time.
 * The escalation sweep's periodic trigger runs it every minute after escalating (so scheduled notices go out on
 * time and an interrupted send resumes), and the console gives it a few seconds after an officer's "send now".
 * One lease keeps two runs from sending side by side, which would double the rate; a run that cannot get it
 * leaves the work to the one holding it.
 */
public final class CampaignService {
    static final String LEASE = "bulk-sms";
    /** A lease outlives its run's budget by this much: time for the last batch's results to be recorded. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(15);

    private final LeaseStore leases;
    private final OnboardingService onboarding;
    private final NoticeSender notices;
    private final Clock clock;
    private final Ids ids;
    private final CareConfig care;
    private final Sleeper sleeper;

    public CampaignService(LeaseStore leases, OnboardingService onboarding, NoticeSender notices, Clock clock, Ids ids,
            CareConfig care, Sleeper sleeper) {
        this.leases = leases;
        this.onboarding = onboarding;
        this.notices = notices;
        this.clock = clock;
        this.ids = ids;
        this.care = care;
        this.sleeper = sleeper;
    }

    /**
     * What one run did. {@code ran} false: another run held the lease. {@code finished} false: time ran out with
     * work left, which the next run continues.
     */
    public record Run(boolean ran, int sent, int failed, boolean finished) {
        static final Run SKIPPED = new Run(false, 0, 0, false);
    }

    /** The periodic run, with the sweep's budget. */
    public Run runDue() {
        return runDue(care.sweepBudget());
    }

    /** The few seconds a console request may spend sending before it answers. */
    public Run runForRequest() {
        return runDue(care.requestBudget(), null);
    }

    /** As {@link #runForRequest()}, starting with the notice an officer just sent. */
    public Run runForRequest(String noticeId) {
        return runDue(care.requestBudget(), noticeId);
    }

    public Run runDue(Duration budget) {
        return runDue(budget, null);
    }

    private Run runDue(Duration budget, String noticeId) {
        Instant now = clock.instant();
        Instant deadline = now.plus(budget);
        String owner = ids.newId();
        if (!leases.acquire(LEASE, owner, deadline.plus(LEASE_MARGIN), now)) return Run.SKIPPED;
        try {
            Pacer pacer = new Pacer(care.smsPerSecond(), clock, sleeper);
            PacedSend.Outcome introductions = onboarding.drain(pacer, deadline);
            PacedSend.Outcome sent = introductions.finished() ? notices.sendDue(pacer, deadline, noticeId)
                    : new PacedSend.Outcome(0, 0, false);
            Run run = new Run(true, introductions.sent() + sent.sent(), introductions.failed() + sent.failed(),
                    sent.finished());
            if (run.sent() + run.failed() > 0) {
                JsonLog.info("bulk.sms", "sent", run.sent(), "failed", run.failed(), "finished", run.finished());
            }
            return run;
        } finally {
            leases.release(LEASE, owner);
        }
    }
}
