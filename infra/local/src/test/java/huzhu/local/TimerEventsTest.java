package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import huzhu.aws.sqs.TimerMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerEventsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:30:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LocalAws aws = LocalAws.of("cn-north-1");

    @Test
    void aDeadline_reachesTheTimerFunction_asTheSqsEventAwsWouldSend() {
        // given
        Recording<SQSEvent, SQSBatchResponse> function = new Recording<>(e -> new SQSBatchResponse(List.of()));
        TimerEvents events = new TimerEvents(function, aws, clock, new CountingIds());

        // when
        boolean handled = events.deliver("inc-1", 1, NOW.minusMillis(3));

        // then
        assertThat(handled).isTrue();
        SQSEvent.SQSMessage m = function.events.get(0).getRecords().get(0);
        assertThat(TimerMessage.parse(m.getBody())).isEqualTo(new TimerMessage("inc-1", 1, NOW.minusMillis(3)));
        assertThat(m.getEventSource()).isEqualTo("aws:sqs");
        assertThat(m.getEventSourceArn()).isEqualTo("arn:aws-cn:sqs:cn-north-1:000000000000:huzhu-local-escalation");
        assertThat(m.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
        assertThat(m.getMessageId()).isNotBlank();
        assertThat(function.contexts.get(0).getFunctionName()).isEqualTo("huzhu-local-escalation-timer");
    }

    @Test
    void aMessageTheFunctionReportsFailed_isNotHandled_andTheSweepIsLeftToCatchIt() {
        // given
        Recording<SQSEvent, SQSBatchResponse> function = new Recording<>(e -> new SQSBatchResponse(List.of(
                new SQSBatchResponse.BatchItemFailure(e.getRecords().get(0).getMessageId()))));

        // when
        boolean handled = new TimerEvents(function, aws, clock, new CountingIds()).deliver("inc-1", 0, NOW);

        // then
        assertThat(handled).isFalse();
    }
}
