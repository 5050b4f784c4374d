package huzhu.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One AWS API called as its SDK client calls it, without the client: a POST to the service's regional endpoint,
 * signed (SigV4, session token included) by the SDK's own signer and sent on the function's HTTP client — both
 * already loaded for DynamoDB. SNS, SQS and Secrets Manager each take one or two calls per function; their SDK
 * clients cost a cold start about 700 classes (service models, XML parser, query protocol) for that.
 * <p>
 * A reply outside 2xx, or none, throws {@link Failure} with the service's error code; the caller decides what
 * a failure means (retry, 503, permanent).
 */
public final class AwsApi {
    /** AWS JSON 1.0 (SQS), 1.1 (Secrets Manager). */
    public static final String JSON_1_0 = "application/x-amz-json-1.0";
    public static final String JSON_1_1 = "application/x-amz-json-1.1";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    /** A call that failed: the HTTP status (0: no answer) and the service's error code, when it sent one. */
    public static final class Failure extends RuntimeException {
        private final int status;
        private final String code;

        public Failure(int status, String code, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        /** e.g. {@code Throttled}, {@code QueueDoesNotExist}; null when the service sent none. */
        public String code() {
            return code;
        }
    }

    private final AwsClients clients;
    private final String service;
    private final URI endpoint;
    private final SdkHttpClient http;
    private final Clock clock;

    /**
     * @param service          the signing name and endpoint prefix: {@code sns}, {@code sqs}, {@code secretsmanager}
     * @param endpointOverride null for the region's endpoint
     * @param http             the HTTP client (its timeouts are the call's)
     */
    public AwsApi(AwsClients clients, String service, URI endpointOverride, SdkHttpClient http) {
        this(clients, service, endpointOverride, http, Clock.systemUTC());
    }

    AwsApi(AwsClients clients, String service, URI endpointOverride, SdkHttpClient http, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.service = Objects.requireNonNull(service, "service");
        this.endpoint = clients.endpoint(service, endpointOverride);
        this.http = Objects.requireNonNull(http, "http");
        this.clock = clock;
    }

    /** An AWS query protocol call (SNS): the parameters form-encoded in order, as the SDK encodes them; the reply's XML. */
    public String query(Map<String, String> parameters) {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (form.length() > 0) form.append('&');
            form.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return post(FORM, null, form.toString(), AwsApi::xmlErrorCode);
    }

    /** An AWS JSON protocol call: {@code X-Amz-Target} names the operation; the reply's JSON as text. */
    public String json(String contentType, String target, String body) {
        return post(contentType, target, body, AwsApi::jsonErrorCode);
    }

    private interface ErrorCode {
        String of(String body);
    }

    private String post(String contentType, String target, String body, ErrorCode errorCode) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath())
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", Integer.toString(bytes.length));
        if (target != null) request.putHeader("X-Amz-Target", target);
        SignedRequest signed = sign(request.build(), bytes);
        int status = 0;
        String reply;
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            status = response.httpResponse().statusCode();
            reply = text(response);
        } catch (IOException | RuntimeException e) {
            throw new Failure(status, null, service + " " + (target == null ? "call" : target) + ": no answer ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (status / 100 != 2) {
            String code = errorCode.of(reply);
            throw new Failure(status, code, service + " answered HTTP " + status + (code == null ? "" : " " + code), null);
        }
        return reply;
    }

    /** Signed as the SDK's client signs: SigV4 on the service's name and the region, at the clock's time. */
    SignedRequest sign(SdkHttpRequest request, byte[] body) {
        AwsCredentialsIdentity credentials = clients.credentials().resolveCredentials();
        return SIGNER.sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, clients.region().id())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    }

    private static String text(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) return "";
        try (InputStream in = response.responseBody().get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code <Code>Throttled</Code>} of a query protocol {@code ErrorResponse}. */
    static String xmlErrorCode(String body) {
        return between(body, "<Code>", "</Code>");
    }

    /** {@code "__type":"com.amazonaws.sqs#QueueDoesNotExist"} (or {@code "code"}) of a JSON protocol error. */
    static String jsonErrorCode(String body) {
        Object type = null;
        try {
            Map<String, Object> json = huzhu.core.kernel.JsonText.object(huzhu.core.kernel.JsonText.parse(body));
            if (json != null) type = json.containsKey("__type") ? json.get("__type") : json.get("code");
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (!(type instanceof String s)) return null;
        int hash = s.lastIndexOf('#');
        String code = hash < 0 ? s : s.substring(hash + 1);
        int colon = code.indexOf(':');
        return colon < 0 ? code : code.substring(0, colon);
    }

    /** The text between the first {@code open} and the next {@code close}, XML entities decoded; null if absent. */
    public static String between(String text, String open, String close) {
        if (text == null) return null;
        int start = text.indexOf(open);
        if (start < 0) return null;
        start += open.length();
        int end = text.indexOf(close, start);
        if (end < 0) return null;
        return text.substring(start, end).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }
}
