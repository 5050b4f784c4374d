package huzhu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import huzhu.testing.FormFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for SNS and SQS on 127.0.0.1: SNS {@code Publish} (AWS query protocol, XML answer) and SQS
 * {@code SendMessage} (AWS JSON protocol, with the MD5 of the body the SDK checks); also the domestic SMS
 * providers' {@code SendSms} (Alibaba Cloud: header {@code x-acs-action}, parameters in the query; Tencent Cloud:
 * header {@code X-TC-Action}, JSON body), answered in the shape of their API references and recorded like a
 * Publish to the phone, and Secrets Manager's {@code GetSecretValue} of the ack key and of the provider account. Each answer is held back
 * by a fixed delay, as a real service's round trip would be, without holding a thread (a scheduler completes
 * the exchange). Every Publish is recorded with when it arrived and when it was answered (nanoTime), so a
 * benchmark can say when the last alert went out.
 */
public final class StandInAws implements AutoCloseable {
    /** The ack link key its Secrets Manager hands out (a bench constant, signs nothing real). */
    static final String ACK_KEY = "bench-ack-key-0123456789abcdef0123456789";
    /** The secret id of the domestic SMS account it hands out (credentials that sign nothing real). */
    static final String PROVIDER_SECRET = "huzhu-sms-provider";
    private static final String PROVIDER_ACCOUNT = "{\"accessKeyId\":\"LTAIbench\",\"accessKeySecret\":\"bench\","
            + "\"secretId\":\"AKIDbench\",\"secretKey\":\"bench\",\"sdkAppId\":\"1400000000\","
            + "\"pushTokens\":[\"bench-push-token-0123456789abcdefghij\"],\"templates\":" + templateIds() + "}";

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK server writes a response's headers and body separately: without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK hold the body back ~40 ms, which no real AWS endpoint does
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One Publish as received: to a phone number or a topic, with its text and the two moments. */
    public record Publish(String phoneNumber, String topicArn, String message, long receivedNanos, long answeredNanos) {
    }

    private final HttpServer server;
    private final ExecutorService readers;
    private final ScheduledExecutorService answers;
    private final long delayMillis;
    private final List<Publish> publishes = new ArrayList<>();
    private final AtomicLong sqsSends = new AtomicLong();
    /** The clients' ends of every connection opened to it, told apart by address and port. */
    private final java.util.Set<InetSocketAddress> clientEnds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final boolean tls;

    private StandInAws(long delayMillis, boolean tls) throws IOException {
        this.delayMillis = delayMillis;
        this.tls = tls;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls) {
            HttpsServer https = HttpsServer.create(loopback, 256);
            https.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
            this.server = https;
        } else {
            this.server = HttpServer.create(loopback, 256);
        }
        // reading a request is quick; the delay is served by the scheduler, so a few threads carry 50 parallel calls
        this.readers = Executors.newFixedThreadPool(8, daemon("stand-in-read"));
        this.answers = Executors.newScheduledThreadPool(4, daemon("stand-in-answer"));
        server.setExecutor(readers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stand-in whose every answer takes {@code delayMillis}. */
    public static StandInAws start(long delayMillis) {
        return start(delayMillis, false);
    }

    /**
     * Starts a stand-in whose every answer takes {@code delayMillis}; with {@code tls}, over HTTPS as every AWS and
     * SMS provider endpoint is, on a certificate made for this run that this JVM is told to trust (the
     * {@code javax.net.ssl.trustStore} properties, set before this JVM's first TLS connection), so that a benchmark
     * pays each new connection's handshake as a function does.
     */
    public static StandInAws start(long delayMillis, boolean tls) {
        try {
            return new StandInAws(delayMillis, tls);
        } catch (IOException e) {
            throw new IllegalStateException("stand-in could not listen on 127.0.0.1", e);
        }
    }

    public URI endpoint() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * How many connections clients have opened to it so far (each a handshake over TLS), told apart by the client's
     * address and port.
     */
    public long connectionsOpened() {
        return clientEnds.size();
    }

    /** A key pair and certificate for 127.0.0.1 made with the JDK's keytool, trusted by this JVM from now on. */
    private static SSLContext selfSigned() throws IOException {
        Path dir = Files.createTempDirectory("stand-in-tls");
        Path keys = dir.resolve("stand-in.p12");
        Path cert = dir.resolve("stand-in.cer");
        Path trust = dir.resolve("trust.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "stand-in", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keys.toString(), "-storepass", "stand-in", "-keypass", "stand-in");
        run(keytool, "-exportcert", "-alias", "stand-in", "-keystore", keys.toString(), "-storepass", "stand-in",
                "-file", cert.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "stand-in", "-file", cert.toString(), "-storetype",
                "PKCS12", "-keystore", trust.toString(), "-storepass", "stand-in");
        System.setProperty("javax.net.ssl.trustStore", trust.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "stand-in");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "stand-in".toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, "stand-in".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the stand-in's TLS key could not be loaded", e);
        }
    }

    private static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + " failed: " + said);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A queue URL on this stand-in (SQS takes the queue from the request, any path will do). */
    public String queueUrl() {
        return endpoint() + "/123456789012/huzhu-escalation";
    }

    public synchronized List<Publish> publishes() {
        return List.copyOf(publishes);
    }

    public synchronized void clear() {
        publishes.clear();
    }

    public long sqsSends() {
        return sqsSends.get();
    }

    @Override
    public void close() {
        server.stop(0);
        readers.shutdownNow();
        answers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        clientEnds.add(exchange.getRemoteAddress());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        byte[] answer;
        String contentType;
        Map<String, String> form = null;
        String aliyun = exchange.getRequestHeaders().getFirst("x-acs-action");
        String tencent = exchange.getRequestHeaders().getFirst("X-TC-Action");
        if ("SendSms".equals(aliyun) || "SendSms".equals(tencent)) {
            String to = "SendSms".equals(aliyun)
                    ? "+86" + FormFields.parse(exchange.getRequestURI().getRawQuery()).get("PhoneNumbers")
                    : JSON.readTree(body).path("PhoneNumberSet").path(0).asText();
            byte[] sent = "SendSms".equals(aliyun)
                    ? ("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"" + Math.abs(UUID.randomUUID().getMostSignificantBits())
                            + "\",\"RequestId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8)
                    : ("{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"5000:" + UUID.randomUUID() + "\",\"PhoneNumber\":\""
                            + to + "\",\"Fee\":1,\"SessionContext\":\"\",\"Code\":\"Ok\",\"Message\":\"send success\","
                            + "\"IsoCode\":\"CN\"}],\"RequestId\":\"" + UUID.randomUUID() + "\"}}").getBytes(StandardCharsets.UTF_8);
            answers.schedule(() -> {
                try {
                    record(new Publish(to, null, "SendSms", received, System.nanoTime()));
                    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
                    exchange.sendResponseHeaders(200, sent.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(sent);
                    }
                } catch (IOException e) {
                    exchange.close();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
            return;
        }
        if (target != null && target.startsWith("AmazonSQS.")) {
            answer = sqsAnswer(target, body);
            contentType = "application/x-amz-json-1.0";
            sqsSends.incrementAndGet();
        } else if ("secretsmanager.GetSecretValue".equals(target) && JSON.readTree(body).path("SecretId").asText()
                .equals(PROVIDER_SECRET)) {
            answer = JSON.writeValueAsBytes(Map.of("ARN", "arn:aws:secretsmanager:" + BenchAws.REGION
                    + ":123456789012:secret:" + PROVIDER_SECRET, "Name", PROVIDER_SECRET, "SecretString", PROVIDER_ACCOUNT,
                    "VersionId", "v1"));
            contentType = "application/x-amz-json-1.1";
        } else if ("secretsmanager.GetSecretValue".equals(target)) {
            // the ack link key and the edge secret, each read once at init (one constant: nothing here must stay secret)
            answer = ("{\"ARN\":\"arn:aws:secretsmanager:" + BenchAws.REGION + ":123456789012:secret:huzhu-ack-key\","
                    + "\"Name\":\"huzhu-ack-key\",\"SecretString\":\"" + ACK_KEY + "\","
                    + "\"VersionId\":\"v1\",\"CreatedDate\":1.7E9}").getBytes(StandardCharsets.UTF_8);
            contentType = "application/x-amz-json-1.1";
        } else {
            form = FormFields.parse(new String(body, StandardCharsets.UTF_8));
            answer = snsAnswer(form);
            contentType = "text/xml";
        }
        Map<String, String> request = form;
        answers.schedule(() -> {
            try {
                // recorded before the answer leaves, so a caller that got its answer finds its Publish here
                if (request != null && "Publish".equals(request.get("Action"))) {
                    record(new Publish(request.get("PhoneNumber"), request.get("TopicArn"), request.get("Message"),
                            received, System.nanoTime()));
                }
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (IOException e) {
                exchange.close();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void record(Publish p) {
        publishes.add(p);
    }

    private static byte[] snsAnswer(Map<String, String> form) {
        String action = form.getOrDefault("Action", "");
        String xmlns = "http://sns.amazonaws.com/doc/2010-03-31/";
        String xml = switch (action) {
            case "Publish" -> "<PublishResponse xmlns=\"" + xmlns + "\"><PublishResult><MessageId>"
                    + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata><RequestId>"
                    + UUID.randomUUID() + "</RequestId></ResponseMetadata></PublishResponse>";
            default -> "<" + action + "Response xmlns=\"" + xmlns + "\"><" + action + "Result/><ResponseMetadata>"
                    + "<RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>";
        };
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sqsAnswer(String target, byte[] body) throws IOException {
        if (!target.endsWith(".SendMessage")) return "{}".getBytes(StandardCharsets.UTF_8);
        JsonNode request = JSON.readTree(body);
        String message = request.path("MessageBody").asText("");
        String answer = "{\"MessageId\":\"" + UUID.randomUUID() + "\",\"MD5OfMessageBody\":\"" + md5(message) + "\"}";
        return answer.getBytes(StandardCharsets.UTF_8);
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every template a domestic provider sends, under its own name (the stand-in takes any id). */
    private static String templateIds() {
        StringBuilder sb = new StringBuilder("{");
        for (huzhu.core.sms.SmsTemplate t : huzhu.core.sms.SmsCatalogue.all()) {
            if (t.hasLink()) continue;
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(t.name()).append("\":{\"zh-CN\":\"").append(t.name()).append(".zh-CN\",\"en\":\"")
                    .append(t.name()).append(".en\"}");
        }
        return sb.append('}').toString();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
