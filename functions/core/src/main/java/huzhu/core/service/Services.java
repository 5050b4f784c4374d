package huzhu.core.service;

import huzhu.core.port.EscalationTimer;
import huzhu.core.port.Ids;
import huzhu.core.port.LeaderAnnouncements;
import huzhu.core.port.Messenger;
import huzhu.core.port.NoticeBroadcast;
import huzhu.core.port.Sleeper;
import huzhu.core.port.Store;
import java.time.Clock;

/** Every application service, wired once over one set of ports: in Lambda, in the local stack, in tests. */
public record Services(
        Dispatcher dispatcher,
        TriggerService trigger,
        AckService ack,
        InboundSmsService inboundSms,
        IncidentService incidents,
        DirectoryService directory,
        FollowUpService followUps,
        PolicyService policy,
        ReportService reports,
        AuditService audit,
        ServiceConfig config,
        OnboardingService onboarding,
        NoticeService notices,
        ApplicationService applications,
        CampaignService campaigns) {

    /**
     * What the work around the emergencies (issue 9) needs beyond the other services' ports: its settings, the
     * notices topic, and how to wait between bulk SMS batches (tests move their clock instead).
     */
    public record Care(CareConfig config, NoticeBroadcast broadcast, Sleeper sleeper) {
        /** For stories about emergencies: no introduction SMS on directory changes, no topic, real waiting. */
        public static final Care QUIET = new Care(CareConfig.DEFAULTS.quiet(), NoticeBroadcast.NONE, Sleeper.REAL);
    }

    public static Services create(Store store, Messenger messenger, EscalationTimer timer, Clock clock, Ids ids,
            ServiceConfig config) {
        return create(store, messenger, LeaderAnnouncements.NONE, timer, clock, ids, config);
    }

    public static Services create(Store store, Messenger messenger, LeaderAnnouncements announcements,
            EscalationTimer timer, Clock clock, Ids ids, ServiceConfig config) {
        return create(store, messenger, announcements, timer, clock, ids, config, Care.QUIET);
    }

    public static Services create(Store store, Messenger messenger, LeaderAnnouncements announcements,
            EscalationTimer timer, Clock clock, Ids ids, ServiceConfig config, Care care) {
        Dispatcher dispatcher = new Dispatcher(store, messenger, announcements, timer, clock, ids, config);
        AuditService audit = new AuditService(store, clock, ids);
        RateLimiter limiter = new RateLimiter(store, clock);
        OnboardingService onboarding = new OnboardingService(store, messenger, clock, ids, config, care.config(), audit,
                care.sleeper());
        NoticeService notices = new NoticeService(store, messenger, care.broadcast(), clock, ids, config, care.config(),
                audit);
        return new Services(
                dispatcher,
                new TriggerService(store, dispatcher, clock, ids, limiter),
                new AckService(store, dispatcher, config.ackTokens(), limiter),
                new InboundSmsService(store, dispatcher, messenger, clock, config, limiter, notices),
                new IncidentService(store, dispatcher, clock, ids, audit),
                new DirectoryService(store, clock, ids, config, audit, onboarding),
                new FollowUpService(store, clock, ids, audit),
                new PolicyService(store, audit, config.defaultPolicy()),
                new ReportService(store, clock),
                audit,
                config,
                onboarding,
                notices,
                new ApplicationService(store, clock, ids, audit),
                new CampaignService(store, onboarding, notices, clock, ids, care.config(), care.sleeper()));
    }
}
