package huzhu.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.aws.AwsClients;
import huzhu.aws.CannedHttpClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

/** Where the DynamoDB client a function builds from its environment sends its requests, and how it signs them. */
class DynamoStoreEndpointTest {

    @ParameterizedTest
    @CsvSource({"cn-north-1, https://dynamodb.cn-north-1.amazonaws.com.cn/",
            "cn-northwest-1, https://dynamodb.cn-northwest-1.amazonaws.com.cn/",
            "us-east-1, https://dynamodb.us-east-1.amazonaws.com/"})
    void withoutOverride_requestsGoToTheRegionsEndpoint_signedForDynamodbThere(String region, URI endpoint) {
        // given
        RecordingHttp http = new RecordingHttp();
        DynamoStore store = DynamoStore.fromEnvironment(clients(region, http), Map.of("HUZHU_TABLE", "huzhu"));

        // when
        store.incidents().get("no-such-incident");

        // then
        SdkHttpRequest sent = http.onlyRequest();
        assertThat(sent.getUri()).isEqualTo(endpoint);
        assertThat(sent.firstMatchingHeader("Authorization")).get().asString()
                .contains("/" + region + "/dynamodb/aws4_request");
    }

    @Test
    void withAnEndpointOverride_requestsGoThere_stillSignedForTheRegion() {
        // given: the local stack or a test points the store at its own DynamoDB
        RecordingHttp http = new RecordingHttp();
        DynamoStore store = DynamoStore.fromEnvironment(clients("cn-north-1", http),
                Map.of("HUZHU_TABLE", "huzhu", "HUZHU_DYNAMODB_ENDPOINT", " http://127.0.0.1:8123 "));

        // when
        store.incidents().get("no-such-incident");

        // then
        SdkHttpRequest sent = http.onlyRequest();
        assertThat(sent.getUri()).isEqualTo(URI.create("http://127.0.0.1:8123/"));
        assertThat(sent.firstMatchingHeader("Authorization")).get().asString()
                .contains("/cn-north-1/dynamodb/aws4_request");
    }

    @Test
    void sdkSettingsForOtherEndpoints_leaveTheStoreOnItsOwn() {
        // given: settings the SDK would otherwise honour, each of which moves or breaks a client it resolves itself
        Map<String, String> elsewhere = Map.of("aws.endpointUrlDynamoDb", "http://127.0.0.1:9",
                "aws.useFipsEndpoint", "true", "aws.useDualstackEndpoint", "true",
                "aws.accountIdEndpointMode", "required", "aws.accountId", "111122223333");
        elsewhere.forEach(System::setProperty);
        try {
            RecordingHttp http = new RecordingHttp();
            DynamoStore store = DynamoStore.fromEnvironment(clients("us-east-1", http), Map.of("HUZHU_TABLE", "huzhu"));

            // when
            store.incidents().get("no-such-incident");

            // then: only HUZHU_DYNAMODB_ENDPOINT moves it
            assertThat(http.onlyRequest().getUri()).isEqualTo(URI.create("https://dynamodb.us-east-1.amazonaws.com/"));
        } finally {
            elsewhere.keySet().forEach(System::clearProperty);
        }
    }

    private static AwsClients clients(String region, SdkHttpClient http) {
        return new AwsClients(Region.of(region),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), http);
    }

    /** Records each request; answers it as DynamoDB answers a GetItem for an absent key. */
    private static final class RecordingHttp implements SdkHttpClient {
        private final List<SdkHttpRequest> requests = new ArrayList<>();
        private final SdkHttpClient answering = new CannedHttpClient(sent -> "{}");

        SdkHttpRequest onlyRequest() {
            assertThat(requests).hasSize(1);
            return requests.get(0);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.add(request.httpRequest());
            return answering.prepareRequest(request);
        }

        @Override
        public String clientName() {
            return "recording";
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
