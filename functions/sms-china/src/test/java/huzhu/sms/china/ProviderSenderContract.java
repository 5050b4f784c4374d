package huzhu.sms.china;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.SendWiring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every provider's sender does, against WireMock standing in for that provider: an answer that ends the send
 * is not retried and says which failure it is, a lost connection is a transient failure, and a number that is not
 * E.164 never reaches the provider. A subclass names its provider's answers in a static {@code
 * answersThatEndTheSend()}: a description, the HTTP status, the body and the failure it means.
 */
public abstract class ProviderSenderContract {
    /** The backoff the sender asked for, in order: nothing sleeps for real. */
    protected final List<Duration> sleeps = new ArrayList<>();
    /** The sender's log lines. */
    protected final List<String> logLines = new ArrayList<>();
    /** The sender's attempts: the default backoff, "slept" into {@link #sleeps} at mid jitter, logged to {@link #logLines}. */
    protected final SendWiring recorded = new SendWiring(Backoff.DEFAULT, sleeps::add, () -> 0.5,
            logLines::add);

    /** A sender calling the stand-in, its attempts {@link #recorded}. */
    protected abstract TemplateSender sender();

    /** An alert to {@code to}, with its template's variables. */
    protected abstract TemplateSms alert(String to);

    /** The stand-in answers every send with {@code status} and {@code body}. */
    protected abstract void stub(int status, String body);

    /** The stand-in drops every connection without answering. */
    protected abstract void dropEveryConnection();

    /** The send requests the stand-in received. */
    protected abstract List<LoggedRequest> sends();

    private static final String PHONE = "+8613800138000";

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersThatEndTheSend")
    void send_endsWithoutRetry_inTheFailureTheProvidersAnswerMeans(String answer, int status, String body,
            ProviderResult failure) {
        // given
        stub(status, body);

        // when
        ProviderResult result = sender().send(alert(PHONE));

        // then
        assertThat(result).isEqualTo(failure);
        assertThat(sends()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void send_failsTransientWithoutRetry_whenTheConnectionIsLost() {
        // given
        dropEveryConnection();

        // when
        ProviderResult result = sender().send(alert(PHONE));

        // then
        assertThat(result.ok()).isFalse();
        assertThat(result.permanent()).isFalse();
        assertThat(result.failureReason()).startsWith("network (");
        assertThat(sends()).hasSize(1);
    }

    @Test
    void send_refusesANumberThatIsNotE164_withoutCallingTheProvider() {
        // when
        ProviderResult result = sender().send(alert("13800138000"));

        // then
        assertThat(result).isEqualTo(ProviderResult.failed("invalid-number (not E.164)", true));
        assertThat(sends()).isEmpty();
        assertThat(logLines).hasSize(1);
    }
}
