package huzhu.core;

import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import huzhu.core.audit.AuditService;
import huzhu.core.care.ApplicationService;
import huzhu.core.care.BereavementService;
import huzhu.core.care.CareRoundService;
import huzhu.core.care.ContactRequestService;
import huzhu.core.care.GuideService;
import huzhu.core.care.MemberPageService;
import huzhu.core.care.CampaignService;
import huzhu.core.care.CareConfig;
import huzhu.core.care.FollowUpService;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.care.NoticeDrafts;
import huzhu.core.care.NoticeReplyInbox;
import huzhu.core.care.NoticeSender;
import huzhu.core.care.OnboardingService;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryStore;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.incident.AckService;
import huzhu.core.incident.ActiveInvolvement;
import huzhu.core.incident.Dispatcher;
import huzhu.core.incident.DutyRosterService;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.incident.IncidentService;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.incident.PolicyService;
import huzhu.core.incident.SurgeService;
import huzhu.core.incident.TriggerService;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.RateLimiter;
import huzhu.core.kernel.Sleeper;
import huzhu.core.report.ReportService;
import huzhu.core.sms.DailySmsCeiling;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.Texting;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

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
        NoticeDrafts notices,
        ApplicationService applications,
        CampaignService campaigns,
        DutyRosterService roster,
        GroupAnnouncements group,
        CareRoundService careRounds,
        BereavementService bereavements,
        GuideService guide,
        ContactRequestService contactRequests,
        MemberPageService memberPage,
        SurgeService surges) {

    /**
     * What the work around the emergencies needs beyond the other services' ports: its settings, the
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
        return create(store, messenger, announcements, GroupAnnouncements.NONE, timer, clock, ids, config, care);
    }

    /** {@code group}: the union's group chats (work group, leaders' group), told the plain facts. */
    public static Services create(Store store, Messenger unlimited, LeaderAnnouncements announcements,
            GroupAnnouncements group, EscalationTimer timer, Clock clock, Ids ids, ServiceConfig config, Care care) {
        Messenger messenger = new DailySmsCeiling(unlimited, store.idempotency(), unionPhone(store.directory()), clock,
                config.limits().smsPerDay());
        Texting texting = new Texting(messenger, new SmsComposer(config.smsSignature()), config.defaultLanguage());
        Dispatcher dispatcher = new Dispatcher(store.incidents(), store.directory(), store.settings(), store.holds(),
                store.surges(), store.audit(), messenger, announcements, group, timer, clock, ids, config);
        AuditService audit = new AuditService(store.audit(), clock, ids);
        RateLimiter limiter = new RateLimiter(store.idempotency(), clock);
        OnboardingService onboarding = new OnboardingService(store.directory(), store.introductions(),
                store.triggerTokens(), texting, clock, config, care.config(), audit, care.sleeper());
        NoticeDrafts notices = new NoticeDrafts(store.notices(), store.directory(), store.optOuts(), clock, ids, config,
                audit);
        NoticeSender noticeSender = new NoticeSender(store.notices(), store.directory(), store.optOuts(), messenger,
                care.broadcast(), group, clock, config);
        NoticeReplyInbox noticeReplies = new NoticeReplyInbox(store.notices(), store.idempotency(), messenger, ids,
                config, care.config());
        TriggerService trigger = new TriggerService(store.triggerTokens(), store.directory(), store.incidents(),
                store.idempotency(), dispatcher, clock, ids, limiter, config.limits(), care.config().unionSmsNumber());
        DirectoryService directory = new DirectoryService(store.directory(), store.triggerTokens(), store.optOuts(),
                clock, ids, config, audit, onboarding, new ActiveInvolvement(store.incidents()));
        FollowUpService followUps = new FollowUpService(store.followUps(), store.incidents(), clock, ids, audit);
        ApplicationService applications = new ApplicationService(store.applications(), store.directory(), clock, ids,
                audit, texting);
        GuideService guide = new GuideService(store.guides(), audit, clock);
        ContactRequestService contactRequests = new ContactRequestService(store.contactRequests(), store.directory(),
                directory, texting, clock, ids, audit);
        BereavementService bereavements = new BereavementService(dispatcher, store.directory(),
                followUps, store.followUps(), applications, guide, texting, store.idempotency(), ids, clock);
        return new Services(
                dispatcher,
                trigger,
                new AckService(store.incidents(), store.directory(), dispatcher, config.ackTokens(), limiter),
                new InboundSmsService(store.idempotency(), store.directory(), store.incidents(), store.optOuts(),
                        dispatcher, texting, clock, config, limiter, noticeReplies, bereavements),
                new IncidentService(store.directory(), store.idempotency(), store.incidents(), dispatcher, clock, ids,
                        audit),
                directory,
                followUps,
                new PolicyService(store.settings(), audit, config.defaultPolicy()),
                new ReportService(store.incidents(), store.directory(), store.introductions(), clock),
                audit,
                config,
                onboarding,
                notices,
                applications,
                new CampaignService(store.leases(), onboarding, noticeSender, clock, ids, care.config(), care.sleeper()),
                new DutyRosterService(store.settings(), store.directory(), store.idempotency(), texting, clock, ids,
                        audit),
                group,
                new CareRoundService(store.careRounds(), store.followUps(), followUps, store.directory(), clock, ids,
                        audit, store.idempotency()),
                bereavements,
                guide,
                contactRequests,
                new MemberPageService(trigger, store.notices(), applications, guide, contactRequests,
                        store.idempotency(), limiter, clock, ids),
                new SurgeService(store.surges(), store.incidents(), store.directory(), clock));
    }

    /**
     * Whether a number belongs to one of the union's people: what the daily SMS ceiling never holds back from. The
     * four lookups are in flight together (it is asked beyond the ceiling, while an incident's SMS wait), and each
     * is waited for, so none is still running when the answer is given. One that fails matters only if no other
     * lookup found the number.
     */
    private static Predicate<String> unionPhone(DirectoryStore directory) {
        return phone -> {
            List<Pending<Boolean>> lookups = List.of(
                    ReadAhead.start(() -> directory.volunteers().byPhone(phone).isPresent()),
                    ReadAhead.start(() -> directory.leaders().byPhone(phone).isPresent()),
                    ReadAhead.start(() -> directory.members().byPhone(phone).isPresent()),
                    ReadAhead.start(() -> !directory.membersWithFamilyPhone(phone).isEmpty()));
            boolean found = false;
            RuntimeException failed = null;
            for (Pending<Boolean> lookup : lookups) {
                try {
                    found |= lookup.get();
                } catch (RuntimeException e) {
                    failed = e;
                }
            }
            if (!found && failed != null) throw failed;
            return found;
        };
    }
}
