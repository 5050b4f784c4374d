package huzhu.testing;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ — a real SQS API (JSON and query protocols, {@code DelaySeconds}, visibility timeouts,
 * redrive) — running inside the test JVM on a free loopback port. Use {@link #shared()} for one per JVM,
 * or {@link #start()} in try-with-resources. The caller's module must depend on
 * {@code org.elasticmq:elasticmq-rest-sqs_2.13} itself (it is optional here).
 */
public final class ElasticMq implements AutoCloseable {
    private static ElasticMq shared;

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** The JVM's one ElasticMQ, started on first use and stopped when the JVM exits. */
    public static synchronized ElasticMq shared() {
        if (shared == null) {
            shared = start();
            ElasticMq s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "elasticmq-stop"));
        }
        return shared;
    }

    public static ElasticMq start() {
        SQSRestServer server = SQSRestServerBuilder.withPort(0).withInterface("127.0.0.1").start();
        var binding = server.waitUntilStarted();
        return new ElasticMq(server, binding.localAddress().getPort());
    }

    /** {@code http://127.0.0.1:<port>}: the SDK's endpoint override; queue URLs live under it. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
