package huzhu.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The calls huzhu makes without the SNS, SQS and Secrets Manager SDK clients are the calls those clients make:
 * the same request, made once by the real client and once by {@link AwsApi}, reaches WireMock with the same
 * method, path, content type, operation and body bytes, Lambda's session token, and a SigV4 signature over the
 * same scope over the same headers (both are signed by the SDK's {@code AwsV4HttpSigner}).
 */
class AwsApiWireIT {
    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final AwsSessionCredentials LAMBDA = AwsSessionCredentials.create("ASIALAMBDA", "lambda-secret",
            "lambda-session-token");
    private final AwsClients clients = new AwsClients(Region.CN_NORTH_1, StaticCredentialsProvider.create(LAMBDA),
            UrlConnectionHttpClient.create());

    @BeforeEach
    void awsAnswersAPublish() {
        answers(5, "text/xml", "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult>"
                + "</PublishResponse>");
    }

    @Test
    void snsPublishToAPhone_isTheSdksRequest() {
        // given
        URI endpoint = URI.create(aws.baseUrl());
        String text = "【互助】张师傅家(朝阳区)需要帮助 & 50% ~*";

        // when
        try (SnsClient sdk = clients.configure(SnsClient.builder(), endpoint)
                .overrideConfiguration(ClientOverrideConfiguration.builder().build()).build()) {
            sdk.publish(b -> b.phoneNumber("+8613800138000").message(text).messageAttributes(Map.of(
                    "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String")
                            .stringValue("Transactional").build())));
        }
        Map<String, String> ours = snsPublish();
        ours.put("PhoneNumber", "+8613800138000");
        ours.put("Message", text);
        ours.put("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType");
        ours.put("MessageAttributes.entry.1.Value.DataType", "String");
        ours.put("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        new AwsApi(clients, "sns", endpoint, clients.http()).query(ours);

        // then
        sameRequest("sns");
    }

    @Test
    void snsPublishToATopic_withASubjectAndANumberAttribute_isTheSdksRequest() {
        // given
        URI endpoint = URI.create(aws.baseUrl());
        String topic = "arn:aws-cn:sns:cn-north-1:123456789012:huzhu-leaders";

        // when
        try (SnsClient sdk = clients.configure(SnsClient.builder(), endpoint).build()) {
            sdk.publish(b -> b.topicArn(topic).message("K27 escalated").subject("Level 2").messageAttributes(Map.of(
                    "level", MessageAttributeValue.builder().dataType("Number").stringValue("2").build())));
        }
        Map<String, String> ours = snsPublish();
        ours.put("TopicArn", topic);
        ours.put("Message", "K27 escalated");
        ours.put("Subject", "Level 2");
        ours.put("MessageAttributes.entry.1.Name", "level");
        ours.put("MessageAttributes.entry.1.Value.DataType", "Number");
        ours.put("MessageAttributes.entry.1.Value.StringValue", "2");
        new AwsApi(clients, "sns", endpoint, clients.http()).query(ours);

        // then
        sameRequest("sns");
    }

    @Test
    void sqsSendMessage_isTheSdksRequest() {
        // given
        URI endpoint = URI.create(aws.baseUrl());
        answers(1, "application/x-amz-json-1.0",
                "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"fa0ae3d7a5b2f4f0d2ad0e3ba4e4a21c\"}");
        String queue = "https://sqs.cn-north-1.amazonaws.com.cn/123456789012/huzhu-escalation";
        String body = "{\"incidentId\":\"inc-1\",\"level\":0,\"deadline\":\"2026-03-02T01:33:00Z\"}";

        // when
        try (SqsClient sdk = clients.configure(SqsClient.builder(), endpoint).build()) {
            try {
                sdk.sendMessage(b -> b.queueUrl(queue).messageBody(body).delaySeconds(180));
            } catch (RuntimeException checksumOfTheStub) {
                // the SDK checks the reply's MD5 of the body; the stub's is not it — the request is what counts
            }
        }
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("QueueUrl", queue);
        ours.put("MessageBody", body);
        ours.put("DelaySeconds", 180);
        new AwsApi(clients, "sqs", endpoint, clients.http()).json(AwsApi.JSON_1_0, "AmazonSQS.SendMessage",
                huzhu.core.kernel.JsonText.write(ours));

        // then
        sameRequest("sqs");
    }

    @Test
    void secretsManagerGetSecretValue_isTheSdksRequest() {
        // given
        URI endpoint = URI.create(aws.baseUrl());
        answers(1, "application/x-amz-json-1.1", "{\"SecretString\":\"s\"}");
        String arn = "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:huzhu-ack-key-AbCdEf";

        // when
        try (SecretsManagerClient sdk = clients.configure(SecretsManagerClient.builder(), endpoint).build()) {
            sdk.getSecretValue(b -> b.secretId(arn));
        }
        new AwsApi(clients, "secretsmanager", endpoint, clients.http()).json(AwsApi.JSON_1_1,
                "secretsmanager.GetSecretValue", huzhu.core.kernel.JsonText.write(Map.of("SecretId", arn)));

        // then
        sameRequest("secretsmanager");
    }

    /** AWS answers every request 200 with this body; a lower priority number wins. */
    private static void answers(int priority, String contentType, String body) {
        aws.stubFor(any(anyUrl()).atPriority(priority).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    /** SNS's Publish in the query protocol, its parameters in the order the SDK writes them. */
    private static Map<String, String> snsPublish() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "Publish");
        params.put("Version", "2010-03-31");
        return params;
    }

    /** The SDK's request (first) and ours (second), as WireMock received them. */
    private static void sameRequest(String service) {
        List<LoggedRequest> sent = aws.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(2);
        LoggedRequest sdk = sent.get(0);
        LoggedRequest ours = sent.get(1);
        assertThat(ours.getMethod()).isEqualTo(sdk.getMethod());
        assertThat(ours.getUrl()).isEqualTo(sdk.getUrl());
        assertThat(ours.getHeader("Content-Type")).isEqualToIgnoringCase(sdk.getHeader("Content-Type"));
        assertThat(ours.getHeader("X-Amz-Target")).isEqualTo(sdk.getHeader("X-Amz-Target"));
        assertThat(ours.getBodyAsString()).isEqualTo(sdk.getBodyAsString());
        assertThat(ours.getHeader("X-Amz-Security-Token")).isEqualTo("lambda-session-token")
                .isEqualTo(sdk.getHeader("X-Amz-Security-Token"));
        assertThat(ours.getHeader("X-Amz-Content-Sha256")).isEqualTo(sdk.getHeader("X-Amz-Content-Sha256"));
        assertThat(scope(ours)).isEqualTo(scope(sdk)).contains("/cn-north-1/" + service + "/aws4_request");
        // the same headers signed, but for the SDK's own bookkeeping (invocation id, attempt count) and SQS's
        // x-amzn-query-mode (asks for query-protocol error codes as well; the JSON error's __type is read)
        assertThat(signedHeaders(ours)).isEqualTo(signedHeaders(sdk).replaceAll("amz-sdk-[a-z-]+;", "")
                .replace(";x-amzn-query-mode", ""));
    }

    /** {@code Credential=ASIALAMBDA/20261203/cn-north-1/sns/aws4_request} of the Authorization header. */
    private static String scope(LoggedRequest r) {
        String auth = r.getHeader("Authorization");
        return auth.substring(auth.indexOf("Credential="), auth.indexOf(','));
    }

    private static String signedHeaders(LoggedRequest r) {
        String auth = r.getHeader("Authorization");
        return auth.substring(auth.indexOf("SignedHeaders=") + "SignedHeaders=".length(), auth.indexOf(", Signature="));
    }
}
