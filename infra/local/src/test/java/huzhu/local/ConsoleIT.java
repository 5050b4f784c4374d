package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser: Debian's headless Chromium, driven through Debian's chromedriver, against
 * the local stack started in this JVM on a free port. An officer signs in, registers a member with a
 * family contact, the father texts through the SMS simulator, the incident shows on the live board, a
 * neighbour accepts by SMS, the officer resolves it and records the care visit. Every screen is saved
 * under target/screenshots/ for people to look at.
 */
class ConsoleIT {
    private static final String FATHER = "13911110002";
    private static final String LIU = "13911110011";

    @AutoClose
    private final ConsoleBrowser c = new ConsoleBrowser(new Dimension(1280, 1200));

    @Test
    void anOfficer_runsAnEmergencyFromTheConsole_fromSignInToTheCareVisit() throws Exception {
        c.story("console", this::theStory);
    }

    @Test
    void twoOfficersEditingOneMember_theSecondIsToldItChanged_andSeesTheFormAgainAsItIsNow() throws Exception {
        c.story("edit-conflict", this::twoOfficers);
    }

    private void twoOfficers() throws Exception {
        // given a member with his father as family contact
        JsonNode member = c.api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911110001",
                "homeArea", Map.of("city", "武汉市", "district", "江汉区"),
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", FATHER))));
        String path = "/v1/members/" + member.get("id").asText();
        c.signIn();
        c.click(By.id("nav-members"));
        c.waitForText(By.id("dirList"), "王德福");

        // when this officer opens the member, another adds the mother meanwhile, and this one saves an address
        c.click(By.xpath("//button[@aria-label='编辑 王建国']"));
        c.type(By.id("mAddress"), "武汉市江汉区新华路 88 号");
        LocalApi.Reply other = c.api.put(path, Map.of("name", "王建国", "phone", "13911110001",
                "homeArea", Map.of("city", "武汉市", "district", "江汉区"),
                "familyContacts", List.of(Map.of("name", "王德福", "relation", "父亲", "phone", FATHER),
                        Map.of("name", "李秀英", "relation", "母亲", "phone", "13911110003"))));
        c.click(By.id("memberSave"));

        // then this officer is told, and sees the member as the other saved him, mother included
        c.waitForText(By.cssSelector("#memberForm .form-errors"), "已被他人修改");
        c.shot("23-member-changed-meanwhile");
        assertThat(other.status()).isEqualTo(200);
        assertThat(c.browser.findElements(By.cssSelector("#familyRows [data-family=name]")))
                .extracting(e -> e.getAttribute("value")).containsExactly("王德福", "李秀英");
        assertThat(c.api.get(path).json().path("homeAddress").textValue()).isNull();

        // and saving again, on what is stored now, keeps both changes
        c.type(By.id("mAddress"), "武汉市江汉区新华路 88 号");
        c.click(By.id("memberSave"));
        c.waitForText(By.id("status"), "已保存");
        JsonNode saved = c.api.get(path).json();
        assertThat(saved.get("homeAddress").asText()).isEqualTo("武汉市江汉区新华路 88 号");
        assertThat(saved.get("familyContacts")).hasSize(2);
        HeadlessChromium.assertNoScriptErrors(c.browser);
    }

    private void theStory() throws Exception {
        // given two neighbours on duty in the father's district, and the union officer
        c.api.expect(201, "/v1/volunteers", volunteer("刘强", LIU, true));
        c.api.expect(201, "/v1/volunteers", volunteer("赵敏", "13911110012", true));
        c.api.expect(201, "/v1/leaders", Map.of("name", "周干事", "phone", "13911110021", "title", "工会干事", "level", 1));

        // 1. sign in with the local stack's admin token
        c.browser.get(c.stack.baseUrl() + "/console");
        WebElement token = c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(c.browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        c.shot("01-sign-in");
        token.sendKeys(ConsoleBrowser.ADMIN);
        c.browser.findElement(By.id("signinBtn")).click();
        c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-board")));
        c.waitForText(By.id("board"), "目前没有进行中的求助");
        c.shot("02-board-empty");

        // 2. register the member with his father as family contact
        c.browser.findElement(By.id("nav-members")).click();
        c.click(By.id("dirAdd"));
        c.type(By.id("mName"), "王建国");
        c.type(By.id("mPhone"), "139 1111 0001");
        c.type(By.id("mCity"), "武汉市");
        c.type(By.id("mDistrict"), "江汉区");
        c.type(By.id("mAddress"), "武汉市江汉区新华路 88 号 3 栋 502");
        c.click(By.id("addFamily"));
        c.type(By.cssSelector("#familyRows [data-family=name]"), "王德福");
        c.type(By.cssSelector("#familyRows [data-family=relation]"), "父亲");
        c.type(By.cssSelector("#familyRows [data-family=phone]"), FATHER);
        c.shot("03-member-form");
        c.click(By.id("memberSave"));
        c.waitForText(By.id("dirList"), "王德福（父亲） +8613911110002");
        c.shot("04-members");

        // the member's printable emergency card: its QR code opens the personal emergency link
        c.click(By.xpath("//button[normalize-space()='求助卡']"));
        WebElement card = c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cardPanel .qr-card")));
        c.shot("05-emergency-card");
        String url = card.findElement(By.className("url")).getText();
        assertThat(url).startsWith(c.stack.baseUrl() + "/v1/triggers/");
        WebElement qr = card.findElement(By.cssSelector("img.qr"));
        assertThat(qr.getAttribute("alt")).isEqualTo("王建国 的求助链接二维码");
        assertThat(decodeQr(qr)).isEqualTo(url);

        // 3. the father texts for help through the SMS simulator; he gets his code and the 120 reminder
        c.click(By.id("nav-sms"));
        c.type(By.id("smsFrom"), FATHER);
        c.type(By.id("smsBody"), "救命 老伴胸口疼");
        c.click(By.id("smsSend"));
        c.waitForText(By.id("outbox"), "120");
        c.shot("06-sms-simulator");

        // 4. the incident is on the live board, alerting the two neighbours
        c.click(By.id("nav-board"));
        WebElement row = c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr[data-code]")));
        String code = row.getAttribute("data-code");
        c.waitForText(By.id("board"), "刘强");
        assertThat(row.getText()).contains("王建国").contains("等待接单").contains("赵敏");
        c.shot("07-board-open");

        // 5. a neighbour accepts by SMS; the board shows who is coming
        c.click(By.id("nav-sms"));
        c.type(By.id("smsFrom"), LIU);
        c.type(By.id("smsBody"), "1");
        c.click(By.id("smsSend"));
        c.waitForText(By.id("outbox"), "已接单");
        c.click(By.id("nav-board"));
        c.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#board td.accepted"), "刘强"));
        c.waitForText(By.id("board"), "已接手");
        c.shot("08-board-accepted");
        c.browser.manage().window().setSize(new Dimension(390, 844));
        c.shot("09-board-on-a-phone");
        c.browser.manage().window().setSize(new Dimension(1280, 1200));

        // 6. the officer opens it and resolves it
        c.click(By.linkText(code));
        c.waitForText(By.id("incidentFacts"), "老伴胸口疼");
        c.waitForText(By.id("view"), "刘强");
        c.shot("10-incident-detail");
        c.click(By.cssSelector("#resolveDetails summary"));
        c.type(By.id("resolveOutcome"), "已送医，情况稳定");
        c.click(By.id("resolveBtn"));
        c.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "已解决"));
        c.shot("11-incident-resolved");

        // 7. and records the care visit
        new Select(c.browser.findElement(By.id("fuKind"))).selectByValue("visit");
        setValue(By.id("fuDone"), LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        new Select(c.browser.findElement(By.id("fuStatus"))).selectByValue("done");
        c.type(By.id("fuVisitors"), "周干事、陈主席");
        c.type(By.id("fuNotes"), "慰问老人，送去慰问金");
        c.click(By.id("fuSave"));
        c.waitForText(By.id("view"), "周干事、陈主席");
        c.shot("12-care-visit");

        // then the API agrees with what the page showed
        JsonNode incident = c.api.get("/v1/incidents?status=all").json().get("items").get(0);
        assertThat(incident.get("code").asText()).isEqualTo(code);
        assertThat(incident.get("status").asText()).isEqualTo("resolved");
        assertThat(incident.get("responders").get(0).get("name").asText()).isEqualTo("刘强");
        JsonNode visits = c.api.get("/v1/followups?status=done").json().get("items");
        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.get("kind").asText()).isEqualTo("visit");
            assertThat(v.get("visitors")).extracting(JsonNode::asText).containsExactly("周干事", "陈主席");
        });

        // the other screens, each looked at once
        c.api.expect(201, "/v1/incidents/" + incident.get("id").asText() + "/followups", Map.of("kind", "assistance",
                "dueDate", "2026-12-01", "visitors", List.of("周干事"), "notes", "帮扶：联系社区送餐"));
        c.click(By.id("nav-followups"));
        c.waitForText(By.id("view"), "联系社区送餐");
        c.shot("13-follow-ups");
        c.click(By.cssSelector("button.mark-done"));
        c.waitForText(By.id("status"), "已标记为完成");
        assertThat(c.api.get("/v1/followups?status=planned").json().get("items")).isEmpty();
        c.click(By.id("nav-reports"));
        c.waitForText(By.id("summary"), "升级率");
        c.waitForText(By.id("coverage"), "已短信退订的队员");
        c.shot("14-reports");
        c.click(By.id("nav-policy"));
        c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("policySave")));
        c.shot("15-escalation-policy");
        c.click(By.id("nav-volunteers"));
        c.waitForText(By.id("dirList"), "赵敏");
        c.click(By.cssSelector("input[role=switch][aria-label='赵敏 值班']"));
        c.waitForText(By.id("status"), "赵敏 已设为休息");
        assertThat(c.api.get("/v1/volunteers?onDuty=false").json().get("items")).singleElement()
                .satisfies(v -> assertThat(v.get("name").asText()).isEqualTo("赵敏"));
        c.shot("16-volunteers");
        c.click(By.id("nav-leaders"));
        c.waitForText(By.id("dirList"), "周干事");
        c.shot("17-leaders");
        c.click(By.id("nav-incidents"));
        c.waitForText(By.id("view"), code);
        c.shot("18-incident-history");
        c.click(By.id("nav-audit"));
        c.waitForText(By.id("view"), "生成求助链接");
        assertThat(c.browser.findElement(By.id("view")).getText()).contains("解决").contains("王建国").doesNotContain("+86");
        c.shot("19-audit-log");

        // a roster import with one bad row imports nothing and says which row
        c.click(By.id("nav-members"));
        c.click(By.id("dirImport"));
        c.type(By.id("importText"), "姓名,手机号,城市,家属姓名,家属电话\n李四,13911110031,武汉市,李母,13911110032\n张三,12345,武汉市,,\n");
        c.click(By.id("importCheck"));
        c.waitForText(By.id("importResult"), "没有导入任何数据");
        assertThat(c.browser.findElement(By.id("importResult")).getText()).contains("3").contains("手机号")
                .doesNotContain("phone");
        c.shot("20-import-refused");

        // an incident nobody accepts before the policy runs out is red on the board
        c.api.put("/v1/escalation-policy", Map.of("levels", List.of(Map.of("level", 0, "notify", "nearby-volunteers",
                "maxRecipients", 5, "timeoutSeconds", 1))));
        c.api.sms(FATHER, "老伴又晕倒了");
        c.escalationCheckAfter(Duration.ofSeconds(2));
        c.click(By.id("nav-board"));
        WebElement red = c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr.exhausted")));
        assertThat(red.getText()).contains("无人接单，需人工处理");
        c.shot("21-board-exhausted");

        // the switch to English
        c.click(By.id("langBtn"));
        c.click(By.id("nav-board"));
        c.waitForText(By.tagName("h1"), "Live board");
        assertThat(c.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        c.shot("22-board-in-english");
        HeadlessChromium.assertNoScriptErrors(c.browser);
    }

    // ------------------------------------------------------------------ plumbing

    private static Map<String, Object> volunteer(String name, String phone, boolean onDuty) {
        return Map.of("name", name, "phone", phone, "area", Map.of("city", "武汉市", "district", "江汉区"),
                "skills", List.of("first-aid"), "onDuty", onDuty);
    }

    /** Date inputs take their value as the browser's locale formats it; set it the way the page reads it. */
    private void setValue(By by, String value) {
        WebElement el = c.wait.until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) c.browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", el, value);
    }

    /** Reads the QR code as a phone's camera would: from the pixels the browser drew. */
    private static String decodeQr(WebElement code) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(code.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        try {
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
            return result.getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            ImageIO.write(image, "png", new File(BrowserSteps.SHOTS.toFile(), "qr-unreadable.png"));
            throw new AssertionError("the card's QR code does not decode", e);
        }
    }
}
