package huzhu.robots;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link WebhookTransport} over the JDK's {@link HttpURLConnection}: the Lambda functions already load it for
 * the AWS SDK's URL-connection client, so the robots add no HTTP classes and no thread of their own to a cold
 * start. Short timeouts: a robot that does not answer in seconds is a transient failure, not a wait.
 */
public final class UrlConnectionTransport implements WebhookTransport {
    /** Connect within 2 s, answer within 5 s. */
    public static final UrlConnectionTransport DEFAULT =
            new UrlConnectionTransport(Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** Vendor replies are a few hundred bytes; anything longer is cut, never buffered whole. */
    private static final int MAX_REPLY_BYTES = 16 * 1024;

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public UrlConnectionTransport(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    public Reply postJson(URI uri, byte[] json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(connectTimeoutMillis);
        connection.setReadTimeout(readTimeoutMillis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
        connection.setFixedLengthStreamingMode(json.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(json);
        }
        // the status first: getInputStream() on a 4xx/5xx throws an IOException that names the whole URL,
        // and the URL carries the robot's key or token
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        return new Reply(status, in == null ? "" : read(in));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            byte[] buffer = new byte[1024];
            int n;
            while (out.size() < MAX_REPLY_BYTES && (n = in.read(buffer)) != -1) {
                out.write(buffer, 0, Math.min(n, MAX_REPLY_BYTES - out.size()));
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
