package huzhu.aws;

import huzhu.aws.dynamo.DynamoStore;
import huzhu.aws.secrets.NamedSecret;
import huzhu.aws.secrets.SecretsAhead;
import huzhu.aws.secrets.SecretsManagerAckKey;
import huzhu.aws.secrets.SmsProviderSecret;
import huzhu.aws.sns.LeaderTopicPublisher;
import huzhu.aws.sns.NoticeTopicPublisher;
import huzhu.aws.sns.SmsConfig;
import huzhu.aws.sns.SnsClients;
import huzhu.aws.sns.SnsMessenger;
import huzhu.aws.sqs.SqsEscalationTimer;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.CareConfig;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.kernel.Sleeper;
import huzhu.core.incident.AckTokens;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.RandomIds;
import huzhu.core.kernel.ReadAhead;
import huzhu.core.kernel.ReadAhead.Pending;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.MainlandRouting;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.SmsComposer;
import huzhu.robots.RobotAnnouncements;
import huzhu.sms.china.DomesticMessenger;
import huzhu.sms.china.DomesticSms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The services as every Lambda function runs them: DynamoDB behind the store, SNS behind the
 * messenger, SQS delayed messages behind the escalation timer, configuration from the environment. Built once per execution environment, at init, and
 * shared by whatever handler the function hosts.
 */
public final class Production {
    /** The ARN of the secret holding the group robots' settings (huzhu.robots.RobotSettings); unset: no groups. */
    public static final String GROUP_ROBOTS_SECRET = "HUZHU_GROUP_ROBOTS_SECRET_ARN";

    private Production() {
    }

    private static final class Clients {
        static final AwsClients AWS = AwsClients.fromEnvironment();
    }

    /** What a function's init builds: the services, and the domestic SMS account when the stack uses one. */
    private record Built(Services services, DomesticSms domestic) {
    }

    private static final class Holder {
        static final Built BUILT = build();
    }

    public static Services services() {
        return Holder.BUILT.services();
    }

    /** The domestic SMS provider's account (its push tokens, its pull API), when HUZHU_SMS_PROVIDER names one. */
    public static Optional<DomesticSms> domesticSms() {
        return Optional.ofNullable(Holder.BUILT.domestic());
    }

    /** The secrets whose reads a function started before its init built the rest: see {@link #readAhead}. */
    private static final SecretsAhead SECRETS = new SecretsAhead(System.getenv(),
            variable -> NamedSecret.fromEnvironment(Clients.AWS, variable).value());

    /**
     * Starts reading the secret the environment variable {@code variable} names, when it names one, for
     * {@link #secret} to find under way: a handler calls it from its static initializer, so that the round trip to
     * Secrets Manager overlaps the rest of init (the DynamoDB client's build above all) instead of following it.
     */
    public static void readAhead(String variable) {
        // the clients are built here, in the caller's thread: a failure to build them fails init with its cause
        Objects.requireNonNull(Clients.AWS, "clients");
        SECRETS.start(variable);
    }

    /** The text of the secret the environment variable {@code variable} names (e.g. huzhu.http.Edge's). */
    public static String secret(String variable) {
        return SECRETS.value(variable);
    }

    private static Built build() {
        AwsClients clients = Clients.AWS;
        Clock clock = Clock.systemUTC();
        // each secret is a round trip to Secrets Manager: under way while the DynamoDB client is built
        Pending<byte[]> ackKey = ReadAhead.start(() -> SecretsManagerAckKey.fromEnvironment(clients).ackKey());
        Pending<DomesticSms> domesticSms = ReadAhead.start(() -> domesticOrNone(clients));
        DynamoStore store = DynamoStore.fromEnvironment(clients);
        ServiceConfig config = ServiceConfig.from(System.getenv(), new AckTokens(ackKey.get()));
        // one SNS client for the SMS and the leaders' topic: each client built costs init time (a cold start)
        SmsConfig sms = SmsConfig.fromEnvironment();
        AwsApi sns = SnsClients.build(clients, sms.endpoint());
        LeaderTopicPublisher leaders = new LeaderTopicPublisher(sns, System.getenv(LeaderTopicPublisher.TOPIC_ARN));
        NoticeTopicPublisher notices = new NoticeTopicPublisher(sns, System.getenv(NoticeTopicPublisher.TOPIC_ARN));
        DomesticSms domestic = domesticSms.get();
        Messenger messenger = new SnsMessenger(sns, sms);
        if (domestic != null) {
            // +86 through the union's domestic provider, every other number through SNS
            messenger = new MainlandRouting(new DomesticMessenger(domestic.provider(), domestic.signName(),
                    domestic.sender(), domestic.templates(), DomesticMessenger.Listener.NONE), messenger);
            List<String> missing = domestic.templates().missing(domestic.provider());
            if (!missing.isEmpty()) {
                JsonLog.warn("sms.templatesMissing", "provider", domestic.provider().wire(), "templates", missing);
            }
        }
        Services services = Services.create(store, messenger,
                leaders.configured() ? leaders : LeaderAnnouncements.NONE, groups(clients, clock, config),
                SqsEscalationTimer.fromEnvironment(clients, clock, System.getenv()), clock, new RandomIds(clock),
                config, new Services.Care(CareConfig.from(System.getenv()),
                        notices.configured() ? notices : NoticeBroadcast.NONE, Sleeper.REAL));
        Priming.register("sdk", () -> prime(clients, store, config));
        return new Built(services, domestic);
    }

    /**
     * The domestic provider's account; none (SNS for every number) when the stack uses SNS, or when the secret
     * is not filled in yet or wrong: that is logged as an error (alarmed on), and the stack keeps answering —
     * refusing to start would silence SNS and every other path too. Secrets Manager unreachable fails init.
     */
    private static DomesticSms domesticOrNone(AwsClients clients) {
        try {
            return SmsProviderSecret.fromEnvironment(clients, System.getenv());
        } catch (IllegalArgumentException e) {
            JsonLog.error("sms.providerUnusable", null, "provider", System.getenv(SmsProviderSecret.PROVIDER),
                    "reason", e.getMessage());
            return null;
        }
    }

    /**
     * The union's group chats, when a robots' secret is configured. A secret that cannot be read or understood
     * leaves the function without groups (an alarmed log line), never without SMS.
     */
    private static GroupAnnouncements groups(AwsClients clients, Clock clock, ServiceConfig config) {
        String secret = System.getenv(GROUP_ROBOTS_SECRET);
        if (secret == null || secret.isBlank()) return GroupAnnouncements.NONE;
        return RobotAnnouncements.fromSettings(() -> NamedSecret.fromEnvironment(clients, GROUP_ROBOTS_SECRET).value(),
                clock, config.defaultLanguage().wire());
    }

    private static final String PRIMING_BODY = "priming";

    /**
     * Before a SnapStart snapshot: every SDK call a function makes, once, with no effect. DynamoDB for real (a
     * GetItem of a key that cannot exist, a Query of deadlines before 1970: the HTTP client, TLS and signing
     * warm too); an SNS Publish and an SQS SendMessage on a {@link CannedHttpClient} (no request leaves the
     * process); and the SMS texts in both languages (message bundles, segment counting).
     */
    static void prime(AwsClients clients, DynamoStore store, ServiceConfig config) {
        Instant now = Instant.now();
        store.idempotency().recall("priming:never-stored", now);
        store.incidents().dueForEscalation(Instant.EPOCH);

        CannedHttpClient canned = new CannedHttpClient(sent -> sent.contains("Action=Publish")
                ? "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                        + "00000000-0000-0000-0000-000000000000</MessageId></PublishResult></PublishResponse>"
                : "{\"MessageId\":\"00000000-0000-0000-0000-000000000000\",\"MD5OfMessageBody\":\"\"}");
        new AwsApi(clients, "sns", null, canned).query(Map.of("Action", "Publish", "Version", "2010-03-31",
                "PhoneNumber", "+8613800000000", "Message", PRIMING_BODY));
        new SqsEscalationTimer(new AwsApi(clients, "sqs", null, canned), "https://sqs." + clients.region().id()
                + ".amazonaws.com/000000000000/priming", Clock.systemUTC()).schedule("priming", 0, now);

        SmsComposer sms = new SmsComposer(config.smsSignature());
        for (Language lang : Language.values()) {
            sms.render(lang, "alert", Map.of("code", "K27", "link", config.ackLink("priming"), "message", "priming",
                    "reporter", "priming", "member", "priming", "address", "priming", "type", "priming"));
        }
    }
}
