package huzhu.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import huzhu.core.kernel.Ids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/** The event an EventBridge schedule rule ({@code rate(1 minute)}) delivers to the escalation function. */
public final class ScheduledEvents {
    static final String RULE = "rule/huzhu-local-escalation-sweep";

    private final LocalAws aws;
    private final Ids ids;

    public ScheduledEvents(LocalAws aws, Ids ids) {
        this.aws = aws;
        this.ids = ids;
    }

    public String ruleArn() {
        return aws.arn("events", RULE);
    }

    public ScheduledEvent at(Instant now) {
        return new ScheduledEvent()
                .withVersion("0")
                .withId(ids.newId())
                .withDetailType("Scheduled Event")
                .withSource("aws.events")
                .withAccount(aws.accountId())
                // EventBridge stamps scheduled events to the second
                .withTime(new DateTime(now.truncatedTo(ChronoUnit.SECONDS).toEpochMilli(), DateTimeZone.UTC))
                .withRegion(aws.region())
                .withResources(List.of(ruleArn()))
                .withDetail(Map.of());
    }
}
