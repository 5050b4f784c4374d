package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The member's own page as the family opens the personal link inside WeChat (Chromium at a phone's 390×844, with
 * WeChat's user agent), against the local stack in this JVM: the help button, the union's notices, an application
 * following the guide with its documents, its status after an officer approves it, and a change of contacts asked
 * for. Nothing on it is an address or anyone's phone. Screenshots go to target/screenshots/.
 */
class MemberPageIT {
    /** What WeChat 8.0 on Android sends (its XWEB kernel, a Chromium). */
    static final String WECHAT = "Mozilla/5.0 (Linux; Android 13; V2254A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 "
            + "MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN "
            + "ABI/arm64";
    private static final String FATHER = "13911130002";

    @AutoClose
    private final ConsoleBrowser c = new ConsoleBrowser(ConsoleBrowser.PHONE, WECHAT, Map.of());

    @Test
    void theFamilyInWeChat_asksForHelp_readsANotice_appliesWithItsDocuments_andSeesTheOfficersApproval()
            throws Exception {
        c.story("member-page", this::theStory);
    }

    private void theStory() throws Exception {
        // given a member with his father on file, a neighbour on duty, his personal link, and a notice to every member
        JsonNode member = c.api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911130001", "unit", "机修车间",
                "homeArea", Map.of("city", "唐山市", "district", "路北区"), "homeAddress", "唐山市路北区文化路 12 号 3 单元",
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", FATHER))));
        String memberId = member.get("id").asText();
        c.api.expect(201, "/v1/volunteers", Map.of("name", "刘强", "phone", "13911130011", "area",
                Map.of("city", "唐山市", "district", "路北区"), "onDuty", true));
        String link = c.api.expect(200, "/v1/members/" + memberId + "/trigger-link", null).get("url").asText();
        String notice = c.api.expect(201, "/v1/notices", Map.of("title", "夏季安全提醒", "text", "高温天气请注意防暑，外出带水。",
                "audience", Map.of("kind", "all-members"))).get("id").asText();
        c.api.expect(200, "/v1/notices/" + notice + "/send", null);

        // 1. the father opens the link in WeChat: the help button comes first, and the notice is there
        c.browser.get(link);
        WebElement help = c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("go")));
        assertThat(help.getRect().getY()).as("the help button is on the first screen").isLessThan(844 - 100);
        assertThat(help.getRect().getWidth()).as("the help button spans the phone").isGreaterThan(300);
        assertThat((String) c.browser.executeScript("return navigator.userAgent")).contains("MicroMessenger");
        c.waitForText(By.id("noticeList"), "夏季安全提醒");
        assertThat(c.browser.findElement(By.id("noticeList")).getText()).contains("高温天气请注意防暑");
        c.shot("member-01-page");

        // 2. help: one tap, the code and the 120 reminder, and the neighbour is alerted
        c.type(By.id("message"), "父亲在家摔倒了");
        c.click(By.id("go"));
        c.waitForText(By.id("result"), "120");
        assertThat(c.api.outboxTo("+8613911130011")).singleElement().asString().contains("/v1/acks/");
        c.shot("member-02-help-sent");
        String incidentId = c.api.get("/v1/incidents?status=active").json().get("items").get(0).get("id").asText();
        c.api.expect(200, "/v1/incidents/" + incidentId + "/resolve", Map.of("outcome", "已处理"));

        // 3. apply for assistance following the guide: kinds, documents, steps; two documents ticked
        c.click(By.id("tab-apply"));
        c.waitForText(By.id("guide"), "所需材料");
        assertThat(c.browser.findElement(By.id("guide")).getText()).contains("医疗救助", "诊断证明书", "办理步骤");
        new Select(c.browser.findElement(By.id("applyKind"))).selectByValue("medical");
        c.click(By.xpath("//label[contains(., '诊断证明书')]/input"));
        c.click(By.xpath("//label[contains(., '医疗费用发票')]/input"));
        c.type(By.id("applyReason"), "父亲摔伤住院，自付部分较多");
        c.type(By.id("applyAmount"), "5000");
        c.type(By.id("applyOther"), "住院押金收据");
        c.type(By.id("applyName"), "王德福");
        c.type(By.id("applyPhone"), FATHER);
        c.shot("member-03-application-form");
        c.click(By.id("applySubmit"));
        c.waitForText(By.id("applyResult"), "申请已提交");
        JsonNode submitted = c.api.get("/v1/applications?memberId=" + memberId).json().get("items").get(0);
        assertThat(submitted.get("documents")).extracting(JsonNode::asText)
                .containsExactly("诊断证明书", "医疗费用发票及明细（复印件）", "住院押金收据");
        assertThat(c.api.outboxTo("+86" + FATHER)).last().asString().contains("医疗救助", "已收到");

        // 4. an officer reviews and approves it; the page shows where it stands and who handled it
        String applicationId = submitted.get("id").asText();
        c.api.expect(200, "/v1/applications/" + applicationId + "/review", Map.of("note", "材料齐全"));
        c.api.expect(200, "/v1/applications/" + applicationId + "/approve", Map.of("amount", 3000));
        c.click(By.id("tab-applications"));
        c.waitForText(By.id("applicationList"), "已批准");
        String status = c.browser.findElement(By.id("applicationList")).getText();
        assertThat(status).contains("医疗救助", "已审核", "经办：admin", "诊断证明书");
        assertThat(c.api.outboxTo("+86" + FATHER)).last().asString().contains("已批准", "3000");
        c.shot("member-04-application-approved");

        // 5. ask to change the father's phone: it waits for an officer, and the member is told
        c.click(By.id("tab-contacts"));
        c.waitForText(By.id("contactList"), "父亲");
        new Select(c.browser.findElement(By.id("contactAction"))).selectByValue("change");
        c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contactWhich")));
        c.type(By.id("contactName"), "王德福");
        c.type(By.id("contactRelation"), "父亲");
        c.type(By.id("contactPhone"), "13911130009");
        c.type(By.id("contactRequester"), "王德福");
        c.click(By.id("contactSubmit"));
        c.waitForText(By.id("requestList"), "待审核");
        assertThat(c.browser.findElement(By.id("requestList")).getText()).contains("****0009");
        assertThat(c.api.outboxTo("+8613911130001")).last().asString().contains("申请更改家属联系人");
        c.shot("member-05-contact-change");

        // nothing on the page is an address or anyone's phone, and it ran under its CSP without a refusal
        String everything = c.browser.findElement(By.tagName("body")).getText();
        assertThat(everything).doesNotContain("文化路", "13911130001", FATHER, "13911130011", "13911130009");
        HeadlessChromium.assertNoScriptErrors(c.browser);
    }
}
