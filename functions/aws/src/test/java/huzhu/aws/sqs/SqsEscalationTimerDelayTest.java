package huzhu.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.aws.AwsClients;
import huzhu.core.incident.EscalationTimer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsEscalationTimerDelayTest {
    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");

    @Test
    void delay_isTheTimeLeft_roundedUpToWholeSeconds_soItNeverArrivesEarly() {
        assertThat(SqsEscalationTimer.delaySeconds(NOW, NOW.plusSeconds(180))).isEqualTo(180);
        assertThat(SqsEscalationTimer.delaySeconds(NOW, NOW.plusMillis(179_001))).isEqualTo(180);
        assertThat(SqsEscalationTimer.delaySeconds(NOW, NOW.plusMillis(1))).isEqualTo(1);
    }

    @Test
    void delay_ofADeadlineDueOrPast_isZero() {
        assertThat(SqsEscalationTimer.delaySeconds(NOW, NOW)).isZero();
        assertThat(SqsEscalationTimer.delaySeconds(NOW, NOW.minusSeconds(30))).isZero();
    }

    @Test
    void delay_longerThanSqsCanHold_isTheMaximum_andTheMessageHops() {
        assertThat(SqsEscalationTimer.delaySeconds(NOW, NOW.plusSeconds(900))).isEqualTo(900);
        assertThat(SqsEscalationTimer.delaySeconds(NOW, NOW.plusSeconds(3600))).isEqualTo(900);
    }

    @Test
    void withoutAQueueUrl_thereIsNoTimer_andTheSweepAloneEscalates() {
        // when
        EscalationTimer timer = SqsEscalationTimer.fromEnvironment(AwsClients.fromEnvironment(), Clock.systemUTC(),
                Map.of("HUZHU_ESCALATION_QUEUE_URL", " "));

        // then
        assertThat(timer).isSameAs(EscalationTimer.NONE);
    }
}
