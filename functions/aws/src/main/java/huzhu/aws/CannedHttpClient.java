package huzhu.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that answers every request with one fixed 200 body and never touches the network: priming
 * runs an SDK client's whole pipeline (marshalling, signing, interceptors, unmarshalling) on it for calls
 * that have no harmless real counterpart (SNS Publish, SQS SendMessage). The request body is handed to
 * {@code answer} so an answer can echo what the SDK checks (SQS's MD5 of the body). Tests use it as a stand-in too.
 */
public final class CannedHttpClient implements SdkHttpClient {
    public interface Answer {
        String body(String requestBody);
    }

    private final Answer answer;

    public CannedHttpClient(Answer answer) {
        this.answer = answer;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws java.io.IOException {
                String sent = "";
                if (request.contentStreamProvider().isPresent()) {
                    try (var in = request.contentStreamProvider().get().newStream()) {
                        sent = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
                byte[] body = answer.body(sent).getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Length", Integer.toString(body.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    @Override
    public String clientName() {
        return "huzhu-canned";
    }

    @Override
    public void close() {
        // nothing held
    }
}
