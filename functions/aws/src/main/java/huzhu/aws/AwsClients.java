package huzhu.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every SDK client of a function shares, built once at init: the region and credentials from
 * Lambda's environment (no provider chain lookups), one URLConnection HTTP client (smallest jar,
 * fastest cold start for the few calls a function makes), and an endpoint override for tests and the
 * local stack.
 */
public record AwsClients(Region region, AwsCredentialsProvider credentials, SdkHttpClient http) {
    /**
     * Connections to one host the JDK keeps alive for the next call (for 5 s idle, its default). A level's alerts go
     * out in parallel (up to 22 sends to SNS or to the domestic provider) and the JDK keeps 5 unless told: the other
     * 17 would close at once, and the sends of the next seconds (the next family's call on a bad night, the texts
     * that follow an accept) would each pay a TCP and TLS handshake before the request. 32 also holds the alert
     * path's parallel DynamoDB reads. Read by the JDK once, at its first kept connection, so it is set when the
     * clients are first built, at init; a value given on the command line wins.
     */
    static final int KEPT_CONNECTIONS_PER_HOST = 32;

    static {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", String.valueOf(KEPT_CONNECTIONS_PER_HOST));
        }
    }

    public static AwsClients fromEnvironment() {
        String region = System.getenv().getOrDefault("AWS_REGION", "cn-north-1");
        return new AwsClients(Region.of(region), EnvironmentVariableCredentialsProvider.create(),
                UrlConnectionHttpClient.builder().build());
    }

    /**
     * Where a service is called: {@code override} when one is given (tests, the local stack, benchmarks), else the
     * service's regional endpoint, {@code amazonaws.com.cn} in the China regions and {@code amazonaws.com} elsewhere.
     */
    public URI endpoint(String service, URI override) {
        if (override != null) return override;
        String id = region.id();
        return URI.create("https://" + service + "." + id + ".amazonaws.com" + (id.startsWith("cn-") ? ".cn" : ""));
    }

    /**
     * An HTTP client like the shared one whose connect and read each give up after {@code timeout} (a call that
     * must not hold the alert path); a stand-in client (tests, priming) is used as it is.
     */
    public SdkHttpClient http(Duration timeout) {
        if (!(http instanceof UrlConnectionHttpClient)) return http;
        return UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build();
    }

    /**
     * Applies region, credentials, HTTP client and, when non-null, an endpoint override to a client builder.
     * Dual-stack and FIPS endpoints off and the legacy defaults mode are the SDK's own defaults, said here because
     * a client left to find them looks each up in system properties, environment and profile file when it is
     * built: about 15 classes more on a function's cold start, for settings this deployment never makes. The
     * client's first call builds its request alone ({@link FirstCallAlone}).
     */
    public <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, URI endpointOverride) {
        builder.region(region).credentialsProvider(credentials).httpClient(http)
                .dualstackEnabled(false).fipsEnabled(false).defaultsMode(DefaultsMode.LEGACY)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new FirstCallAlone(Duration.ofSeconds(1))).build());
        if (endpointOverride != null) builder.endpointOverride(endpointOverride);
        return builder;
    }
}
