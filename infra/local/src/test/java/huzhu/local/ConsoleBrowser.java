package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' fixture: a local stack of the test's own (a fresh data dir, a free port) and this JVM's
 * Chromium handed over as new ({@link HeadlessChromium#session}), for the console and the public pages: signing in,
 * clicking and typing as an officer does, the network made slow or cut through the DevTools protocol
 * (Network.emulateNetworkConditions), a small union to work with, screenshots and the axe-core check. A test
 * holds one in an {@code @AutoClose} field: JUnit makes an instance of the test class per test, so each test gets
 * its own stack and data, which closing deletes.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final String ADMIN = "officers-it-admin-token-0001";
    static final Dimension DESK = new Dimension(1366, 800);
    static final Dimension PHONE = new Dimension(390, 844);

    final SkipAheadClock clock = new SkipAheadClock();
    final LocalStack stack;
    final LocalApi api;
    final ChromeDriver browser;
    final WebDriverWait wait;
    private final String adminToken;
    private final BrowserSteps steps;
    private final Path dataDir;

    ConsoleBrowser(Dimension size) {
        this(size, null, Map.of());
    }

    /**
     * @param userAgent what the browser says it is (WeChat's built-in browser, say); null for Chromium's own
     * @param env the stack's settings beyond the defaults (a hosted sign-in page, another admin token)
     */
    ConsoleBrowser(Dimension size, String userAgent, Map<String, String> env) {
        dataDir = newDataDir();
        browser = HeadlessChromium.session(size, userAgent);
        stack = StoryStack.start(dataDir, ADMIN, clock, env);
        adminToken = env.getOrDefault("HUZHU_ADMIN_TOKEN", ADMIN);
        api = new LocalApi(stack.baseUrl(), adminToken);
        steps = new BrowserSteps(browser);
        wait = steps.wait;
    }

    // ---------------------------------------------------------------- a union

    /** Members m1…m{n}: three units, two districts of 唐山市; every third with a family contact. */
    List<String> members(int n) {
        StringBuilder csv = new StringBuilder("姓名,手机号,单位,城市,区县,家庭住址,家属姓名,家属关系,家属电话\n");
        String[] units = {"炼钢厂", "轧钢厂", "机关"};
        String[] districts = {"路北区", "路南区"};
        for (int i = 1; i <= n; i++) {
            csv.append(String.format("会员%03d,1391200%04d,%s,唐山市,%s,建设路%d号,", i, i, units[i % 3], districts[i % 2], i));
            if (i % 3 == 0) csv.append(String.format("家属%03d,父亲,1391300%04d", i, i));
            else csv.append(",,");
            csv.append('\n');
        }
        LocalApi.Reply r = api.post("/v1/members/import", Map.of("csv", csv.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    JsonNode member(String name, String phone, String unit, String district, Map<String, String> family) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", phone, "unit", unit,
                "homeArea", Map.of("city", "唐山市", "district", district), "homeAddress", "唐山市" + district + "建设路 88 号"));
        if (family != null) body.put("familyContacts", List.of(family));
        return api.expect(201, "/v1/members", body);
    }

    /** 王建国 (13911110001) of the steelworks, at home in 路北区, with his father 王德福 (13911110002) as family contact. */
    JsonNode wangWithHisFather() {
        return member("王建国", "13911110001", "炼钢厂", "路北区", Map.of("name", "王德福", "relation", "父亲",
                "phone", "13911110002"));
    }

    JsonNode volunteer(String name, String phone, String district) {
        return api.expect(201, "/v1/volunteers", Map.of("name", name, "phone", phone,
                "area", Map.of("city", "唐山市", "district", district), "skills", List.of("first-aid"), "onDuty", true));
    }

    JsonNode leader(String name, String phone, int level) {
        return api.expect(201, "/v1/leaders", Map.of("name", name, "phone", phone, "title", "工会干事", "level", level));
    }

    /**
     * The stack's clock moves {@code by} ahead and its scheduled escalation check runs: deadlines within that have
     * passed, and nobody waited for them.
     */
    void escalationCheckAfter(Duration by) {
        clock.skip(by);
        LocalApi.Reply run = api.post("/local/escalation/run", null);
        assertThat(run.status()).as("escalation run → %s", run.body()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- the browser

    /** Runs the story; when it fails, keeps the screen, the page and the browser's log under {@code name}. */
    void story(String name, BrowserSteps.Story story) throws Exception {
        steps.story(name, story);
    }

    /**
     * Runs the story and checks the page logged no script error; when either fails, keeps the screen, the page and
     * the browser's log under {@code name}.
     */
    void storyWithoutScriptErrors(String name, Runnable story) {
        try {
            story.run();
            HeadlessChromium.assertNoScriptErrors(browser);
        } catch (RuntimeException | AssertionError e) {
            keepEvidence(name);
            throw e;
        }
    }

    /** Signs in with the stack's admin token and waits for the console's menu. */
    void signIn() {
        browser.get(stack.baseUrl() + "/console");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(adminToken);
        browser.findElement(By.id("signinBtn")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-board")));
    }

    /** Opens a screen by its address, as a bookmark or the menu would. */
    void open(String fragment) {
        ((JavascriptExecutor) browser).executeScript("location.hash = arguments[0];", fragment);
    }

    void click(By by) {
        steps.click(by);
    }

    void type(By by, String text) {
        steps.type(by, text);
    }

    void waitForText(By by, String text) {
        steps.waitForText(by, text);
    }

    /** Types the member's name into a form's member field and picks them among the suggestions. */
    void pickMember(String form, String field, JsonNode member) {
        type(By.id(field), member.get("name").asText());
        click(By.cssSelector("#" + form + " [role=option][data-member='" + member.get("id").asText() + "']"));
    }

    String text(By by) {
        return wait.until(d -> d.findElement(by).getText());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    void size(Dimension d) {
        browser.manage().window().setSize(d);
    }

    void shot(String name) {
        steps.shot(name);
    }

    void keepEvidence(String name) {
        steps.keepEvidence(name);
    }

    // ---------------------------------------------------------------- the network, through DevTools

    /** Every request of the page takes {@code ms} longer (a phone in a lift, a busy office line). */
    void slowNetwork(int ms) {
        network(false, ms);
    }

    void offline() {
        network(true, 0);
    }

    void online() {
        network(false, 0);
    }

    private void network(boolean offline, int latencyMs) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", latencyMs,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Leaves the browser for the next test, stops the stack and deletes its data. */
    @Override
    public void close() {
        try {
            HeadlessChromium.leave(browser, stack.baseUrl());
        } finally {
            stack.close();
            deleteTree(dataDir);
        }
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("huzhu-console-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
