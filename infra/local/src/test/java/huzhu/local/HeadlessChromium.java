package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.testing.MachineTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium through Debian's chromedriver, as the browser tests use it: the flags that keep
 * it off the network this machine does not have, a fresh profile, Chinese first, the page's console log kept.
 * Tests skip where the two are not installed, and fail under CI ({@code CI=true}); .ci/run installs them.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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

    static ChromeDriver start(Path profile, int width, int height) {
        return start(profile, width, height, null);
    }

    /** {@code userAgent}: the browser says it is this one (WeChat's built-in browser, say); null for Chromium's own. */
    static ChromeDriver start(Path profile, int width, int height, String userAgent) {
        ChromeOptions options = new ChromeOptions();
        if (userAgent != null) options.addArguments("--user-agent=" + userAgent);
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height, "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }
}
