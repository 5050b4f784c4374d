package huzhu.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.aws.AwsClients;
import huzhu.core.kernel.Backoff;
import huzhu.core.kernel.SendWiring;
import huzhu.core.kernel.Sleeper;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.testing.TestSms;
import huzhu.core.sms.SendResult;
import huzhu.testing.LocalStackContainers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The adapter against LocalStack's SNS, read back through LocalStack's SMS introspection endpoint.
 * Needs Docker (skipped without it). The image is pinned to a release that runs without an auth token;
 * {@code LOCALSTACK_AUTH_TOKEN} is passed through when set, for newer images.
 */
@Testcontainers(disabledWithoutDocker = true)
class SnsMessengerLocalStackIT {
    @Container
    static final LocalStackContainer LOCALSTACK = LocalStackContainers.of(LocalStackContainer.Service.SNS);

    @Test
    void send_deliversTheSmsToLocalStack_asTransactionalToTheNumber() throws Exception {
        // given
        URI endpoint = LOCALSTACK.getEndpoint();
        AwsClients clients = new AwsClients(Region.of(LOCALSTACK.getRegion()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(),
                        LOCALSTACK.getSecretKey())),
                UrlConnectionHttpClient.create());
        SmsConfig config = new SmsConfig("HUZHU", null, "0.50", endpoint);
        List<String> log = new ArrayList<>();
        SnsMessenger messenger = new SnsMessenger(SnsClients.build(clients, config.endpoint()), config,
                new SendWiring(Backoff.DEFAULT, Sleeper.REAL, () -> 0.5, log::add));
        String phone = "+8613800138000";
        RenderedSms body = TestSms.saying("张师傅家需要帮助 / help needed");

        // when
        SendResult result = messenger.send(new OutboundSms(phone, body, "inc-ls"));

        // then
        assertThat(result.ok()).as("result %s, log %s", result, log).isTrue();
        JsonNode sent = smsMessages(endpoint, phone);
        assertThat(sent.isArray()).as("sms messages for %s: %s", phone, sent).isTrue();
        JsonNode first = sent.get(0);
        assertThat(first.path("PhoneNumber").asText()).isEqualTo(phone);
        assertThat(first.path("Message").asText()).isEqualTo(body);
        assertThat(first.toString()).contains("Transactional");
    }

    /** {@code GET /_aws/sns/sms-messages} → {@code {"sms_messages": {"+86…": [{PhoneNumber, Message, …}]}}}. */
    private static JsonNode smsMessages(URI endpoint, String phone) throws Exception {
        URI uri = URI.create(endpoint + "/_aws/sns/sms-messages?region=" + LOCALSTACK.getRegion()
                + "&accountId=000000000000&phoneNumber=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("sms_messages").path(phone);
    }
}
