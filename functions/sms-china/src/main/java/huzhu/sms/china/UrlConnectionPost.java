package huzhu.sms.china;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POST with the JDK's {@link HttpURLConnection}: the client the functions already load for the AWS SDK, so
 * the providers add no HTTP stack of their own. Keep-alive comes from the JDK's connection cache.
 * The {@code Host} header is the URI's authority (the JDK sets it; signers sign the same value).
 */
public final class UrlConnectionPost implements HttpPost {
    /** The provider answers in well under a second; Alibaba asks for at least one second of timeout. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_REPLY_BYTES = 1 << 20;

    private final Duration connectTimeout;
    private final Duration readTimeout;

    public UrlConnectionPost() {
        this(CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    public UrlConnectionPost(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public Reply post(URI uri, Map<String, String> headers, byte[] body) throws IOException {
        // no disconnect() at the end: that would close the socket instead of returning it to the keep-alive cache
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setConnectTimeout((int) connectTimeout.toMillis());
        c.setReadTimeout((int) readTimeout.toMillis());
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (!h.getKey().equalsIgnoreCase("host")) c.setRequestProperty(h.getKey(), h.getValue());
        }
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        return new Reply(status, in == null ? "" : read(in));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_REPLY_BYTES) throw new IOException("reply over " + MAX_REPLY_BYTES + " bytes");
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
