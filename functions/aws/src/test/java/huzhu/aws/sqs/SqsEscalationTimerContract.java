package huzhu.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.core.incident.EscalationTimer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The adapter against a real SQS API: the message a deadline sends, and when it becomes visible. Each SQS
 * implementation runs it through a subclass. The delays are real (SQS counts them), and kept to a second.
 */
abstract class SqsEscalationTimerContract {
    /** Endpoint of the SQS API under test. */
    protected abstract URI endpoint();

    protected abstract AwsClients clients();

    private SqsClient sqs;
    private String queueUrl;

    @BeforeEach
    void aQueue() {
        sqs = clients().configure(SqsClient.builder(), endpoint()).build();
        queueUrl = sqs.createQueue(b -> b.queueName("huzhu-escalation-" + UUID.randomUUID())).queueUrl();
    }

    private EscalationTimer timer() {
        return SqsEscalationTimer.fromEnvironment(clients(), Clock.systemUTC(), Map.of(
                "HUZHU_ESCALATION_QUEUE_URL", queueUrl, "HUZHU_SQS_ENDPOINT", endpoint().toString()));
    }

    private List<Message> receive(int waitSeconds) {
        return sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(queueUrl).waitTimeSeconds(waitSeconds)
                .maxNumberOfMessages(10).build()).messages();
    }

    @Test
    void aDeadlineDueNow_isOneMessage_visibleAtOnce_withTheIncidentLevelAndDeadline() {
        // given
        Instant deadline = Instant.now().minusMillis(5);

        // when
        timer().schedule("inc-1", 1, deadline);

        // then
        List<Message> messages = receive(2);
        assertThat(messages).singleElement().satisfies(m ->
                assertThat(TimerMessage.parse(m.body())).isEqualTo(new TimerMessage("inc-1", 1, deadline)));
    }

    @Test
    void aDeadlineASecondAway_isHeldBackUntilThen() {
        // given
        long started = System.nanoTime();
        Instant deadline = Instant.now().plusMillis(1000);

        // when
        timer().schedule("inc-2", 0, deadline);

        // then: nothing yet, then the message, not before the deadline
        assertThat(receive(0)).isEmpty();
        List<Message> messages = receive(5);
        long waitedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(messages).hasSize(1);
        assertThat(waitedMs).isBetween(900L, 4000L);
        assertThat(Instant.now()).isAfterOrEqualTo(deadline);
    }

    @Test
    void aQueueThatDoesNotExist_failsTheSchedule_loudly() {
        // given
        EscalationTimer timer = SqsEscalationTimer.fromEnvironment(clients(), Clock.systemUTC(), Map.of(
                "HUZHU_ESCALATION_QUEUE_URL", queueUrl + "-missing", "HUZHU_SQS_ENDPOINT", endpoint().toString()));

        // when / then
        assertThatThrownBy(() -> timer.schedule("inc-3", 0, Instant.now())).isInstanceOfSatisfying(AwsApi.Failure.class,
                f -> assertThat(f.code()).isEqualTo("QueueDoesNotExist"));
    }
}
