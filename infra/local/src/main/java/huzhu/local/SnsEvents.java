package huzhu.local;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import huzhu.core.kernel.Ids;
import huzhu.http.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * The SNS event Lambda receives when AWS End User Messaging publishes a two-way SMS to the inbound topic:
 * one record whose {@code Sns.Message} is the {@link InboundSms} JSON. The signature fields are filled
 * so the event has the real shape, but nothing is signed.
 */
public final class SnsEvents {
    /** The union's two-way number when a local request does not name one. */
    public static final String DEFAULT_DESTINATION = "+8610690000000";
    static final String TOPIC = "huzhu-local-inbound-sms";
    private static final String UNSIGNED = Base64.getEncoder()
            .encodeToString("huzhu local stack: not signed".getBytes(StandardCharsets.US_ASCII));

    private final LocalAws aws;
    private final Ids ids;

    public SnsEvents(LocalAws aws, Ids ids) {
        this.aws = aws;
        this.ids = ids;
    }

    public String topicArn() {
        return aws.arn("sns", TOPIC);
    }

    /** End User Messaging's keyword for a message that matches no registered keyword of the number. */
    public String defaultKeyword() {
        return "KEYWORD_" + aws.accountId();
    }

    public SNSEvent twoWaySms(InboundSms sms, Instant now) {
        String topicArn = topicArn();
        String snsHost = "https://sns." + aws.region() + "." + aws.domainSuffix();
        String subscriptionArn = topicArn + ":" + ids.newId();
        SNSEvent.SNS sns = new SNSEvent.SNS()
                .withType("Notification")
                .withMessageId(ids.newId())
                .withTopicArn(topicArn)
                .withSubject(null)
                .withMessage(json(sms))
                .withTimestamp(new DateTime(now.toEpochMilli(), DateTimeZone.UTC))
                .withSignatureVersion("1")
                .withSignature(UNSIGNED)
                .withSigningCertUrl(snsHost + "/SimpleNotificationService-local.pem")
                .withUnsubscribeUrl(snsHost + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn)
                .withMessageAttributes(Map.of());
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord()
                .withEventSource("aws:sns")
                .withEventVersion("1.0")
                .withEventSubscriptionArn(subscriptionArn)
                .withSns(sns);
        return new SNSEvent().withRecords(List.of(record));
    }

    private static String json(InboundSms sms) {
        try {
            return Json.mapper().writeValueAsString(sms);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
