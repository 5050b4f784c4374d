package huzhu.aws;

import huzhu.aws.dynamo.DynamoStore;
import huzhu.aws.secrets.SecretsManagerAckKey;
import huzhu.aws.sns.LeaderTopicPublisher;
import huzhu.aws.sns.SnsMessenger;
import huzhu.aws.sqs.SqsEscalationTimer;
import huzhu.core.port.LeaderAnnouncements;
import huzhu.core.rules.AckTokens;
import huzhu.core.rules.RandomIds;
import huzhu.core.service.ServiceConfig;
import huzhu.core.service.Services;
import java.time.Clock;

/**
 * The services as every Lambda function runs them: DynamoDB behind the store, SNS behind the
 * messenger, SQS delayed messages behind the escalation timer, configuration from the environment. Built once per execution environment, at init, and
 * shared by whatever handler the function hosts.
 */
public final class Production {
    private Production() {
    }

    private static final class Holder {
        static final Services SERVICES = build();
    }

    public static Services services() {
        return Holder.SERVICES;
    }

    private static Services build() {
        AwsClients clients = AwsClients.fromEnvironment();
        Clock clock = Clock.systemUTC();
        ServiceConfig config = new ServiceConfig(System.getenv("HUZHU_PUBLIC_BASE_URL"),
                System.getenv("HUZHU_SMS_SIGNATURE"), new AckTokens(SecretsManagerAckKey.fromEnvironment(clients).ackKey()));
        LeaderTopicPublisher leaders = LeaderTopicPublisher.fromEnvironment(clients);
        return Services.create(DynamoStore.fromEnvironment(clients), SnsMessenger.fromEnvironment(clients),
                leaders.configured() ? leaders : LeaderAnnouncements.NONE,
                SqsEscalationTimer.fromEnvironment(clients, clock, System.getenv()), clock, new RandomIds(clock),
                config);
    }
}
