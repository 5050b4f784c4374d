package huzhu.testing.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTTP/1.1 client for load on this machine only: each request on its own connection from a chosen loopback
 * source address (127.0.0.2, 127.0.0.3, …), so a server that reads the peer's address (the local stack's
 * {@code sourceIp}, as API Gateway's) sees many senders. The JDK's HttpClient cannot bind a local address.
 * Connects only to 127.0.0.1.
 */
public final class LoopbackClient {
    /** A response: status, lower-cased headers, body as UTF-8. */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    private final int port;
    private final int timeoutMillis;

    public LoopbackClient(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** {@code n}-th source address: 127.0.0.2 for 0, … 127.0.0.255, then 127.0.1.2 … (never 127.0.0.1, the server's). */
    public static InetAddress sourceAddress(int block, int n) {
        int host = 2 + n % 254;
        int third = block + n / 254;
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) third, (byte) host});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply get(InetAddress from, String path, Map<String, String> headers) {
        return send(from, "GET", path, null, headers);
    }

    public Reply post(InetAddress from, String path, String json, Map<String, String> headers) {
        return send(from, "POST", path, json, headers);
    }

    public Reply put(InetAddress from, String path, String json, Map<String, String> headers) {
        return send(from, "PUT", path, json, headers);
    }

    /** One request on its own connection; an I/O failure (refused, reset, timeout) throws. */
    public Reply send(InetAddress from, String method, String path, String json, Map<String, String> headers) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("User-Agent: huzhu-bad-night/1\r\n")
                .append("Connection: close\r\n");
        if (json != null || !method.equals("GET")) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path.replaceAll("/v1/(triggers|acks)/[^/?]+", "/v1/$1/…")
                    + " from " + from.getHostAddress() + ": " + e.getMessage(), e);
        }
    }

    private static Reply parse(byte[] raw) throws IOException {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
        if (end < 0) throw new IOException("no complete response head (" + raw.length + " bytes)");
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'});
            if (lineEnd < 0) throw new IOException("a chunk size line is cut");
            String size = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int n = Integer.parseInt(size, 16);
            at += lineEnd + 2;
            if (n == 0) break;
            out.write(chunked, at, n);
            at += n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
