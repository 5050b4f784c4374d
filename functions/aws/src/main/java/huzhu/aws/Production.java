package huzhu.aws;

import huzhu.aws.dynamo.DynamoStore;
import huzhu.aws.secrets.NamedSecret;
import huzhu.aws.secrets.SecretsManagerAckKey;
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
import huzhu.core.kernel.Sleeper;
import huzhu.core.incident.AckTokens;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.RandomIds;
import huzhu.core.sms.SmsComposer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The services as every Lambda function runs them: DynamoDB behind the store, SNS behind the
 * messenger, SQS delayed messages behind the escalation timer, configuration from the environment. Built once per execution environment, at init, and
 * shared by whatever handler the function hosts.
 */
public final class Production {
    private Production() {
    }

    private static final class Clients {
        static final AwsClients AWS = AwsClients.fromEnvironment();
    }

    private static final class Holder {
        static final Services SERVICES = build();
    }

    public static Services services() {
        return Holder.SERVICES;
    }

    /** The text of the secret the environment variable {@code variable} names (e.g. huzhu.http.Edge's). */
    public static String secret(String variable) {
        return NamedSecret.fromEnvironment(Clients.AWS, variable).value();
    }

    private static Services build() {
        AwsClients clients = Clients.AWS;
        Clock clock = Clock.systemUTC();
        ServiceConfig config = ServiceConfig.from(System.getenv(),
                new AckTokens(SecretsManagerAckKey.fromEnvironment(clients).ackKey()));
        // one SNS client for the SMS and the leaders' topic: each client built costs init time (a cold start)
        SmsConfig sms = SmsConfig.fromEnvironment();
        SnsClient sns = SnsClients.build(clients, sms.endpoint());
        LeaderTopicPublisher leaders = new LeaderTopicPublisher(sns, System.getenv(LeaderTopicPublisher.TOPIC_ARN));
        NoticeTopicPublisher notices = new NoticeTopicPublisher(sns, System.getenv(NoticeTopicPublisher.TOPIC_ARN));
        DynamoStore store = DynamoStore.fromEnvironment(clients);
        Services services = Services.create(store, new SnsMessenger(sns, sms),
                leaders.configured() ? leaders : LeaderAnnouncements.NONE,
                SqsEscalationTimer.fromEnvironment(clients, clock, System.getenv()), clock, new RandomIds(clock),
                config, new Services.Care(CareConfig.from(System.getenv()),
                        notices.configured() ? notices : NoticeBroadcast.NONE, Sleeper.REAL));
        Priming.register("sdk", () -> prime(clients, store, config));
        return services;
    }

    private static final String PRIMING_BODY = "priming";

    /**
     * Before a SnapStart snapshot: every SDK call a function makes, once, with no effect. DynamoDB for real (a
     * GetItem of a key that cannot exist, a Query of deadlines before 1970: the HTTP client, TLS and signing
     * warm too); SNS Publish and SQS SendMessage through throwaway clients on a {@link CannedHttpClient} (no
     * request leaves the process); and the SMS texts in both languages (message bundles, segment counting).
     */
    static void prime(AwsClients clients, DynamoStore store, ServiceConfig config) {
        Instant now = Instant.now();
        store.idempotency().recall("priming:never-stored", now);
        store.incidents().dueForEscalation(Instant.EPOCH);

        AwsClients canned = new AwsClients(clients.region(), clients.credentials(), new CannedHttpClient(sent ->
                "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                        + "00000000-0000-0000-0000-000000000000</MessageId></PublishResult></PublishResponse>"));
        try (SnsClient sns = SnsClients.build(canned, null)) {
            sns.publish(b -> b.phoneNumber("+8613800000000").message(PRIMING_BODY).messageAttributes(Map.of(
                    "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String")
                            .stringValue("Transactional").build())));
            sns.publish(b -> b.topicArn("arn:aws:sns:" + clients.region().id() + ":000000000000:priming")
                    .message(PRIMING_BODY).messageAttributes(Map.of("level", MessageAttributeValue.builder()
                            .dataType("Number").stringValue("1").build())));
        }
        AwsClients cannedSqs = new AwsClients(clients.region(), clients.credentials(), new CannedHttpClient(sent ->
                "{\"MessageId\":\"00000000-0000-0000-0000-000000000000\",\"MD5OfMessageBody\":\""
                        + md5(PRIMING_BODY) + "\"}"));
        try (SqsClient sqs = cannedSqs.configure(SqsClient.builder(), null).build()) {
            sqs.sendMessage(b -> b.queueUrl("https://sqs." + clients.region().id()
                    + ".amazonaws.com/000000000000/priming").messageBody(PRIMING_BODY).delaySeconds(1));
        }

        SmsComposer sms = new SmsComposer(config.smsSignature());
        for (Language lang : Language.values()) {
            sms.render(lang, "alert", Map.of("code", "K27", "link", config.ackLink("priming"), "message", "priming",
                    "reporter", "priming", "member", "priming", "address", "priming", "type", "priming"));
        }
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
