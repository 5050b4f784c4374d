package huzhu.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml's escalation timer: the queue, its dead-letter queue, the event source, the rights. */
class EscalationTimerTemplateTest {
    private static Map<String, Object> resources;
    private static Map<String, Object> template;

    @BeforeAll
    static void load() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        assertThat(dir).isNotNull();
        template = CloudFormationYaml.load(dir.resolve("template.yaml"));
        resources = map(template.get("Resources"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> properties(String logicalId) {
        return map(map(resources.get(logicalId)).get("Properties"));
    }

    @Test
    void theQueue_redrivesToItsDeadLetterQueue_andHidesAMessageLongerThanSixTimerTimeouts() {
        // given
        Map<String, Object> queue = properties("EscalationQueue");
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        int timerTimeout = (Integer) properties("EscalationTimerFunction").get("Timeout");

        // then
        assertThat(map(resources.get("EscalationQueue")).get("Type")).isEqualTo("AWS::SQS::Queue");
        assertThat(map(resources.get("EscalationDeadLetterQueue")).get("Type")).isEqualTo("AWS::SQS::Queue");
        assertThat(redrive.get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("EscalationDeadLetterQueue", "Arn")));
        assertThat((Integer) redrive.get("maxReceiveCount")).isBetween(2, 10);
        assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * timerTimeout);
        assertThat(queue).containsEntry("SqsManagedSseEnabled", true);
        assertThat(properties("EscalationDeadLetterQueue")).containsEntry("MessageRetentionPeriod", 1209600);
    }

    @Test
    void theTimerFunction_consumesTheQueue_reportingFailedMessagesOnly_withoutWaitingForABatch() {
        // given
        Map<String, Object> function = properties("EscalationTimerFunction");
        Map<String, Object> event = map(map(function.get("Events")).get("Deadline"));
        Map<String, Object> source = map(event.get("Properties"));

        // then
        assertThat(function).containsEntry("Handler", "huzhu.escalation.EscalationTimerHandler")
                .containsEntry("CodeUri", properties("EscalationFunction").get("CodeUri"));
        assertThat(event).containsEntry("Type", "SQS");
        assertThat(source).containsEntry("Queue", Map.of("Fn::GetAtt", List.of("EscalationQueue", "Arn")))
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
                .containsEntry("MaximumBatchingWindowInSeconds", 0);
        assertThat((Integer) source.get("BatchSize")).isBetween(1, 10);
    }

    @Test
    void everyFunction_mayOnlySendToTheQueue_andKnowsItsUrl() {
        // given
        Map<String, Object> messaging = properties("MessagingPolicy");
        List<?> statements = (List<?>) map(messaging.get("PolicyDocument")).get("Statement");
        Map<String, Object> globalEnv = map(map(map(map(template.get("Globals")).get("Function"))
                .get("Environment")).get("Variables"));

        // then: every function opens or escalates incidents, so every one (through the shared messaging
        // policy) may send to the timer queue, and only that
        assertThat(statements).filteredOn(st -> "sqs:SendMessage".equals(map(st).get("Action")))
                .singleElement().satisfies(st -> assertThat(map(st)).containsEntry("Effect", "Allow")
                        .containsEntry("Resource", Map.of("Fn::GetAtt", List.of("EscalationQueue", "Arn"))));
        resources.forEach((id, r) -> {
            if (!"AWS::Serverless::Function".equals(map(r).get("Type"))) return;
            assertThat((List<Object>) map(map(r).get("Properties")).get("Policies")).as("policies of %s", id)
                    .contains(Map.of("Ref", "MessagingPolicy"));
        });
        assertThat(globalEnv).containsEntry("HUZHU_ESCALATION_QUEUE_URL", Map.of("Ref", "EscalationQueue"));
    }

    @Test
    void theDeadLetterQueue_isAnOutput_forOperators() {
        assertThat(map(map(template.get("Outputs")).get("EscalationDeadLetterQueueUrl")))
                .containsEntry("Value", Map.of("Ref", "EscalationDeadLetterQueue"));
    }
}
