package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.aws.sns.RetryingPublisher.Attribute;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.SendWiring;
import huzhu.core.sms.SendResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes each notice to the notices topic ({@code HUZHU_NOTICE_TOPIC_ARN}) beside its SMS: the union's mailing
 * list, a chat group's hook or an archive subscribe there. Its own topic rather than the leaders' one: the leaders'
 * subscriptions filter on the escalation {@code level} and are meant for emergencies; a notice to every member
 * belongs to other readers. String attributes {@code audience} (all-members, unit, volunteers, leaders,
 * family-contacts), {@code unit} (for a unit's notice) and {@code noticeId} let a subscription take only what it
 * wants, e.g. {@code {"audience": ["volunteers"]}}. Never throws; with no topic configured every publish fails
 * permanently and says so.
 */
public final class NoticeTopicPublisher implements NoticeBroadcast {
    public static final String TOPIC_ARN = "HUZHU_NOTICE_TOPIC_ARN";

    private final SnsTopic topic;

    public NoticeTopicPublisher(AwsApi sns, String topicArn) {
        this(sns, topicArn, SendWiring.PRODUCTION);
    }

    public NoticeTopicPublisher(AwsApi sns, String topicArn, SendWiring wiring) {
        this.topic = new SnsTopic(sns, topicArn, "notices topic", TOPIC_ARN, wiring);
    }

    public boolean configured() {
        return topic.configured();
    }

    @Override
    public SendResult publish(Notice notice, String pageUrl) {
        return topic.publish(() -> message(notice, pageUrl), "notice.publish", "noticeId", notice.id());
    }

    private static SnsTopic.Message message(Notice notice, String pageUrl) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("audience", string(notice.audience().kind().wire()));
        if (notice.audience().unit() != null) attributes.put("unit", string(notice.audience().unit()));
        attributes.put("noticeId", string(notice.id()));
        String footer = Messages.text(Language.DEFAULT, "topic.notice.footer", Map.of("link", pageUrl));
        String body = notice.text() + "\n\n" + footer;
        // SNS takes only a short printable-ASCII subject; a Chinese title heads the message instead
        boolean subject = LeaderTopicPublisher.validSubject(notice.title());
        return new SnsTopic.Message(subject ? body : notice.title() + "\n\n" + body, subject ? notice.title() : null,
                attributes);
    }

    private static Attribute string(String value) {
        return Attribute.string(value);
    }
}
