package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.aws.sns.RetryingPublisher.Attribute;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Text;
import huzhu.core.sms.SendResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

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

    private final String topicArn;
    private final RetryingPublisher publisher;
    private final Consumer<String> log;

    public NoticeTopicPublisher(AwsApi sns, String topicArn) {
        this(sns, topicArn, Publishing.production());
    }

    public NoticeTopicPublisher(AwsApi sns, String topicArn, Publishing publishing) {
        this.topicArn = Text.strippedOrNull(topicArn);
        this.publisher = publishing.publisher(sns);
        this.log = publishing.log();
    }

    public boolean configured() {
        return topicArn != null;
    }

    @Override
    public SendResult publish(Notice notice, String pageUrl) {
        long started = System.nanoTime();
        RetryingPublisher.Outcome outcome;
        if (topicArn == null) {
            outcome = new RetryingPublisher.Outcome(SendResult.failed("no notices topic (" + TOPIC_ARN + " unset)", true),
                    0);
        } else {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("audience", string(notice.audience().kind().wire()));
            if (notice.audience().unit() != null) attributes.put("unit", string(notice.audience().unit()));
            attributes.put("noticeId", string(notice.id()));
            String footer = Messages.text(Language.DEFAULT, "topic.notice.footer", Map.of("link", pageUrl));
            String body = notice.text() + "\n\n" + footer;
            // SNS takes only a short printable-ASCII subject; a Chinese title heads the message instead
            boolean subject = LeaderTopicPublisher.validSubject(notice.title());
            outcome = publisher.publish(RetryingPublisher.publish(topicArn, null,
                    subject ? body : notice.title() + "\n\n" + body, subject ? notice.title() : null, attributes));
        }
        log.accept(outcome.logLine("notice.publish", "noticeId", notice.id(), started));
        return outcome.result();
    }

    private static Attribute string(String value) {
        return Attribute.string(value);
    }
}
