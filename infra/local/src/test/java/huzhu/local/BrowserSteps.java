package huzhu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a browser story does at each step — click, type, wait for a text — waiting up to 20 seconds for the page,
 * and the screenshots it leaves in target/screenshots/ (with the page and its console log when a story fails).
 */
final class BrowserSteps {
    static final Path SHOTS = Path.of("target", "screenshots");

    final ChromeDriver browser;
    final WebDriverWait wait;

    BrowserSteps(ChromeDriver browser) {
        this.browser = browser;
        // a screen that re-renders (the 5-second refresh, a reload after a save) replaces the element being read
        this.wait = waitFor(browser);
        this.wait.ignoring(StaleElementReferenceException.class);
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits up to 20 seconds for the page, looking every 50 ms: WebDriver's own half second would be added
     * to almost every step, and a story takes dozens of them.
     */
    static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(50));
    }

    /** Runs the story; when it fails, keeps the screen, the page and the browser's log under {@code name}. */
    void story(String name, Story story) throws Exception {
        try {
            story.run();
        } catch (Throwable t) {
            keepEvidence(name);
            throw t;
        }
    }

    /** What the browser showed and said when a story failed, beside the screenshots. */
    void keepEvidence(String name) {
        try {
            shot(name + "-failure");
            Files.writeString(SHOTS.resolve(name + "-failure.html"), browser.getPageSource());
            Files.write(SHOTS.resolve(name + "-failure-console.txt"), browser.manage().logs().get(LogType.BROWSER)
                    .getAll().stream().map(Object::toString).toList());
        } catch (IOException | RuntimeException e) {
            // the evidence is a courtesy: the story's own failure is what matters
        }
    }

    @FunctionalInterface
    interface Story {
        void run() throws Exception;
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement el = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        el.clear();
        el.sendKeys(text);
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
