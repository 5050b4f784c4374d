package huzhu.core.service;

import huzhu.core.port.EscalationTimer;
import huzhu.core.port.Ids;
import huzhu.core.port.LeaderAnnouncements;
import huzhu.core.port.Messenger;
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
        ServiceConfig config) {

    public static Services create(Store store, Messenger messenger, EscalationTimer timer, Clock clock, Ids ids,
            ServiceConfig config) {
        return create(store, messenger, LeaderAnnouncements.NONE, timer, clock, ids, config);
    }

    public static Services create(Store store, Messenger messenger, LeaderAnnouncements announcements,
            EscalationTimer timer, Clock clock, Ids ids, ServiceConfig config) {
        Dispatcher dispatcher = new Dispatcher(store, messenger, announcements, timer, clock, ids, config);
        AuditService audit = new AuditService(store, clock, ids);
        RateLimiter limiter = new RateLimiter(store, clock);
        return new Services(
                dispatcher,
                new TriggerService(store, dispatcher, clock, ids, limiter),
                new AckService(store, dispatcher, config.ackTokens(), limiter),
                new InboundSmsService(store, dispatcher, messenger, clock, config, limiter),
                new IncidentService(store, dispatcher, clock, ids, audit),
                new DirectoryService(store, clock, ids, config, audit),
                new FollowUpService(store, clock, ids, audit),
                new PolicyService(store, audit, config.defaultPolicy()),
                new ReportService(store, clock),
                audit,
                config);
    }
}
