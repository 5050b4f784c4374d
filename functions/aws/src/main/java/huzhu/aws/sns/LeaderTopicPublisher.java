package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.SendWiring;
import huzhu.core.kernel.Text;
import huzhu.core.sms.SendResult;
import java.net.URI;
import java.util.Map;

/**
 * Publishes an incident summary to the leaders' SNS topic ({@code HUZHU_LEADER_TOPIC_ARN}) with a Number
 * message attribute {@code level}, so each subscription (a leader's e-mail, an officers' chat hook…) can
 * filter on the escalation levels it wants, e.g. the filter policy {@code {"level": [{"numeric": [">=", 2]}]}}.
 * <p>
 * SNS accepts a {@code Subject} only if it is printable ASCII without line breaks and under 100 characters;
 * any other subject (a Chinese one, say) is sent as the message's first line instead. Never throws; with no
 * topic configured every announcement fails permanently and says so.
 */
public final class LeaderTopicPublisher implements LeaderAnnouncements {
    public static final String TOPIC_ARN = "HUZHU_LEADER_TOPIC_ARN";
    static final String LEVEL = "level";
    private static final int SNS_SUBJECT_MAX = 99;

    private final SnsTopic topic;

    public LeaderTopicPublisher(AwsApi sns, String topicArn) {
        this(sns, topicArn, SendWiring.PRODUCTION);
    }

    public LeaderTopicPublisher(AwsApi sns, String topicArn, SendWiring wiring) {
        this.topic = new SnsTopic(sns, topicArn, "leader topic", TOPIC_ARN, wiring);
    }

    /** Topic ARN from {@code HUZHU_LEADER_TOPIC_ARN}, endpoint override from {@code HUZHU_SNS_ENDPOINT}. */
    public static LeaderTopicPublisher fromEnvironment(AwsClients clients) {
        return fromEnvironment(clients, System.getenv());
    }

    static LeaderTopicPublisher fromEnvironment(AwsClients clients, Map<String, String> env) {
        String endpoint = Text.strippedOrNull(env.get(SmsConfig.SNS_ENDPOINT));
        AwsApi sns = SnsClients.build(clients, endpoint == null ? null : URI.create(endpoint));
        return new LeaderTopicPublisher(sns, env.get(TOPIC_ARN));
    }

    public boolean configured() {
        return topic.configured();
    }

    /**
     * @param level   the escalation level reached (subscriptions filter on it)
     * @param subject a short title; dropped into the text when SNS would refuse it as a subject
     * @param text    the summary; no personal data beyond what leaders are meant to see
     */
    @Override
    public void announce(int leaderLevel, String subject, String text) {
        publish(leaderLevel, subject, text);
    }

    public SendResult publish(int level, String subject, String text) {
        return topic.publish(() -> message(level, subject, text), "leaders.announce", "escalationLevel", level);
    }

    /** Null when there is neither a subject nor a text. */
    private static SnsTopic.Message message(int level, String subject, String text) {
        String title = Text.strippedOrNull(subject);
        String body = text == null ? "" : text;
        if (body.isBlank() && title == null) return null;
        Map<String, RetryingPublisher.Attribute> attributes = Map.of(LEVEL,
                new RetryingPublisher.Attribute("Number", Integer.toString(level)));
        if (title != null && validSubject(title)) {
            return new SnsTopic.Message(body.isBlank() ? title : body, title, attributes);
        }
        return new SnsTopic.Message(title == null ? body : body.isBlank() ? title : title + "\n" + body, null,
                attributes);
    }

    static boolean validSubject(String s) {
        if (s.length() > SNS_SUBJECT_MAX) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) return false;
        }
        return true;
    }
}
