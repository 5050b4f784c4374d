package huzhu.checks;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.core.kernel.SendWiring;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

import huzhu.aws.sns.SmsConfig;
import huzhu.aws.sns.SnsMessenger;
import huzhu.core.kernel.Backoff;
import huzhu.core.sms.OutboundSms;
import huzhu.core.testing.TestSms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metric filters behind SmsFailuresAlarm match the very line SnsMessenger writes when a send fails,
 * and not the one it writes when a send succeeds ({@link LogFilters} reads the filters).
 */
class SmsFailureFilterTest {

    @Test
    void smsFailureFilter_matchesAFailedSendLine_andNotASentOne() throws Exception {
        // given: SnsMessenger over an SNS that answers, writing its lines here
        List<String> lines = new ArrayList<>();
        SnsMessenger messenger = new SnsMessenger(answeringSns(), SmsConfig.DEFAULTS,
                new SendWiring(Backoff.NONE, d -> { }, () -> 0.5, lines::add));

        // when: one send that SNS accepts, one it never gets (not an E.164 number)
        messenger.send(new OutboundSms("+8613900000021", TestSms.saying("测试"), "i1"));
        messenger.send(new OutboundSms("not-a-number", TestSms.saying("测试"), "i1"));

        // then
        assertThat(lines).hasSize(2);
        for (String filter : smsFailureFilters()) {
            assertThat(matches(filter, lines.get(0))).as("%s on %s", filter, lines.get(0)).isFalse();
            assertThat(matches(filter, lines.get(1))).as("%s on %s", filter, lines.get(1)).isTrue();
        }
    }

    /** An SNS that accepts every publish: the real API client on an HTTP client that answers a PublishResponse. */
    private static AwsApi answeringSns() {
        SdkHttpClient http = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                byte[] body = ("<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult>"
                        + "</PublishResponse>").getBytes(StandardCharsets.UTF_8);
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() {
                        return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(200).build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        return new AwsApi(new AwsClients(Region.CN_NORTH_1, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDTEST", "secret")), http), "sns", null, http);
    }

    private static List<String> smsFailureFilters() {
        return LogFilters.feeding("SmsFailuresAlarm");
    }

    private static boolean matches(String filter, String line) throws Exception {
        return LogFilters.matches(filter, line);
    }
}
