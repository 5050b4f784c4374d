package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every screen of the console with something on it, at a desk (1366×800) and on a phone (390×844): saved under
 * target/screenshots/ as {@code screen-<size>-<screen>.png} for people to look at, and checked by axe-core, which
 * must find no WCAG 2.x A or AA violation on any of them — the dialogs and the not-live banner included.
 */
class ConsoleScreensIT {
    private ConsoleBrowser c;

    @AfterEach
    void stop() {
        if (c != null) c.close();
    }

    @ParameterizedTest(name = "on a {0}")
    @ValueSource(strings = {"desk", "phone"})
    void everyScreen_isShown_andHasNoAccessibilityViolation(String size) {
        c = new ConsoleBrowser(size.equals("phone") ? ConsoleBrowser.PHONE : ConsoleBrowser.DESK);
        try {
            walk(size);
        } catch (RuntimeException | AssertionError e) {
            c.keepEvidence("screens-" + size);
            throw e;
        }
    }

    private void walk(String size) {
        // a small union with one of everything
        List<String> ids = c.members(24);
        JsonNode wang = c.wangWithHisFather();
        c.volunteer("刘强", "13911110011", "路北区");
        c.volunteer("赵敏", "13911110012", "路南区");
        JsonNode zhou = c.leader("周干事", "13911110021", 1);
        c.leader("陈主席", "13911110022", 2);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        c.api.put("/v1/duty-roster", Map.of("shifts", List.of(Map.of("leaderId", zhou.get("id").asText(), "from", today,
                "to", today))));
        c.api.sms("13911110002", "救命 老伴胸口疼");
        String incident = c.api.get("/v1/incidents?status=active").json().get("items").get(0).get("id").asText();
        JsonNode notice = c.api.expect(201, "/v1/notices", Map.of("title", "夏季安全提醒", "text", "高温天气请注意防暑。",
                "audience", Map.of("kind", "unit", "unit", "炼钢厂")));
        JsonNode app = c.api.expect(201, "/v1/applications", Map.of("memberId", wang.get("id").asText(), "kind", "medical",
                "reason", "父亲住院手术，自付部分较多", "amountRequested", 5000));
        c.api.expect(201, "/v1/incidents/" + incident + "/followups", Map.of("kind", "visit", "dueDate", today,
                "visitors", List.of("周干事")));
        // the union's own work: a care round for a unit, a family's request to change a contact
        JsonNode round = c.api.expect(201, "/v1/care-rounds", Map.of("title", "夏季入户安全检查", "kind", "safety-check",
                "dueDate", today, "owner", "周干事", "audience", Map.of("kind", "unit", "unit", "炼钢厂")));
        String token = c.api.get("/v1/members/" + wang.get("id").asText() + "/trigger-link").json().get("token").asText();
        assertThat(new LocalApi(c.stack.baseUrl(), null).post("/v1/triggers/" + token + "/contacts", Map.of(
                "action", "change", "contact", 0, "name", "王德福", "relation", "父亲", "phone", "13911110009",
                "requesterName", "王小红")).status()).isEqualTo(201);

        c.signIn();
        Map<String, Runnable> screens = new LinkedHashMap<>();
        screens.put("board", () -> c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr[data-code]"))));
        screens.put("incident", () -> { c.open("#/incident/" + incident); c.waitForText(By.id("incidentFacts"), "老伴胸口疼"); });
        screens.put("incidents", () -> { c.open("#/incidents"); c.waitForText(By.id("histList"), "共 1 起"); });
        screens.put("members", () -> { c.open("#/members"); c.waitForText(By.id("dirList"), "共 25 人"); });
        screens.put("member-card", () -> {
            c.click(By.cssSelector("#dirList button.page[aria-label='第 2 页']"));
            c.click(By.cssSelector("#dirList tr[data-key='" + wang.get("id").asText() + "'] button[data-focus='card']"));
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cardPanel img.qr")));
        });
        screens.put("member-record", () -> {
            c.click(By.cssSelector("#dirList button.page[aria-label='第 1 页']"));
            c.click(By.cssSelector("#dirList tr[data-key='" + ids.get(0) + "'] button[data-focus='edit']"));
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("memberForm")));
        });
        screens.put("import", () -> { c.click(By.id("dirImport")); c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("importForm"))); });
        screens.put("volunteers", () -> { c.open("#/volunteers"); c.waitForText(By.id("dirList"), "赵敏"); });
        screens.put("leaders", () -> { c.open("#/leaders"); c.waitForText(By.id("dirList"), "陈主席"); });
        screens.put("roster", () -> { c.open("#/roster"); c.waitForText(By.id("onDutyToday"), "周干事"); });
        screens.put("policy", () -> { c.open("#/policy"); c.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("policySave"))); });
        screens.put("followups", () -> { c.open("#/followups"); c.waitForText(By.id("view"), "周干事"); });
        screens.put("notices", () -> { c.open("#/notices"); c.waitForText(By.id("noticeList"), "夏季安全提醒"); });
        screens.put("notice", () -> { c.open("#/notice/" + notice.get("id").asText()); c.waitForText(By.tagName("h1"), "夏季安全提醒"); });
        screens.put("applications", () -> { c.open("#/applications"); c.waitForText(By.id("appList"), "王建国"); });
        screens.put("application", () -> { c.open("#/application/" + app.get("id").asText()); c.waitForText(By.tagName("h1"), "王建国"); });
        screens.put("reports", () -> { c.open("#/reports"); c.waitForText(By.id("summary"), "升级率"); });
        screens.put("audit", () -> { c.open("#/audit"); c.waitForText(By.id("view"), "王建国"); });
        screens.put("sms", () -> { c.open("#/sms"); c.waitForText(By.id("outbox"), "120"); c.waitForText(By.id("groupPosts"), "路北区"); });
        screens.put("bereavement", () -> {
            c.open("#/bereavement");
            c.wait.until(d -> !d.findElement(By.id("brAmount")).getAttribute("value").isEmpty());
            c.pickMember("bereavementForm", "brMember", wang);
            c.type(By.id("brRelation"), "父亲");
            c.type(By.id("brDeceased"), "王德福");
            c.click(By.id("brSave"));
            c.waitForText(By.id("bereavementRecorded"), "慰问清单");
        });
        screens.put("rounds", () -> {
            c.open("#/rounds");
            c.waitForText(By.id("roundList"), "夏季入户安全检查");
            // the toast of the death just recorded has its few seconds, on the page's clock rather than the test's
            HeadlessChromium.passOneShotTimers(c.browser, java.time.Duration.ofSeconds(5));
            c.wait.until(d -> d.findElement(By.id("status")).getText().isEmpty());
        });
        screens.put("round-form", () -> {
            c.click(By.id("roundNew"));
            c.pickMember("roundForm", "roundMembers", wang);
            c.waitForText(By.cssSelector("#roundForm .picked"), "王建国");
        });
        screens.put("round", () -> { c.open("#/round/" + round.get("id").asText()); c.waitForText(By.id("roundProgress"), "0 / 9"); });
        screens.put("contact-requests", () -> { c.open("#/contactRequests"); c.waitForText(By.id("crList"), "王小红"); });
        screens.put("guide", () -> {
            c.open("#/guide");
            c.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#guideKinds .guide-kind"), 4));
        });
        screens.put("dialog", () -> {
            c.open("#/incident/" + incident);
            c.click(By.id("escalateBtn"));
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        });
        screens.put("not-live", () -> {
            c.click(By.id("dialogCancel"));
            c.open("#/board");
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr[data-code]")));
            c.offline();
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liveBanner")));
        });
        screens.put("english", () -> {
            // back online, the retry (not the board's next refresh, held meanwhile) takes the banner away
            HeadlessChromium.holdRepeatingTimers(c.browser, true);
            c.online();
            c.click(By.id("liveRetry"));
            c.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("liveBanner")));
            HeadlessChromium.holdRepeatingTimers(c.browser, false);
            c.click(By.id("langBtn"));
            c.waitForText(By.tagName("h1"), "Live board");
        });
        screens.forEach((name, show) -> {
            show.run();
            c.shot("screen-" + size + "-" + name);
            Axe.assertNoViolations(c.browser, name + " (" + size + ")");
        });
        HeadlessChromium.assertNoScriptErrors(c.browser);
    }
}
