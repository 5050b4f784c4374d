package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * What officers expect of an on-call console, at a desk (1366×800) and on a phone (390×844): the console alerting
 * them itself, handing an incident to a named volunteer, paging again, texting the family and reading their answer,
 * the tables' spreadsheets, and the duty roster.
 */
class ConsoleFeaturesIT {
    @TempDir
    Path downloads;

    private ConsoleBrowser c;

    @AfterEach
    void stop() {
        if (c != null) c.close();
    }

    private void start(String size) {
        c = new ConsoleBrowser(size.equals("phone") ? ConsoleBrowser.PHONE : ConsoleBrowser.DESK);
    }

    /** Opens the menu first on a phone, where it is folded. */
    private void nav(String id) {
        if (c.browser.findElement(By.id("menuBtn")).isDisplayed()) c.click(By.id("menuBtn"));
        c.click(By.id("nav-" + id));
    }

    @ParameterizedTest(name = "on a {0}")
    @ValueSource(strings = {"desk", "phone"})
    void theConsoleAlertsTheOfficer_withASoundANotificationAndTheCountInItsTitle_onceTurnedOn(String size) {
        start(size);
        c.storyWithoutScriptErrors("features-alerts-" + size, () -> {
            c.wangWithHisFather();
            c.signIn();
            // the browser's notification and sound, recorded instead of shown and played
            c.js("""
                    window.__notes = []; window.__tones = 0;
                    window.Notification = function (title) { window.__notes.push(title); };
                    window.Notification.permission = 'granted';
                    window.Notification.requestPermission = function () { return Promise.resolve('granted'); };
                    window.AudioContext = function () { return { currentTime: 0, destination: {},
                      createOscillator: function () { return { frequency: {}, connect: function () {}, start: function () { window.__tones++; }, stop: function () {} }; },
                      createGain: function () { return { gain: {}, connect: function () {} }; } }; };""");
            assertThat(c.text(By.id("alertsBtn"))).isEqualTo("提醒已关");
            int asked = HeadlessChromium.intervalsAsked(c.browser).size();
            c.click(By.id("alertsBtn"));
            assertThat(c.text(By.id("alertsBtn"))).isEqualTo("提醒已开");
            // it looks every ten seconds (the test's Chromium runs that faster, as HeadlessChromium says)
            List<Long> intervals = HeadlessChromium.intervalsAsked(c.browser);
            assertThat(intervals.subList(asked, intervals.size())).containsExactly(10000L);
            c.wait.until(d -> d.getTitle().equals("工会应急互助控制台"));

            // when a family texts for help
            c.api.sms("13911110002", "救命 老伴胸口疼");

            // then the tab's title counts it, a notification names it, and the sound played
            c.wait.withTimeout(Duration.ofSeconds(20)).until(d -> d.getTitle().startsWith("(1) "));
            String code = c.api.get("/v1/incidents?status=active").json().get("items").get(0).get("code").asText();
            c.wait.until(d -> c.js("return window.__notes.join('|');").toString().contains("新的紧急求助 " + code));
            assertThat(((Number) c.js("return window.__tones;")).intValue()).isGreaterThan(0);
            c.shot("features-alerts-" + size);

            // and it stays on in this browser
            c.browser.navigate().refresh();
            c.waitForText(By.id("alertsBtn"), "提醒已开");
        });
    }

    @ParameterizedTest(name = "on a {0}")
    @ValueSource(strings = {"desk", "phone"})
    void anOfficer_assignsANamedVolunteer_textsTheFamily_andReadsTheirAnswerOnTheTimeline(String size) {
        start(size);
        c.storyWithoutScriptErrors("features-actions-" + size, () -> {
            c.wangWithHisFather();
            c.volunteer("刘强", "13911110011", "路北区");
            c.volunteer("赵敏", "13911110012", "路南区");
            c.api.sms("13911110002", "救命 老伴胸口疼");
            c.signIn();
            c.click(By.cssSelector("#board a.code"));

            // paging the first round again
            c.click(By.id("repageBtn"));
            c.click(By.id("dialogConfirm"));
            c.waitForText(By.id("incidentTimeline"), "重新通知首轮");
            assertThat(c.api.outboxTo("+8613911110011")).filteredOn(b -> b.contains("/v1/acks/")).hasSize(2);

            // assigning 赵敏, whom the officer reached by phone
            c.click(By.cssSelector("#assignDetails summary"));
            c.wait.until(d -> d.findElements(By.cssSelector("#assignVolunteer option")).size() > 1);
            JsonNode zhao = c.api.get("/v1/volunteers?query=赵敏").json().get("items").get(0);
            new Select(c.browser.findElement(By.id("assignVolunteer"))).selectByValue(zhao.get("id").asText());
            c.click(By.id("assignBtn"));
            c.waitForText(By.id("incidentResponders"), "赵敏");
            assertThat(c.api.outboxTo("+8613911110012")).last().asString().contains("建设路");
            assertThat(c.api.outboxTo("+8613911110002")).last().asString().contains("赵敏");

            // texting the father, and his answer on the timeline
            c.click(By.cssSelector("#messageDetails summary"));
            new Select(c.browser.findElement(By.id("messageTo"))).selectByValue("+8613911110002");
            c.type(By.id("messageText"), "赵敏十分钟内到，请开门");
            c.click(By.id("messageBtn"));
            c.waitForText(By.id("incidentTimeline"), "赵敏十分钟内到");
            assertThat(c.api.outboxTo("+8613911110002")).last().asString().contains("赵敏十分钟内到");
            c.api.sms("13911110002", "好的，门开着");
            c.waitForText(By.id("incidentTimeline"), "门开着");
            c.shot("features-actions-" + size);
        });
    }

    @ParameterizedTest(name = "on a {0}")
    @ValueSource(strings = {"desk", "phone"})
    void theMembersTable_exportsToExcel_andTheDutyRoster_saysWhoIsOnDutyToday(String size) {
        start(size);
        c.storyWithoutScriptErrors("features-sheets-roster-" + size, () -> {
            c.members(30);
            JsonNode zhou = c.leader("周干事", "13911110021", 1);
            c.signIn();
            c.browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toAbsolutePath().toString()));

            // the members' spreadsheet
            nav("members");
            c.waitForText(By.id("dirList"), "共 30 人");
            c.click(By.id("export-members"));
            Path sheet = c.wait.withTimeout(Duration.ofSeconds(20)).until(d -> xlsxIn(downloads));
            assertThat(bytes(sheet)).startsWith((byte) 'P', (byte) 'K');

            // the roster: 周干事 on duty from today
            nav("roster");
            c.wait.until(d -> d.findElements(By.cssSelector("#shiftLeader option")).size() > 1);
            new Select(c.browser.findElement(By.id("shiftLeader"))).selectByValue(zhou.get("id").asText());
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
            c.js("document.getElementById('shiftFrom').value = arguments[0];", today);
            c.click(By.id("shiftSave"));
            c.waitForText(By.id("onDutyToday"), "周干事");
            assertThat(c.api.get("/v1/duty-roster").json().get("shifts")).hasSize(1);
            c.shot("features-roster-" + size);
        });
    }

    private static Path xlsxIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
