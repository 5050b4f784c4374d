package huzhu.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import huzhu.core.error.DependencyFailure;
import huzhu.core.kernel.DaemonThreads;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.Messages;
import huzhu.core.log.JsonLog;
import huzhu.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local stack's front door on 127.0.0.1: what API Gateway does for the deployed stack (routing,
 * the JWT authorizer, the 64 KiB body limit, payload 2.0 events to the functions) plus the local-only
 * routes of CONTRACT §6. Answers it gives itself use the contract's error body. Logs one JSON line per
 * request with the route template, never the concrete path (tokens) or query (phone numbers).
 */
public final class LocalServer implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int THREADS = 4;
    private static final int MAX_SMS_CHARS = 1600;
    /** How much of a refused (too large) body is read and dropped so that the 413 reaches the client. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    static {
        // The JDK's server writes an answer's headers and its body apart; with Nagle's algorithm on, the client's
        // delayed ACK held every answer back ~40 ms (BENCHMARKS.md). The JDK reads this once, at its first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final LocalConfig config;
    private final LocalRoutes routes;
    private final LocalFunctions functions;
    private final OutboxMessenger outbox;
    private final LocalGroups groups;
    private final Clock clock;
    private final Ids ids;
    private final LocalAws aws;
    private final JwtAuthorizer authorizer;
    private final ApiGatewayEvents apiGateway;
    private final SnsEvents sns;
    private final EscalationCheck escalation;
    private final ExecutorService executor;
    private final AtomicInteger inFlight = new AtomicInteger();
    private HttpServer server;
    /** The Host values that name this server: 127.0.0.1 and localhost, with the bound port. */
    private volatile List<String> thisMachine = List.of();

    private volatile boolean ready;

    public LocalServer(LocalConfig config, LocalFunctions functions, OutboxMessenger outbox, Clock clock, Ids ids) {
        this(config, functions, outbox, new LocalGroups(clock, null), clock, ids);
    }

    /** {@code groups}: the union's group chats, whose posts {@code GET /local/group/posts} lists. */
    public LocalServer(LocalConfig config, LocalFunctions functions, OutboxMessenger outbox, LocalGroups groups,
            Clock clock, Ids ids) {
        this.config = config;
        this.groups = groups;
        this.routes = LocalRoutes.DEFAULT;
        this.functions = functions;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
        this.aws = config.aws();
        this.authorizer = new JwtAuthorizer(config);
        this.apiGateway = new ApiGatewayEvents(aws, clock, ids);
        this.sns = new SnsEvents(aws, ids);
        this.escalation = new EscalationCheck(functions.escalation(), aws, clock, ids);
        this.executor = Executors.newFixedThreadPool(THREADS, DaemonThreads.numbered("huzhu-http-"));
    }

    /** Binds 127.0.0.1:HUZHU_PORT and starts serving; fails with a bilingual message if the port is taken. */
    public synchronized void start() {
        if (server != null) throw new IllegalStateException("already started");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port()), 64);
        } catch (BindException e) {
            throw new UncheckedIOException(LocalText.bilingual("server.portInUse", Map.of("port", config.port())), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int bound = server.getAddress().getPort();
        thisMachine = List.of("127.0.0.1:" + bound, "localhost:" + bound);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        JsonLog.info("start", Map.of("port", port()));
    }

    /**
     * From now on {@code /local/health} answers 200. The server takes requests as soon as it is bound, but
     * the stack is ready only once it says so (demo loaded, pending deadlines re-armed): a script that polls
     * the health route must not send the demo father's SMS into a directory still being filled.
     */
    public void ready() {
        ready = true;
    }

    /** The bound port (the real one when HUZHU_PORT is 0). */
    public synchronized int port() {
        if (server == null) throw new IllegalStateException("not started");
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Lets requests under way finish (up to two seconds), then stops. {@code HttpServer.stop(delay)} alone
     * would wait out the whole delay whenever a client keeps an idle connection open.
     */
    @Override
    public synchronized void close() {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String routeKey = null;
        int status = 500;
        try {
            LocalRoutes.Lookup lookup = routes.find(method, exchange.getRequestURI().getPath());
            String refusal = foreign(exchange);
            if (refusal != null) {
                status = localError(exchange, 403, "forbidden", refusal);
            } else if (lookup instanceof LocalRoutes.Found found) {
                routeKey = found.match().route().routeKey();
                status = dispatch(exchange, found.match());
            } else if (lookup instanceof LocalRoutes.MethodNotAllowed notAllowed) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", notAllowed.allowed()));
                status = error(exchange, 405, "method_not_allowed", "error.methodNotAllowed");
            } else {
                status = error(exchange, 404, "not_found", "error.notFound.route");
            }
        } catch (IOException e) {
            status = 499; // the client went away; nothing left to answer
        } catch (RuntimeException e) {
            JsonLog.error("http", e, Map.of("method", method, "route", String.valueOf(routeKey)));
            status = internal(exchange);
        } finally {
            exchange.close();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("method", method);
            line.put("route", routeKey);
            line.put("status", status);
            line.put("ms", (System.nanoTime() - started) / 1_000_000L);
            JsonLog.info("http", line);
            inFlight.decrementAndGet();
        }
    }

    private int dispatch(HttpExchange exchange, LocalRoutes.Match match) throws IOException {
        LocalRoutes.Route route = match.route();
        Authorizer jwt = null;
        if (route.auth() == LocalRoutes.Auth.JWT) {
            Optional<JwtAuthorizer.Principal> principal =
                    authorizer.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (principal.isEmpty()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                return error(exchange, 401, "unauthorized", "error.unauthorized");
            }
            jwt = authorizer.authorizer(principal.get(), clock.instant());
        }
        byte[] body = readBody(exchange);
        if (body == null) return error(exchange, 413, "too_large", "error.tooLarge");
        if (!route.target().isFunction() && "POST".equals(exchange.getRequestMethod()) && !isJson(exchange)) {
            return localError(exchange, 415, "unsupported_media_type", "server.jsonOnly");
        }

        return switch (route.target()) {
            case TRIGGER, ACK, CONSOLE_API, PROVIDER_PUSH -> function(exchange, match, body, jwt);
            case LOCAL_SMS_INBOUND -> smsInbound(exchange, body);
            case LOCAL_SMS_OUTBOX -> outbox(exchange);
            case LOCAL_GROUP_POSTS -> json(exchange, 200, Map.of("items",
                    groups.posts(queryParameter(exchange.getRequestURI().getRawQuery(), "robot"))));
            case LOCAL_ESCALATION_RUN -> escalationRun(exchange);
            case LOCAL_HEALTH -> ready
                    ? json(exchange, 200, Map.of("status", "ok"))
                    : json(exchange, 503, Map.of("status", "starting"));
        };
    }

    /**
     * Why a request may not reach the stack, as a text key, or null. Only requests addressed to this machine by
     * name and port (a page on another site whose name was made to resolve to 127.0.0.1, DNS rebinding, still
     * sends its own name as Host), and from no page or from this machine's own pages (a browser names the page's
     * origin on every request that can change something).
     */
    private String foreign(HttpExchange exchange) {
        List<String> hosts = exchange.getRequestHeaders().get("Host");
        if (hosts == null || hosts.size() != 1 || !thisMachine.contains(hosts.get(0).toLowerCase(Locale.ROOT))) {
            return "server.foreignHost";
        }
        List<String> origins = exchange.getRequestHeaders().get("Origin");
        if (origins == null) return null;
        String sameOrigin = "http://" + hosts.get(0).toLowerCase(Locale.ROOT);
        for (String origin : origins) {
            if (!origin.toLowerCase(Locale.ROOT).equals(sameOrigin)) return "server.foreignOrigin";
        }
        return null;
    }

    /** {@code application/json}, with or without parameters such as a charset. */
    private static boolean isJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null) return false;
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().equalsIgnoreCase("application/json");
    }

    private int function(HttpExchange exchange, LocalRoutes.Match match, byte[] body, Authorizer jwt)
            throws IOException {
        APIGatewayV2HTTPEvent event = apiGateway.request(exchange, body, match, jwt);
        LocalRoutes.Target target = match.route().target();
        APIGatewayV2HTTPResponse response;
        try {
            response = functions.http(target).handleRequest(event, context(target.function()));
            apiGateway.respond(exchange, response);
        } catch (RuntimeException e) {
            // API Gateway answers 500 when the function fails or returns what it cannot use
            JsonLog.error("function", e, Map.of("function", target.function(), "route", match.route().routeKey()));
            return internal(exchange);
        }
        return response.getStatusCode();
    }

    private int smsInbound(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) return error(exchange, 400, "malformed_json", "error.malformedJson");

        Map<String, String> invalid = new LinkedHashMap<>();
        String from = phone(json, "from", true, invalid);
        String to = phone(json, "to", false, invalid);
        String text = string(json, "body", true, invalid);
        if (text != null && text.length() > MAX_SMS_CHARS) invalid.put("body", "invalid.tooLong");
        String previous = string(json, "previousPublishedMessageId", false, invalid);
        if (!invalid.isEmpty()) return invalid(exchange, invalid);

        InboundSms sms = new InboundSms(from, to == null ? SnsEvents.DEFAULT_DESTINATION : to, sns.defaultKeyword(),
                text, ids.newId(), previous);
        SNSEvent event = sns.twoWaySms(sms, clock.instant());
        try {
            functions.smsInbound().handleRequest(event, context("sms-inbound"));
        } catch (DependencyFailure e) {
            JsonLog.error("function", e, Map.of("function", "sms-inbound"));
            return error(exchange, 503, "unavailable", "error.unavailable");
        }
        return json(exchange, 202, Map.of("inboundMessageId", sms.inboundMessageId()));
    }

    /** {@code ?to=} only those sent to one phone; {@code ?offset=n} leaves out the first n (a reader following it). */
    private int outbox(HttpExchange exchange) throws IOException {
        String to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
        String offset = queryParameter(exchange.getRequestURI().getRawQuery(), "offset");
        int skip = 0;
        if (offset != null && !offset.isBlank()) {
            try {
                skip = Integer.parseInt(offset.strip());
            } catch (NumberFormatException e) {
                skip = -1;
            }
            if (skip < 0) return invalid(exchange, Map.of("offset", "invalid.range"));
        }
        List<OutboxEntry> items;
        if (to == null || to.isBlank()) {
            items = outbox.sent();
        } else {
            Optional<String> e164 = Phones.normalise(to);
            if (e164.isEmpty()) return invalid(exchange, Map.of("to", "invalid.phone"));
            items = outbox.sentTo(e164.get());
        }
        return json(exchange, 200, Map.of("items", items.subList(Math.min(skip, items.size()), items.size())));
    }

    private int escalationRun(HttpExchange exchange) throws IOException {
        try {
            return json(exchange, 200, Map.of("escalated", escalation.runNow()));
        } catch (DependencyFailure e) {
            JsonLog.error("function", e, Map.of("function", EscalationCheck.FUNCTION));
            return error(exchange, 503, "unavailable", "error.unavailable");
        }
    }

    private LocalContext context(String function) {
        return new LocalContext(aws, function, ids.newId());
    }

    /**
     * @return the body, or null when it is over {@link #MAX_BODY_BYTES}. A refused body is still read (up to
     *         {@link #DRAIN_LIMIT}) and dropped: the JDK server drains only 64 KiB of an unread body when the
     *         exchange closes, then closes the connection with the rest unread, and the reset that follows
     *         can swallow the 413 before the client has read it.
     */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean tooLarge = false;
        if (declared != null) {
            try {
                tooLarge = Long.parseLong(declared.strip()) > MAX_BODY_BYTES;
            } catch (NumberFormatException e) {
                // the read below still enforces the limit
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            if (!tooLarge) {
                byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length <= MAX_BODY_BYTES) return body;
            }
            drain(in);
            return null;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = DRAIN_LIMIT;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) left -= n;
    }

    private static String phone(JsonNode json, String field, boolean required, Map<String, String> invalid) {
        String value = string(json, field, required, invalid);
        if (value == null) return null;
        Optional<String> e164 = Phones.normalise(value);
        if (e164.isEmpty()) invalid.put(field, "invalid.phone");
        return e164.orElse(null);
    }

    private static String string(JsonNode json, String field, boolean required, Map<String, String> invalid) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            if (required) invalid.put(field, "invalid.required");
            return null;
        }
        if (!node.isTextual()) {
            invalid.put(field, "invalid.type");
            return null;
        }
        return node.asText();
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) return null;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return pair.substring(eq + 1);
                }
            }
        }
        return null;
    }

    private static int json(HttpExchange exchange, int status, Object body) throws IOException {
        Replies.json(exchange, status, body);
        return status;
    }

    private static int error(HttpExchange exchange, int status, String code, String messageKey) throws IOException {
        Replies.error(exchange, status, code, Messages.bilingual(messageKey, Map.of()), Map.of());
        return status;
    }

    /** An answer of the local stack itself, in its own words (LocalText), zh-CN then English. */
    private int localError(HttpExchange exchange, int status, String code, String textKey) throws IOException {
        Replies.error(exchange, status, code, LocalText.bilingual(textKey, Map.of("port", port())), Map.of());
        return status;
    }

    /** 422 with each field's message, zh-CN then English. */
    private static int invalid(HttpExchange exchange, Map<String, String> fieldKeys) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fieldKeys.forEach((field, key) -> fields.put(field, Messages.bilingual(key, Map.of())));
        Replies.error(exchange, 422, "invalid", Messages.bilingual("error.invalid", Map.of()), fields);
        return 422;
    }

    /** A 500 in the contract's shape, unless the response had already begun (then the client sees a cut). */
    private static int internal(HttpExchange exchange) {
        try {
            if (exchange.getResponseCode() == -1) {
                exchange.getResponseHeaders().clear();
                Replies.error(exchange, 500, "internal", LocalText.bilingual("error.internal", Map.of()), Map.of());
            }
        } catch (IOException e) {
            // the client went away
        }
        return 500;
    }
}
