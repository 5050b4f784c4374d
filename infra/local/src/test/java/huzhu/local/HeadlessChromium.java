package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.testing.MachineTools;
import huzhu.testing.MemoryTempDirs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium through Debian's chromedriver, as the browser tests use it: the flags that keep
 * it off the network this machine does not have, Chinese first, the page's console log kept.
 * Tests skip where the two are not installed, and fail under CI ({@code CI=true}); .ci/run installs them.
 *
 * <p>Starting Chromium takes seconds, so the browser tests of one JVM share one, one test at a time: each
 * {@link #session} hands it over as if new — one window on a blank page, no cookies, no cache, the network
 * online, no pending dialog, the log read empty, the size and user agent asked for — and {@link #leave} clears
 * what the pages stored for their origins before the test's stack stops. Every stack listens on a port of its
 * own, so its pages are an origin of their own too. A browser that died is started again.
 *
 * <p>The pages' repeating timers run {@value #PACE} times as fast as they ask ({@link #PAGE_CLOCK}): a test that
 * waits for the board's next refresh (every 5 s) or the alerts' next look (every 10 s) waits a fifth of that. What a
 * page asked for is kept, so a test can still check the intervals officers get ({@link #intervalsAsked}), the
 * timers can be held while a test shows that its own step, not the next refresh, changed the page, and the page's
 * clock can be moved ahead with its timers ({@link #moveClockAhead}) where a test would otherwise wait for time to pass.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * The size it starts with, which headless Chromium also takes for the screen's: as large as any test's window,
     * or an element's screenshot (the QR code on a member's card) is cut where a larger window passes the screen.
     */
    private static final Dimension SCREEN = new Dimension(1366, 1400);

    /** How many times as fast the pages' repeating timers run as they ask. */
    static final int PACE = 5;

    /**
     * Evaluated in every page before its own scripts: {@code setInterval} runs its function {@value #PACE} times as
     * often as asked, remembers what was asked ({@code window.__pageClock.asked}), and can be held
     * ({@code window.__pageClock.hold(true)}: the functions are not run until released). One-shot timers
     * ({@code setTimeout}: how long a toast stays, how long sign-out waits for Cognito) keep their time, unless a test
     * moves them on ({@code window.__pageClock.pass(ms)}: those due within {@code ms} run now, soonest first). The
     * page's clock reads the machine's until a test moves it ahead ({@code window.__pageClock.ahead(ms)}: {@code Date}
     * reads {@code ms} later, and the repeating timers run as often as they would have meanwhile, held or not, each
     * with the clock at the time it would have run).
     */
    private static final String PAGE_CLOCK = """
            (function () {
              var setIntervalAsAsked = window.setInterval;
              var clearIntervalAsAsked = window.clearInterval;
              var setTimeoutAsAsked = window.setTimeout;
              var clearTimeoutAsAsked = window.clearTimeout;
              var DateAsIs = window.Date;
              var asked = [];
              var held = false;
              var pending = new Map();
              var repeating = new Map();
              var aheadBy = 0;
              function PageDate() {
                if (!new.target) return new DateAsIs(DateAsIs.now() + aheadBy).toString();
                return arguments.length ? new DateAsIs(...arguments) : new DateAsIs(DateAsIs.now() + aheadBy);
              }
              PageDate.prototype = DateAsIs.prototype;
              PageDate.now = function () { return DateAsIs.now() + aheadBy; };
              PageDate.parse = DateAsIs.parse;
              PageDate.UTC = DateAsIs.UTC;
              Object.defineProperty(window, '__pageClock', { value: {
                asked: asked,
                hold: function (yes) { held = yes; },
                pass: function (ms) {
                  var until = performance.now() + ms;
                  Array.from(pending.entries()).filter(function (e) { return e[1].due <= until; })
                    .sort(function (a, b) { return a[1].due - b[1].due; })
                    .forEach(function (e) { if (pending.delete(e[0])) { clearTimeoutAsAsked.call(window, e[0]); e[1].run(); } });
                },
                ahead: function (ms) {
                  window.Date = PageDate;
                  var from = aheadBy;
                  var runs = [];
                  repeating.forEach(function (r, id) {
                    for (var at = r.every; at <= ms; at += r.every) runs.push({ id: id, at: at, run: r.run });
                  });
                  runs.sort(function (a, b) { return a.at - b.at; }).forEach(function (r) {
                    if (!repeating.has(r.id)) return;
                    aheadBy = from + r.at;
                    r.run();
                  });
                  aheadBy = from + ms;
                }
              } });
              window.setInterval = function (fn, ms) {
                asked.push(ms);
                var rest = Array.prototype.slice.call(arguments, 2);
                var run = function () { fn.apply(window, rest); };
                var id = setIntervalAsAsked.call(window, function () { if (!held) run(); }, ms / %d);
                repeating.set(id, { every: Math.max(Number(ms) || 0, 1), run: run });
                return id;
              };
              window.clearInterval = function (id) {
                repeating.delete(id);
                clearIntervalAsAsked.call(window, id);
              };
              window.setTimeout = function (fn, ms) {
                var rest = Array.prototype.slice.call(arguments, 2);
                var run = function () { fn.apply(window, rest); };
                var id = setTimeoutAsAsked.call(window, function () { pending.delete(id); run(); }, ms);
                pending.set(id, { due: performance.now() + (ms || 0), run: run });
                return id;
              };
              window.clearTimeout = function (id) {
                pending.delete(id);
                clearTimeoutAsAsked.call(window, id);
              };
            })();""".formatted(PACE);

    private static ChromeDriver shared;
    private static String ownUserAgent;

    private HeadlessChromium() {
    }

    static void assumeInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return;
        throw MachineTools.missing("the console's browser tests need Debian's chromium and chromium-driver "
                + "(/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver");
    }

    /**
     * The page ran without an uncaught script error or anything the Content-Security-Policy refused (a module
     * served with another type than JavaScript is refused too): reads the browser's log since it was last read.
     */
    static void assertNoScriptErrors(ChromeDriver browser) {
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Uncaught") || m.contains("Refused to")).toList();
        assertThat(problems).as("script errors and CSP refusals in the browser's log").isEmpty();
    }

    /**
     * This JVM's Chromium, as a new one: {@code userAgent} is what it says it is (WeChat's built-in browser, say),
     * null for Chromium's own.
     */
    static synchronized ChromeDriver session(Dimension size, String userAgent) {
        assumeInstalled();
        if (shared != null && !alive(shared)) {
            quietly(shared::quit);
            shared = null;
        }
        if (shared == null) shared = start();
        reset(shared, size, userAgent);
        return shared;
    }

    /** The intervals the page on show asked {@code setInterval} for, in milliseconds, in the order it asked. */
    static List<Long> intervalsAsked(ChromeDriver browser) {
        List<?> asked = (List<?>) browser.executeScript("return window.__pageClock.asked.slice();");
        return asked.stream().map(ms -> ((Number) ms).longValue()).toList();
    }

    /**
     * Holds the repeating timers of the page on show ({@code true}: a refresh due meanwhile does not run) or lets them
     * run again: what a test then sees change was done by its own step (a retry, say), not by the next refresh.
     */
    static void holdRepeatingTimers(ChromeDriver browser, boolean hold) {
        browser.executeScript("window.__pageClock.hold(arguments[0]);", hold);
    }

    /**
     * The one-shot timers of the page on show that are due within {@code by} run now, soonest first, as if that much
     * time had passed for them: a toast that stays a few seconds goes without the test waiting them out.
     */
    static void passOneShotTimers(ChromeDriver browser, Duration by) {
        browser.executeScript("window.__pageClock.pass(arguments[0]);", by.toMillis());
    }

    /**
     * The clock of the page on show moves {@code by} ahead ({@code Date} reads that much later) and its repeating
     * timers run as often as they would have meanwhile, held or not, each with the clock at the time it would have run:
     * a clock on the page that ticks every second shows {@code by} more, without the test waiting it out. One-shot
     * timers keep their time ({@link #passOneShotTimers} moves them).
     */
    static void moveClockAhead(ChromeDriver browser, Duration by) {
        browser.executeScript("window.__pageClock.ahead(arguments[0]);", by.toMillis());
    }

    /** The test is done with the browser: its pages stop, and what they stored for their origins is cleared. */
    static synchronized void leave(ChromeDriver browser, String... origins) {
        quietly(() -> {
            String current = (String) browser.executeScript("return location.origin;");
            browser.get("about:blank");
            Stream.concat(Stream.of(current), Stream.of(origins)).filter(o -> o != null && o.startsWith("http"))
                    .map(HeadlessChromium::origin).distinct()
                    .forEach(o -> browser.executeCdpCommand("Storage.clearDataForOrigin",
                            Map.of("origin", o, "storageTypes", "all")));
        });
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    private static boolean alive(ChromeDriver browser) {
        try {
            browser.getWindowHandles();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    private static void reset(ChromeDriver browser, Dimension size, String userAgent) {
        try {
            browser.switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // none pending, as it should be
        }
        List<String> windows = List.copyOf(browser.getWindowHandles());
        for (String extra : windows.subList(1, windows.size())) browser.switchTo().window(extra).close();
        browser.switchTo().window(windows.get(0));
        browser.get("about:blank");
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
        browser.executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", userAgent == null ? ownUserAgent : userAgent));
        browser.manage().window().setSize(size);
        browser.manage().logs().get(LogType.BROWSER);
    }

    private static ChromeDriver start() {
        Path profile;
        try {
            profile = MemoryTempDirs.create("huzhu-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + SCREEN.getWidth() + "," + SCREEN.getHeight(), "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        ownUserAgent = (String) browser.executeScript("return navigator.userAgent;");
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PAGE_CLOCK));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            quietly(browser::quit);
            quietly(() -> deleteTree(profile));
        }, "chromium-quit"));
        return browser;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            // the browser may already be gone; the next session starts a new one
        }
    }
}
