package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The care screens in a real browser (Debian's headless Chromium), against the local stack in this JVM: a member's
 * family is introduced, an officer writes a notice, previews and sends it, the father's reply lands in its thread,
 * and an assistance application goes from submitted to paid and is printed. Screenshots go to target/screenshots/.
 */
class CareConsoleIT {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String ADMIN = "care-it-admin-token-0001";
    private static final String FATHER = "13911120002";

    @TempDir
    Path dataDir;

    private ConsoleBrowser c;
    private LocalStack stack;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startTheStackAndTheBrowser() {
        c = new ConsoleBrowser(dataDir, new Dimension(1280, 1400), null, Map.of("HUZHU_ADMIN_TOKEN", ADMIN));
        stack = c.stack;
        browser = c.browser;
        wait = c.wait;
    }

    @AfterEach
    void stop() {
        if (c != null) c.close();
    }

    @Test
    void anOfficer_introducesAFamily_sendsANotice_readsTheReply_andCarriesAnApplicationToPayment() throws Exception {
        try {
            theStory();
        } catch (Throwable t) {
            shot("care-failure");
            Files.writeString(SHOTS.resolve("care-failure.html"), browser.getPageSource());
            Files.write(SHOTS.resolve("care-failure-console.txt"), browser.manage().logs().get(LogType.BROWSER).getAll()
                    .stream().map(Object::toString).toList());
            throw t;
        }
    }

    private void theStory() throws Exception {
        LocalApi api = new LocalApi(stack.baseUrl(), ADMIN);
        // given a member registered with his father as family contact: the father was introduced at once
        JsonNode member = api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911120001", "unit", "销售分公司",
                "homeArea", Map.of("city", "武汉市", "district", "江汉区"),
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", FATHER))));
        assertThat(api.outboxTo("+86" + FATHER)).singleElement().asString().contains("王建国", "120", "/v1/triggers/");

        // 1. sign in; the member's record shows the introduction
        browser.get(stack.baseUrl() + "/console");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(ADMIN);
        browser.findElement(By.id("signinBtn")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-notices")));
        click(By.id("nav-members"));
        waitForText(By.id("dirList"), "王德福");
        click(By.xpath("//button[normalize-space()='编辑']"));
        waitForText(By.id("introductions"), "已发出");
        assertThat(browser.findElement(By.id("introductions")).getText()).contains("王德福", "已含链接");
        shot("care-01-member-introduction");

        // 2. a notice: compose, preview, save, send now; progress shows it reached the member
        click(By.id("nav-notices"));
        waitForText(By.id("familyReach"), "1 个已收到告知短信");
        shot("care-02-notices-empty");
        click(By.id("noticeNew"));
        type(By.id("noticeTitle"), "夏季安全提醒");
        type(By.id("noticeText"), "高温天气请注意防暑，外出带水。\n周六上午在工会组织体检。");
        new Select(browser.findElement(By.id("noticeAudience"))).selectByValue("all-members");
        click(By.id("noticePreviewBtn"));
        waitForText(By.id("noticePreview"), "将发给 1 人");
        shot("care-03-notice-preview");
        click(By.id("noticeSave"));
        waitForText(By.tagName("h1"), "草稿");
        click(By.id("noticeSend"));
        click(By.id("dialogConfirm"));
        waitForText(By.tagName("h1"), "已发送");
        waitForText(By.id("noticeProgress"), "已发 1");
        waitForText(By.id("noticeDeliveries"), "王建国");
        shot("care-04-notice-sent");

        // 3. the member replies by SMS: the reply is in the notice's thread, no incident is opened
        api.sms("13911120001", "收到，周六参加");
        browser.navigate().refresh();
        waitForText(By.id("noticeThread"), "周六参加");
        assertThat(api.get("/v1/incidents?status=all").json().get("items")).isEmpty();
        shot("care-05-notice-thread");
        String noticeId = browser.getCurrentUrl().replaceAll(".*#/notice/", "");
        browser.get(stack.baseUrl() + "/v1/notices/" + noticeId + "/page");
        waitForText(By.tagName("h1"), "夏季安全提醒");
        assertThat(browser.findElement(By.className("text")).getText()).contains("周六上午在工会组织体检");
        shot("care-06-notice-page");
        browser.get(stack.baseUrl() + "/console#/applications");

        // 4. an assistance application from submitted to paid
        waitForText(By.tagName("h1"), "帮扶申请");
        click(By.id("appNew"));
        type(By.id("appMember"), "王建国");
        click(By.cssSelector("#applicationForm [role=option][data-member='" + member.get("id").asText() + "']"));
        new Select(browser.findElement(By.id("appKind"))).selectByValue("medical");
        type(By.id("appAmount"), "5000");
        type(By.id("appReason"), "父亲住院手术，自付部分较多");
        type(By.id("appDocs"), "住院发票复印件 2 张\nhttps://drive.example/fapiao.pdf");
        shot("care-07-application-form");
        click(By.id("appSave"));
        waitForText(By.tagName("h1"), "已提交");
        click(By.id("stepDo-review"));
        waitForText(By.tagName("h1"), "已审核");
        WebElement amount = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stepAmount")));
        amount.clear();
        amount.sendKeys("3000");
        click(By.id("stepDo-approve"));
        waitForText(By.tagName("h1"), "已批准");
        click(By.id("stepDo-pay"));
        waitForText(By.id("dialogConfirm"), "¥3,000");
        click(By.id("dialogConfirm"));
        waitForText(By.tagName("h1"), "已发放");
        assertThat(browser.findElement(By.id("view")).getText()).contains("¥3,000").contains("父亲住院手术，自付部分较多");
        shot("care-08-application-paid");

        // a step out of order is refused with its reason in both languages
        String appId = browser.getCurrentUrl().replaceAll(".*#/application/", "");
        LocalApi.Reply refused = api.post("/v1/applications/" + appId + "/approve", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").get("message").asText()).contains("只有已审核", "Only a reviewed");

        // the printable form holds every step
        ((JavascriptExecutor) browser).executeScript("window.print = function () {};");
        click(By.id("appPrint"));
        String printed = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('printArea').textContent;");
        assertThat(printed).contains("工会会员帮扶申请表", "王建国", "父亲住院手术", "¥3,000", "申请人签字");

        // 5. the report counts it; the list shows it
        click(By.id("nav-applications"));
        waitForText(By.id("appReport"), "¥3,000");
        waitForText(By.id("appList"), "王建国");
        shot("care-09-applications");

        // and in English
        click(By.id("langBtn"));
        click(By.id("nav-notices"));
        waitForText(By.tagName("h1"), "Notices");
        shot("care-10-notices-in-english");
        HeadlessChromium.assertNoScriptErrors(browser);
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void type(By by, String text) {
        WebElement el = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        el.clear();
        el.sendKeys(text);
    }

    private void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    private void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
