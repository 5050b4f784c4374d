package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The care screens in a real browser (Debian's headless Chromium), against the local stack in this JVM: a member's
 * family is introduced, an officer writes a notice, previews and sends it, the father's reply lands in its thread,
 * and an assistance application goes from submitted to paid and is printed. Screenshots go to target/screenshots/.
 */
class CareConsoleIT {
    private static final String FATHER = "13911120002";

    @AutoClose
    private final ConsoleBrowser c = new ConsoleBrowser(new Dimension(1280, 1400));

    @Test
    void anOfficer_introducesAFamily_sendsANotice_readsTheReply_andCarriesAnApplicationToPayment() throws Exception {
        c.story("care", this::theStory);
    }

    private void theStory() throws Exception {
        // given a member registered with his father as family contact: the father was introduced at once
        JsonNode member = c.api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911120001", "unit", "销售分公司",
                "homeArea", Map.of("city", "武汉市", "district", "江汉区"),
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", FATHER))));
        assertThat(c.api.outboxTo("+86" + FATHER)).singleElement().asString().contains("王建国", "120", "/v1/triggers/");

        // 1. sign in; the member's record shows the introduction
        c.signIn();
        c.click(By.id("nav-members"));
        c.waitForText(By.id("dirList"), "王德福");
        c.click(By.xpath("//button[normalize-space()='编辑']"));
        c.waitForText(By.id("introductions"), "已发出");
        assertThat(c.browser.findElement(By.id("introductions")).getText()).contains("王德福", "已含链接");
        c.shot("care-01-member-introduction");

        // 2. a notice: compose, preview, save, send now; progress shows it reached the member
        c.click(By.id("nav-notices"));
        c.waitForText(By.id("familyReach"), "1 个已收到告知短信");
        c.shot("care-02-notices-empty");
        c.click(By.id("noticeNew"));
        c.type(By.id("noticeTitle"), "夏季安全提醒");
        c.type(By.id("noticeText"), "高温天气请注意防暑，外出带水。\n周六上午在工会组织体检。");
        new Select(c.browser.findElement(By.id("noticeAudience"))).selectByValue("all-members");
        c.click(By.id("noticePreviewBtn"));
        c.waitForText(By.id("noticePreview"), "将发给 1 人");
        c.shot("care-03-notice-preview");
        c.click(By.id("noticeSave"));
        c.waitForText(By.tagName("h1"), "草稿");
        c.click(By.id("noticeSend"));
        c.click(By.id("dialogConfirm"));
        c.waitForText(By.tagName("h1"), "已发送");
        c.waitForText(By.id("noticeProgress"), "已发 1");
        c.waitForText(By.id("noticeDeliveries"), "王建国");
        c.shot("care-04-notice-sent");

        // 3. the member replies by SMS: the reply is in the notice's thread, no incident is opened
        c.api.sms("13911120001", "收到，周六参加");
        c.browser.navigate().refresh();
        c.waitForText(By.id("noticeThread"), "周六参加");
        assertThat(c.api.get("/v1/incidents?status=all").json().get("items")).isEmpty();
        c.shot("care-05-notice-thread");
        String noticeId = c.browser.getCurrentUrl().replaceAll(".*#/notice/", "");
        c.browser.get(c.stack.baseUrl() + "/v1/notices/" + noticeId + "/page");
        c.waitForText(By.tagName("h1"), "夏季安全提醒");
        assertThat(c.browser.findElement(By.className("text")).getText()).contains("周六上午在工会组织体检");
        c.shot("care-06-notice-page");
        c.browser.get(c.stack.baseUrl() + "/console#/applications");

        // 4. an assistance application from submitted to paid
        c.waitForText(By.tagName("h1"), "帮扶申请");
        c.click(By.id("appNew"));
        c.pickMember("applicationForm", "appMember", member);
        new Select(c.browser.findElement(By.id("appKind"))).selectByValue("medical");
        c.type(By.id("appAmount"), "5000");
        c.type(By.id("appReason"), "父亲住院手术，自付部分较多");
        c.type(By.id("appDocs"), "住院发票复印件 2 张\nhttps://drive.example/fapiao.pdf");
        c.shot("care-07-application-form");
        c.click(By.id("appSave"));
        c.waitForText(By.tagName("h1"), "已提交");
        c.click(By.id("stepDo-review"));
        c.waitForText(By.tagName("h1"), "已审核");
        WebElement amount = c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stepAmount")));
        amount.clear();
        amount.sendKeys("3000");
        c.click(By.id("stepDo-approve"));
        c.waitForText(By.tagName("h1"), "已批准");
        c.click(By.id("stepDo-pay"));
        c.waitForText(By.id("dialogConfirm"), "¥3,000");
        c.click(By.id("dialogConfirm"));
        c.waitForText(By.tagName("h1"), "已发放");
        assertThat(c.browser.findElement(By.id("view")).getText()).contains("¥3,000").contains("父亲住院手术，自付部分较多");
        c.shot("care-08-application-paid");

        // a step out of order is refused with its reason in both languages
        String appId = c.browser.getCurrentUrl().replaceAll(".*#/application/", "");
        LocalApi.Reply refused = c.api.post("/v1/applications/" + appId + "/approve", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").get("message").asText()).contains("只有已审核", "Only a reviewed");

        // the printable form holds every step
        ((JavascriptExecutor) c.browser).executeScript("window.print = function () {};");
        c.click(By.id("appPrint"));
        String printed = (String) ((JavascriptExecutor) c.browser).executeScript(
                "return document.getElementById('printArea').textContent;");
        assertThat(printed).contains("工会会员帮扶申请表", "王建国", "父亲住院手术", "¥3,000", "申请人签字");

        // 5. the report counts it; the list shows it
        c.click(By.id("nav-applications"));
        c.waitForText(By.id("appReport"), "¥3,000");
        c.waitForText(By.id("appList"), "王建国");
        c.shot("care-09-applications");

        // and in English
        c.click(By.id("langBtn"));
        c.click(By.id("nav-notices"));
        c.waitForText(By.tagName("h1"), "Notices");
        c.shot("care-10-notices-in-english");
        HeadlessChromium.assertNoScriptErrors(c.browser);
    }
}
