package huzhu.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import huzhu.aws.AwsClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * A level's alerts go out in parallel, one connection each; the connections come back to the JDK's keep-alive
 * cache, which keeps only {@code http.maxConnections} of them per host (5 unless told). Each one closed is a TCP
 * and TLS handshake the next level's or the next incident's send pays before its request. Checked in a JVM of its
 * own, started as a function starts (the cache reads its size once, at its first use in the JVM).
 */
class FanOutConnectionsIT {

    @Test
    void theSecondLevelsParallelSends_findEveryConnectionTheFirstLevelOpened_keptAlive() throws Exception {
        // given: a function's JVM, its clients built at init as Production builds them
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();

        // when: it sends a whole level in parallel, twice
        String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(said).isZero();

        // then: the first level opened one connection per send, the second opened none
        String last = said.lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).as(said).isEqualTo("opened " + SnsMessenger.POOL_SIZE + " then 0");
    }

    /** The function's side: init, then two levels of parallel sends to one host; prints the connections each opened. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            AwsClients clients = AwsClients.fromEnvironment();
            Set<InetSocketAddress> clientEnds = ConcurrentHashMap.newKeySet();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(SnsMessenger.POOL_SIZE * 2));
            // each answer waits until every send of the level is in flight, as a level's sends are against SNS
            CyclicBarrier allInFlight = new CyclicBarrier(SnsMessenger.POOL_SIZE);
            server.createContext("/", exchange -> {
                clientEnds.add(exchange.getRemoteAddress());
                exchange.getRequestBody().readAllBytes();
                try {
                    allInFlight.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (BrokenBarrierException | TimeoutException e) {
                    // fewer sends at once than a level has: the connections counted say so
                }
                byte[] ok = "<PublishResponse/>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ok);
                }
            });
            server.start();
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            ExecutorService senders = Executors.newFixedThreadPool(SnsMessenger.POOL_SIZE);
            try {
                level(clients.http(), endpoint, senders);
                int first = clientEnds.size();
                level(clients.http(), endpoint, senders);
                System.out.println("opened " + first + " then " + (clientEnds.size() - first));
            } finally {
                senders.shutdownNow();
                server.stop(0);
            }
            System.exit(0);
        }

        private static void level(SdkHttpClient http, URI endpoint, ExecutorService senders) throws Exception {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < SnsMessenger.POOL_SIZE; i++) {
                sends.add(senders.submit(() -> {
                    SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                            .putHeader("Content-Type", "application/x-www-form-urlencoded")
                            .contentStreamProvider(() -> new java.io.ByteArrayInputStream(
                                    "Action=Publish".getBytes(StandardCharsets.UTF_8)))
                            .build();
                    HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(request)
                            .contentStreamProvider(request.contentStreamProvider().orElseThrow()).build()).call();
                    try (InputStream body = response.responseBody().orElseThrow()) {
                        body.readAllBytes(); // read to the end, so the connection goes back to the cache
                    }
                    return null;
                }));
            }
            for (Future<?> s : sends) s.get(30, TimeUnit.SECONDS);
        }
    }
}
