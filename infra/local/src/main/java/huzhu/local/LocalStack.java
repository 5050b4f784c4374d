package huzhu.local;

import huzhu.ack.AckHandler;
import huzhu.console.ConsoleApiHandler;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.Store;
import huzhu.core.care.CareConfig;
import huzhu.core.kernel.Sleeper;
import huzhu.core.incident.AckTokens;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Ids;
import huzhu.core.log.JsonLog;
import huzhu.aws.AwsClients;
import huzhu.aws.sns.SnsClients;
import huzhu.aws.sns.SnsMessenger;
import huzhu.core.sms.MainlandRouting;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsProvider;
import huzhu.sms.china.DomesticMessenger;
import huzhu.sms.china.DomesticSms;
import huzhu.sms.china.ProviderInbox;
import huzhu.escalation.EscalationHandler;
import huzhu.http.Edge;
import huzhu.escalation.EscalationTimerHandler;
import huzhu.sms.ProviderPushHandler;
import huzhu.sms.SmsInboundHandler;
import huzhu.trigger.TriggerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The whole of huzhu in one process: the real handlers of template.yaml over the embedded store (or a
 * DynamoDB endpoint) and the SMS outbox, behind the AWS-shaped HTTP server, with the per-deadline timer
 * and the periodic sweep. Tests start it with their own clock and ids.
 */
public final class LocalStack implements AutoCloseable {
    private final LocalConfig config;
    private final Store store;
    private final OutboxMessenger outbox;
    private final InProcessTimer timer;
    private final LocalServer server;
    private final Sweep sweep;
    private final Services services;
    private final LocalGroups groups;

    private LocalStack(LocalConfig config, Store store, OutboxMessenger outbox, InProcessTimer timer,
            LocalServer server, Sweep sweep, Services services, LocalGroups groups) {
        this.config = config;
        this.store = store;
        this.outbox = outbox;
        this.timer = timer;
        this.server = server;
        this.sweep = sweep;
        this.services = services;
        this.groups = groups;
    }

    /**
     * What a test may put around the ports the functions use (fault injection: a store or a messenger that
     * fails a share of calls, a timer whose events the test delivers itself).
     */
    public record Decorators(UnaryOperator<Store> store, UnaryOperator<Messenger> messenger,
            UnaryOperator<EscalationTimer> timer) {
        public static final Decorators NONE = new Decorators(s -> s, m -> m, t -> t);
    }

    public static LocalStack start(LocalConfig config, Clock clock, Ids ids) {
        return start(config, clock, ids, Decorators.NONE);
    }

    public static LocalStack start(LocalConfig config, Clock clock, Ids ids, Decorators decorators) {
        try {
            DataDir.prepare(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(LocalText.bilingual("server.dataDir", java.util.Map.of(
                    "dir", config.dataDir())), e);
        }
        Store store = LocalStores.open(config);
        OutboxMessenger outbox = new OutboxMessenger(config.dataDir(), clock, ids);
        AtomicReference<EscalationCheck> check = new AtomicReference<>();
        AtomicReference<TimerEvents> timerEvents = new AtomicReference<>();
        InProcessTimer timer = new InProcessTimer(clock, (incidentId, level, deadline) ->
                timerEvents.get().deliver(incidentId, level, deadline));
        ServiceConfig serviceConfig = ServiceConfig.from(System.getenv(),
                new AckTokens(new LocalAckKey(config.dataDir()).ackKey()));
        LocalSms sms = config.sms();
        LocalGroups groups = new LocalGroups(clock, serviceConfig.defaultLanguage().wire());
        Services services = Services.create(decorators.store().apply(store),
                decorators.messenger().apply(messenger(config, sms, outbox)),
                LeaderAnnouncements.NONE, groups.announcements(), decorators.timer().apply(timer), clock, ids,
                serviceConfig,
                new Services.Care(CareConfig.from(System.getenv()), new LocalNoticeTopic(), Sleeper.REAL));
        DomesticSms account = sms.account();
        Runnable pull = account == null ? null : account.puller().map(p -> {
            ProviderInbox inbox = new ProviderInbox(account.provider(), services.inboundSms(), services.dispatcher());
            return (Runnable) () -> inbox.pull(p);
        }).orElse(null);
        EscalationHandler escalation = new EscalationHandler(services.dispatcher(), services.campaigns(),
                services.roster(), pull, services.group());
        SmsInboundHandler inbound = new SmsInboundHandler(services.inboundSms(), services.group());
        EscalationTimerHandler timerHandler = new EscalationTimerHandler(services.dispatcher(), services.group());
        LocalFunctions functions = new LocalFunctions(new TriggerHandler(services)::handleRequest,
                new AckHandler(services)::handleRequest,
                new ConsoleApiHandler(services, config.consoleSettings())::handleRequest,
                inbound::handleRequest, escalation::handleRequest,
                new ProviderPushHandler(services.inboundSms(), services.dispatcher(), account, clock, serviceConfig,
                        Edge.NONE, services.group()));
        check.set(new EscalationCheck(escalation::handleRequest, config.aws(), clock, ids));
        timerEvents.set(new TimerEvents(timerHandler::handleRequest, config.aws(), clock, ids));
        LocalServer server = new LocalServer(config, functions, outbox, groups, clock, ids);
        server.start();
        serviceConfig.learnPublicBaseUrl(server.baseUrl());
        if (config.demo()) DemoUnion.loadInto(store, services);
        Sweep sweep = new Sweep(check.get(), config.sweepInterval());
        sweep.start();
        LocalStack stack = new LocalStack(config, store, outbox, timer, server, sweep, services, groups);
        stack.recoverPendingDeadlines();
        server.ready();
        return stack;
    }

    /**
     * The outbox, or a provider's adapter as the functions use it in AWS (SNS for every number, or the domestic
     * provider for +86 and the outbox for the rest); what an adapter sends is recorded in the outbox too.
     */
    private static Messenger messenger(LocalConfig config, LocalSms sms, OutboxMessenger outbox) {
        if (sms.outbox()) return outbox;
        if (sms.provider() == SmsProvider.SNS) {
            AwsClients clients = new AwsClients(Region.of(config.region()), LocalStores.credentials(),
                    UrlConnectionHttpClient.builder().build());
            Messenger sns = new SnsMessenger(SnsClients.build(clients, sms.sns().endpoint()), sms.sns());
            return new Messenger() {
                @Override
                public SendResult send(OutboundSms m) {
                    SendResult r = sns.send(m);
                    outbox.record(m, null, null, r, "sns");
                    return r;
                }

                @Override
                public List<SendResult> sendAll(List<OutboundSms> messages) {
                    List<SendResult> results = sns.sendAll(messages);
                    for (int i = 0; i < messages.size(); i++) outbox.record(messages.get(i), null, null, results.get(i), "sns");
                    return results;
                }
            };
        }
        DomesticSms account = sms.account();
        String provider = account.provider().wire();
        JsonLog.info("sms.provider", "provider", provider, "endpoint", String.valueOf(
                account.aliyun() != null ? account.aliyun().endpoint() : account.tencent().endpoint()));
        return new MainlandRouting(new DomesticMessenger(account.provider(), account.signName(), account.sender(),
                account.templates(), (asked, form, templateId, result) -> outbox.record(asked, form, templateId, result,
                        provider)), outbox);
    }

    /** Deadlines that were pending when the stack stopped get their timers back. */
    private void recoverPendingDeadlines() {
        int n = 0;
        for (Incident i : store.incidents().active()) {
            if (i.status() == IncidentStatus.OPEN && i.nextEscalationAt() != null) {
                timer.schedule(i.id(), i.level(), i.nextEscalationAt());
                n++;
            }
        }
        if (n > 0) JsonLog.info("timers.recovered", "count", n);
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public LocalConfig config() {
        return config;
    }

    public Services services() {
        return services;
    }

    /** The store the functions use (benchmarks read results from it). */
    public Store store() {
        return store;
    }

    public OutboxMessenger outbox() {
        return outbox;
    }

    /** The union's group chats, as the stack's robots posted to them. */
    public LocalGroups groups() {
        return groups;
    }

    @Override
    public void close() {
        closeQuietly(sweep);
        closeQuietly(timer);
        closeQuietly(server);
        closeQuietly(outbox);
        if (store instanceof AutoCloseable c) closeQuietly(c);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            JsonLog.warn("close.failed", "what", c.getClass().getSimpleName(), "error", e.getMessage());
        }
    }
}
