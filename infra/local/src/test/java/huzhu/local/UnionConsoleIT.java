package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
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
    @AutoClose
    private final ConsoleBrowser c = new ConsoleBrowser(new Dimension(1280, 1400));

    @Test
    void anOfficer_recordsADeath_plansASafetyRound_approvesAContactChange_andEditsTheGuide() throws Exception {
        c.story("union", this::theStory);
    }

    private void theStory() throws Exception {
        // given two members of the repair shop, one of another unit, a neighbour on duty and two levels of leaders
        JsonNode wang = c.api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911140001", "unit", "机修车间",
                "homeArea", Map.of("city", "唐山市", "district", "路北区"),
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", "13911140002"))));
        c.api.expect(201, "/v1/members", Map.of("name", "李娜", "phone", "13911140003", "unit", "机修车间",
                "homeArea", Map.of("city", "唐山市", "district", "开平区")));
        c.api.expect(201, "/v1/members", Map.of("name", "赵六", "phone", "13911140004", "unit", "运输部",
                "homeArea", Map.of("city", "唐山市", "district", "古冶区")));
        c.api.expect(201, "/v1/volunteers", Map.of("name", "刘强", "phone", "13911140011", "area",
                Map.of("city", "唐山市", "district", "路北区"), "onDuty", true));
        c.api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", "13911140021", "title", "工会干事", "level", 1));
        c.api.expect(201, "/v1/leaders", Map.of("name", "陈主席", "phone", "13911140022", "title", "工会主席", "level", 2));

        // sign in
        c.signIn();

        // 1. a death in Wang's family: recorded, both levels of leaders texted at once, no volunteer, the checklist
        c.click(By.id("nav-bereavement"));
        c.waitForText(By.tagName("h1"), "白事登记");
        c.pickMember("bereavementForm", "brMember", wang);
        c.type(By.id("brRelation"), "父亲");
        c.type(By.id("brDeceased"), "王德福");
        c.type(By.id("brVisitOwner"), "陈主席");
        c.type(By.id("brMessage"), "昨晚在家中病逝");
        c.wait.until(d -> !d.findElement(By.id("brAmount")).getAttribute("value").isEmpty());
        assertThat(c.browser.findElement(By.id("brAmount")).getAttribute("value")).isEqualTo("500");
        c.shot("union-01-bereavement-form");
        c.click(By.id("brSave"));
        c.waitForText(By.id("bereavementRecorded"), "慰问清单");
        String recorded = c.browser.findElement(By.id("bereavementRecorded")).getText();
        assertThat(recorded).contains("协助料理后事", "上门吊唁慰问", "陈主席", "丧葬慰问金申请与发放");
        assertThat(c.api.outboxTo("+8613911140021")).singleElement().asString().contains("王建国", "父亲 王德福");
        assertThat(c.api.outboxTo("+8613911140022")).singleElement().asString().contains("王建国");
        assertThat(c.api.outboxTo("+8613911140011")).isEmpty();
        assertThat(c.api.groupPosts(LocalGroups.LEADERS_GROUP)).singleElement().asString().contains("丧事", "路北区")
                .doesNotContain("王");
        assertThat(c.api.groupPosts(LocalGroups.WORK_GROUP)).isEmpty();
        c.shot("union-02-bereavement-recorded");
        c.click(By.linkText("查看记录"));
        c.waitForText(By.id("view"), "丧事");
        c.shot("union-03-bereavement-incident");

        // 2. the summer safety check of the repair shop's homes: one follow-up each, progress as they are done
        c.click(By.id("nav-rounds"));
        c.click(By.id("roundNew"));
        c.type(By.id("roundTitle"), "夏季入户安全检查");
        new Select(c.browser.findElement(By.id("roundKind"))).selectByValue("safety-check");
        new Select(c.browser.findElement(By.id("roundAudience"))).selectByValue("unit");
        c.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#roundUnit option[value='机修车间']")));
        new Select(c.browser.findElement(By.id("roundUnit"))).selectByValue("机修车间");
        c.browser.executeScript("arguments[0].value = '2026-07-15'", c.browser.findElement(By.id("roundDue")));
        c.type(By.id("roundOwner"), "周干事");
        c.type(By.id("roundNotes"), "查看燃气、电线，送防暑用品");
        c.shot("union-04-round-form");
        c.click(By.id("roundSave"));
        c.waitForText(By.id("roundProgress"), "已完成 0 / 2");
        c.waitForText(By.id("roundFollowUps"), "李娜");
        assertThat(c.browser.findElement(By.id("roundFollowUps")).getText()).contains("王建国").doesNotContain("赵六");
        c.click(By.cssSelector("#roundFollowUps button.mark-done"));
        c.waitForText(By.id("roundProgress"), "已完成 1 / 2");
        c.shot("union-05-round-progress");
        c.click(By.id("nav-rounds"));
        c.waitForText(By.id("roundList"), "已完成 1 / 2");

        // 3. the family asks on the member's page to change the father's phone; an officer approves it
        String token = c.api.expect(200, "/v1/members/" + wang.get("id").asText() + "/trigger-link", null)
                .get("token").asText();
        new LocalApi(c.stack.baseUrl(), null).post("/v1/triggers/" + token + "/contacts", Map.of("action", "change",
                "contact", 0, "name", "王德福", "relation", "父亲", "phone", "13911140009", "requesterName", "王小红"));
        c.click(By.id("nav-contactRequests"));
        c.waitForText(By.id("crList"), "王小红");
        c.shot("union-06-contact-request");
        c.click(By.cssSelector("#crList button.approve"));
        c.waitForText(By.cssSelector("dialog[open]"), "13911140009");
        c.click(By.id("dialogConfirm"));
        c.waitForText(By.id("status"), "已批准");
        assertThat(c.api.get("/v1/members/" + wang.get("id").asText()).json().get("familyContacts").get(0).get("phone")
                .asText()).isEqualTo("+8613911140009");

        // 4. the guide: the bereavement payment's standard becomes 800
        c.click(By.id("nav-guide"));
        c.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#guideKinds .guide-kind"), 4));
        WebElement standard = c.browser.findElement(By.xpath(
                "//fieldset[.//option[@value='bereavement' and @selected]]//input[@data-part='standardAmount']"));
        standard.clear();
        standard.sendKeys("800");
        c.click(By.id("guideSave"));
        c.waitForText(By.id("status"), "操作指南已保存");
        assertThat(c.api.get("/v1/assistance-guide").json().get("kinds").get(2).get("standardAmount").asInt())
                .isEqualTo(800);
        c.shot("union-07-guide");

        // 5. the SMS simulator shows the work group beside the SMS: a help request opened, without a person in it
        c.api.sms("13911140003", "救命，家里有人摔倒了");
        c.click(By.id("nav-sms"));
        c.waitForText(By.id("groupPosts"), "已发起");
        assertThat(c.browser.findElement(By.id("groupPosts")).getText()).contains("开平区").doesNotContain("李娜");
        c.shot("union-08-work-group");
        HeadlessChromium.assertNoScriptErrors(c.browser);
    }
}
