package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The union's own work in the console, in a real browser (Debian's headless Chromium) against the local stack in
 * this JVM: a death in a member's family recorded (no volunteer alerted, both levels of leaders texted, the leaders'
 * group told, the checklist with owners and due dates), a summer safety round planned for a unit and carried
 * forward, a family's contact change approved, the guide edited, and the work group's posts beside the SMS
 * simulator. Screenshots go to target/screenshots/.
 */
class UnionConsoleIT {
    private static final String ADMIN = "union-it-admin-token-000001";

    @TempDir
    Path dataDir;

    private ConsoleBrowser c;
    private LocalStack stack;
    private ChromeDriver browser;
    private BrowserSteps steps;

    @BeforeEach
    void startTheStackAndTheBrowser() {
        c = new ConsoleBrowser(dataDir, new Dimension(1280, 1400), null, Map.of("HUZHU_ADMIN_TOKEN", ADMIN));
        stack = c.stack;
        browser = c.browser;
        steps = new BrowserSteps(browser);
    }

    @AfterEach
    void stop() {
        if (c != null) c.close();
    }

    @Test
    void anOfficer_recordsADeath_plansASafetyRound_approvesAContactChange_andEditsTheGuide() throws Exception {
        steps.story("union", this::theStory);
    }

    private void theStory() throws Exception {
        LocalApi api = new LocalApi(stack.baseUrl(), ADMIN);
        // given two members of the repair shop, one of another unit, a neighbour on duty and two levels of leaders
        JsonNode wang = api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911140001", "unit", "机修车间",
                "homeArea", Map.of("city", "唐山市", "district", "路北区"),
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", "13911140002"))));
        api.expect(201, "/v1/members", Map.of("name", "李娜", "phone", "13911140003", "unit", "机修车间",
                "homeArea", Map.of("city", "唐山市", "district", "开平区")));
        api.expect(201, "/v1/members", Map.of("name", "赵六", "phone", "13911140004", "unit", "运输部",
                "homeArea", Map.of("city", "唐山市", "district", "古冶区")));
        api.expect(201, "/v1/volunteers", Map.of("name", "刘强", "phone", "13911140011", "area",
                Map.of("city", "唐山市", "district", "路北区"), "onDuty", true));
        api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", "13911140021", "title", "工会干事", "level", 1));
        api.expect(201, "/v1/leaders", Map.of("name", "陈主席", "phone", "13911140022", "title", "工会主席", "level", 2));

        // sign in
        browser.get(stack.baseUrl() + "/console");
        steps.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(ADMIN);
        browser.findElement(By.id("signinBtn")).click();
        steps.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-bereavement")));

        // 1. a death in Wang's family: recorded, both levels of leaders texted at once, no volunteer, the checklist
        steps.click(By.id("nav-bereavement"));
        steps.waitForText(By.tagName("h1"), "白事登记");
        steps.type(By.id("brMember"), "王建国");
        steps.click(By.cssSelector("#bereavementForm [role=option][data-member='" + wang.get("id").asText() + "']"));
        steps.type(By.id("brRelation"), "父亲");
        steps.type(By.id("brDeceased"), "王德福");
        steps.type(By.id("brVisitOwner"), "陈主席");
        steps.type(By.id("brMessage"), "昨晚在家中病逝");
        steps.wait.until(d -> !d.findElement(By.id("brAmount")).getAttribute("value").isEmpty());
        assertThat(browser.findElement(By.id("brAmount")).getAttribute("value")).isEqualTo("500");
        steps.shot("union-01-bereavement-form");
        steps.click(By.id("brSave"));
        steps.waitForText(By.id("bereavementRecorded"), "慰问清单");
        String recorded = browser.findElement(By.id("bereavementRecorded")).getText();
        assertThat(recorded).contains("协助料理后事", "上门吊唁慰问", "陈主席", "丧葬慰问金申请与发放");
        assertThat(api.outboxTo("+8613911140021")).singleElement().asString().contains("王建国", "父亲 王德福");
        assertThat(api.outboxTo("+8613911140022")).singleElement().asString().contains("王建国");
        assertThat(api.outboxTo("+8613911140011")).isEmpty();
        assertThat(api.groupPosts(LocalGroups.LEADERS_GROUP)).singleElement().asString().contains("丧事", "路北区")
                .doesNotContain("王");
        assertThat(api.groupPosts(LocalGroups.WORK_GROUP)).isEmpty();
        steps.shot("union-02-bereavement-recorded");
        steps.click(By.linkText("查看记录"));
        steps.waitForText(By.id("view"), "丧事");
        steps.shot("union-03-bereavement-incident");

        // 2. the summer safety check of the repair shop's homes: one follow-up each, progress as they are done
        steps.click(By.id("nav-rounds"));
        steps.click(By.id("roundNew"));
        steps.type(By.id("roundTitle"), "夏季入户安全检查");
        new Select(browser.findElement(By.id("roundKind"))).selectByValue("safety-check");
        new Select(browser.findElement(By.id("roundAudience"))).selectByValue("unit");
        steps.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#roundUnit option[value='机修车间']")));
        new Select(browser.findElement(By.id("roundUnit"))).selectByValue("机修车间");
        browser.executeScript("arguments[0].value = '2026-07-15'", browser.findElement(By.id("roundDue")));
        steps.type(By.id("roundOwner"), "周干事");
        steps.type(By.id("roundNotes"), "查看燃气、电线，送防暑用品");
        steps.shot("union-04-round-form");
        steps.click(By.id("roundSave"));
        steps.waitForText(By.id("roundProgress"), "已完成 0 / 2");
        steps.waitForText(By.id("roundFollowUps"), "李娜");
        assertThat(browser.findElement(By.id("roundFollowUps")).getText()).contains("王建国").doesNotContain("赵六");
        steps.click(By.cssSelector("#roundFollowUps button.mark-done"));
        steps.waitForText(By.id("roundProgress"), "已完成 1 / 2");
        steps.shot("union-05-round-progress");
        steps.click(By.id("nav-rounds"));
        steps.waitForText(By.id("roundList"), "已完成 1 / 2");

        // 3. the family asks on the member's page to change the father's phone; an officer approves it
        String token = api.expect(200, "/v1/members/" + wang.get("id").asText() + "/trigger-link", null)
                .get("token").asText();
        new LocalApi(stack.baseUrl(), null).post("/v1/triggers/" + token + "/contacts", Map.of("action", "change",
                "contact", 0, "name", "王德福", "relation", "父亲", "phone", "13911140009", "requesterName", "王小红"));
        steps.click(By.id("nav-contactRequests"));
        steps.waitForText(By.id("crList"), "王小红");
        steps.shot("union-06-contact-request");
        steps.click(By.cssSelector("#crList button.approve"));
        steps.waitForText(By.cssSelector("dialog[open]"), "13911140009");
        steps.click(By.id("dialogConfirm"));
        steps.waitForText(By.id("status"), "已批准");
        assertThat(api.get("/v1/members/" + wang.get("id").asText()).json().get("familyContacts").get(0).get("phone")
                .asText()).isEqualTo("+8613911140009");

        // 4. the guide: the bereavement payment's standard becomes 800
        steps.click(By.id("nav-guide"));
        steps.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#guideKinds .guide-kind"), 4));
        WebElement standard = browser.findElement(By.xpath(
                "//fieldset[.//option[@value='bereavement' and @selected]]//input[@data-part='standardAmount']"));
        standard.clear();
        standard.sendKeys("800");
        steps.click(By.id("guideSave"));
        steps.waitForText(By.id("status"), "操作指南已保存");
        assertThat(api.get("/v1/assistance-guide").json().get("kinds").get(2).get("standardAmount").asInt())
                .isEqualTo(800);
        steps.shot("union-07-guide");

        // 5. the SMS simulator shows the work group beside the SMS: a help request opened, without a person in it
        api.sms("13911140003", "救命，家里有人摔倒了");
        steps.click(By.id("nav-sms"));
        steps.waitForText(By.id("groupPosts"), "已发起");
        assertThat(browser.findElement(By.id("groupPosts")).getText()).contains("开平区").doesNotContain("李娜");
        steps.shot("union-08-work-group");
        HeadlessChromium.assertNoScriptErrors(browser);
    }
}
