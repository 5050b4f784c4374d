package huzhu.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import huzhu.testing.FormFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for a Cognito user pool domain (the hosted UI) on a free loopback port, as strict as Cognito
 * where the console could get it wrong:
 * <ul>
 * <li>{@code GET /oauth2/authorize}: response_type=code, the app client, the registered redirect_uri, the
 * openid scope, a state, and an S256 code challenge; then a small sign-in form;</li>
 * <li>{@code POST /login}: the right password sends the browser back to redirect_uri with a one-time code and
 * the state;</li>
 * <li>{@code POST /oauth2/token}: a form; authorization_code only with the same client and redirect_uri and a
 * code_verifier whose SHA-256 is the challenge; refresh_token with the refresh token it issued. It answers
 * with an ID token, an access token (and, for a code, a refresh token), with CORS as Cognito does;</li>
 * <li>{@code POST /oauth2/revoke} and {@code GET /logout?client_id=…&logout_uri=…}.</li>
 * </ul>
 * The ID token is a JWT shaped like Cognito's (aud = the app client, token_use = id), signed with a key of
 * this fake. The local stack's JWT stand-in accepts configured bearer tokens only, so the test configures
 * exactly this ID token as the stack's admin token: the API then accepts the ID token, and not the access
 * token, as the HTTP API's authorizer with the client as audience and the function's claims would.
 */
final class FakeHostedUi implements AutoCloseable {
    static final String USER = "zhou@union.example";
    static final String PASSWORD = "Correct-Horse-42";

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Authorization(String clientId, String redirectUri, String state, String challenge) {
    }

    private final HttpServer server;
    private final String clientId;
    private final byte[] signingKey = bytes(32);
    private final String idToken;
    private final String accessToken;
    private final String refreshToken = "refresh-" + random(24);
    private volatile String redirectUri;
    private volatile long firstExpiresIn = 3600;
    private final Map<String, Authorization> pendingLogins = new ConcurrentHashMap<>();
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private final AtomicBoolean tamperNextState = new AtomicBoolean();
    private final AtomicBoolean refuseNextCode = new AtomicBoolean();

    /** What happened, in order: "authorize", "login", "token:authorization_code", "revoke", "logout" … */
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** Every request the fake refused, with why: a test expecting none asserts this is empty. */
    final List<String> refusals = new CopyOnWriteArrayList<>();
    /** The query of the last /oauth2/authorize. */
    volatile Map<String, String> lastAuthorize = Map.of();

    FakeHostedUi(String clientId) {
        this.clientId = clientId;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long now = Instant.now().getEpochSecond();
        String sub = "7d3e2f10-5a6b-4c8d-9e0f-1a2b3c4d5e6f";
        idToken = jwt(Map.of("sub", sub, "aud", clientId, "email", USER, "email_verified", true,
                "cognito:groups", List.of("admin"), "iss", origin(), "token_use", "id", "auth_time", now,
                "iat", now, "exp", now + 3600));
        accessToken = jwt(Map.of("sub", sub, "client_id", clientId, "scope", "openid email profile",
                "cognito:groups", List.of("admin"), "iss", origin(), "token_use", "access", "iat", now,
                "exp", now + 3600));
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/login", this::login);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/oauth2/revoke", this::revoke);
        server.createContext("/logout", this::logout);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String idToken() {
        return idToken;
    }

    String accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    /** The console's address: the only callback and sign-out URL of the app client. */
    void registerRedirectUri(String uri) {
        this.redirectUri = uri;
    }

    /** expires_in of the code exchange, so a test sees the page refresh the ID token soon after. */
    void firstTokensExpireIn(long seconds) {
        this.firstExpiresIn = seconds;
    }

    /** The next sign-in comes back with another state than the page sent, as a forged callback would. */
    void tamperWithTheNextState() {
        tamperNextState.set(true);
    }

    /** The next code is refused at the token endpoint (invalid_grant), as an expired or reused code is. */
    void refuseTheNextCode() {
        refuseNextCode.set(true);
    }

    long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    // ------------------------------------------------------------------ endpoints

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = FormFields.parse(ex.getRequestURI().getRawQuery());
        calls.add("authorize");
        lastAuthorize = q;
        String problem = !"GET".equals(ex.getRequestMethod()) ? "method"
                : !"code".equals(q.get("response_type")) ? "response_type"
                : !clientId.equals(q.get("client_id")) ? "client_id"
                : redirectUri == null || !redirectUri.equals(q.get("redirect_uri")) ? "redirect_mismatch"
                : q.get("scope") == null || !List.of(q.get("scope").split(" ")).contains("openid") ? "scope"
                : q.get("state") == null || q.get("state").isEmpty() ? "state"
                : !"S256".equals(q.get("code_challenge_method")) ? "code_challenge_method"
                : q.get("code_challenge") == null || !CHALLENGE.matcher(q.get("code_challenge")).matches()
                        ? "code_challenge"
                : null;
        if (problem != null) {
            refuse(ex, 400, "authorize: " + problem);
            return;
        }
        String login = random(16);
        pendingLogins.put(login, new Authorization(q.get("client_id"), q.get("redirect_uri"), q.get("state"),
                q.get("code_challenge")));
        loginForm(ex, login, null);
    }

    private void login(HttpExchange ex) throws IOException {
        Map<String, String> f = form(ex);
        calls.add("login");
        Authorization a = pendingLogins.get(f.getOrDefault("login", ""));
        if (!"POST".equals(ex.getRequestMethod()) || a == null) {
            refuse(ex, 400, "login: unknown sign-in");
            return;
        }
        if (!USER.equals(f.get("username")) || !PASSWORD.equals(f.get("password"))) {
            loginForm(ex, f.get("login"), "用户名或密码错误 · Incorrect username or password.");
            return;
        }
        pendingLogins.remove(f.get("login"));
        String code = random(24);
        codes.put(code, a);
        String state = tamperNextState.getAndSet(false) ? a.state() + "x" : a.state();
        redirect(ex, a.redirectUri() + "?code=" + enc(code) + "&state=" + enc(state));
    }

    private void token(HttpExchange ex) throws IOException {
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> f = form(ex);
        String grant = f.getOrDefault("grant_type", "");
        calls.add("token:" + grant);
        if (!"POST".equals(ex.getRequestMethod()) || contentType == null
                || !contentType.startsWith("application/x-www-form-urlencoded")) {
            tokenError(ex, "invalid_request", "a form POST");
            return;
        }
        if (!clientId.equals(f.get("client_id"))) {
            tokenError(ex, "invalid_client", "client_id");
            return;
        }
        Map<String, Object> tokens = new LinkedHashMap<>();
        if (grant.equals("authorization_code")) {
            Authorization a = codes.remove(f.getOrDefault("code", ""));
            String verifier = f.getOrDefault("code_verifier", "");
            String problem = a == null ? "unknown or used code"
                    : !a.redirectUri().equals(f.get("redirect_uri")) ? "redirect_uri"
                    : !VERIFIER.matcher(verifier).matches() ? "code_verifier"
                    : !a.challenge().equals(s256(verifier)) ? "code_verifier does not match the challenge"
                    : refuseNextCode.getAndSet(false) ? "refused as asked"
                    : null;
            if (problem != null) {
                tokenError(ex, "invalid_grant", problem);
                return;
            }
            tokens.put("id_token", idToken);
            tokens.put("access_token", accessToken);
            tokens.put("refresh_token", refreshToken);
            tokens.put("expires_in", firstExpiresIn);
        } else if (grant.equals("refresh_token")) {
            if (!refreshToken.equals(f.get("refresh_token"))) {
                tokenError(ex, "invalid_grant", "refresh_token");
                return;
            }
            // Cognito issues no new refresh token unless rotation is on; this fake's ID token never changes,
            // as it is the one token the local stack is told to accept
            tokens.put("id_token", idToken);
            tokens.put("access_token", accessToken);
            tokens.put("expires_in", 3600);
        } else {
            tokenError(ex, "unsupported_grant_type", grant);
            return;
        }
        tokens.put("token_type", "Bearer");
        send(ex, 200, "application/json", huzhu.http.Json.mapper().writeValueAsString(tokens));
    }

    private void revoke(HttpExchange ex) throws IOException {
        Map<String, String> f = form(ex);
        calls.add("revoke");
        if (!clientId.equals(f.get("client_id")) || !refreshToken.equals(f.get("token"))) {
            refuse(ex, 400, "revoke: client_id or token");
            return;
        }
        send(ex, 200, "application/json", "{}");
    }

    private void logout(HttpExchange ex) throws IOException {
        Map<String, String> q = FormFields.parse(ex.getRequestURI().getRawQuery());
        calls.add("logout");
        if (!clientId.equals(q.get("client_id")) || redirectUri == null || !redirectUri.equals(q.get("logout_uri"))) {
            refuse(ex, 400, "logout: client_id or logout_uri");
            return;
        }
        redirect(ex, q.get("logout_uri"));
    }

    // ------------------------------------------------------------------ plumbing

    private void loginForm(HttpExchange ex, String login, String error) throws IOException {
        String html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>登录 · Sign in</title>"
                + "<style>body{font-family:sans-serif;background:#eef1f5;display:flex;justify-content:center;"
                + "padding-top:80px}form{background:#fff;padding:24px 32px;border-radius:8px;width:320px;"
                + "box-shadow:0 1px 4px #0003}label,input,button{display:block;width:100%;box-sizing:border-box}"
                + "input{margin:4px 0 12px;padding:8px}button{padding:10px;background:#e07a1f;color:#fff;border:0}"
                + ".err{color:#b00020}</style></head><body>"
                + "<form method=\"post\" action=\"/login\"><h1>模拟 Cognito 登录页</h1>"
                + "<p>Stand-in for the Cognito hosted UI (HostedSignInIT)</p>"
                + (error == null ? "" : "<p class=\"err\" id=\"loginError\">" + error + "</p>")
                + "<input type=\"hidden\" name=\"login\" value=\"" + login + "\">"
                + "<label for=\"username\">邮箱 · E-mail</label><input id=\"username\" name=\"username\" type=\"email\">"
                + "<label for=\"password\">密码 · Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\">"
                + "<button id=\"signInSubmitButton\" type=\"submit\">登录 · Sign in</button></form></body></html>";
        send(ex, 200, "text/html; charset=utf-8", html);
    }

    private void refuse(HttpExchange ex, int status, String why) throws IOException {
        refusals.add(why);
        send(ex, status, "text/plain; charset=utf-8", "refused: " + why);
    }

    private void tokenError(HttpExchange ex, String error, String why) throws IOException {
        refusals.add("token: " + error + " (" + why + ")");
        send(ex, 400, "application/json", "{\"error\":\"" + error + "\"}");
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null) ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        return FormFields.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwt(Map<String, Object> claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(huzhu.http.Json.mapper().writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            byte[] sig = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(sig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String random(int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(n));
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
