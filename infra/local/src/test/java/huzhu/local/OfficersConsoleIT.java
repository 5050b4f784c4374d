package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What an officer must be able to trust in the console, in Chromium, one story per problem officers met: a slow
 * network and an impatient finger, a printed card, the board's red, taking a case, a reply to a notice, the network
 * failing, a roster import, a phone, the page's language, a union of a few hundred, and the small things
 * (confirmations, focus, units, promises, taps to call, compression).
 */
class OfficersConsoleIT {
    @AutoClose
    private final ConsoleBrowser c = new ConsoleBrowser(ConsoleBrowser.DESK);
    private String name;

    @BeforeEach
    void name(TestInfo info) {
        name = info.getTestMethod().orElseThrow().getName();
    }

    /** Runs the story under the test's name, keeping what the browser showed when it fails. */
    private void story(Runnable story) {
        c.storyWithoutScriptErrors(name, story);
    }

    /** Three clicks on one button, each before the answer to the first is back. */
    private void clickThreeTimes(By button) {
        WebElement pressed = c.browser.findElement(button);
        pressed.click();
        pressed.click();
        pressed.click();
    }

    private List<JsonNode> incidents() {
        List<JsonNode> out = new java.util.ArrayList<>();
        c.api.get("/v1/incidents?status=all").json().get("items").forEach(out::add);
        return out;
    }

    // ---------------------------------------------------------------- 1

    @Test
    void threeClicksOnOpenIncident_overASlowNetwork_openOneIncident_andAlertEachNeighbourOnce() {
        story(() -> {
            // given a member and a neighbour on duty, and a network that takes two seconds each way
            c.member("王建国", "13911110001", "炼钢厂", "路北区", null);
            c.volunteer("刘强", "13911110011", "路北区");
            c.signIn();
            c.click(By.cssSelector("#openDetails summary"));
            c.type(By.id("openMember"), "王建国");
            c.click(By.cssSelector("#openForm [role=option]"));
            c.type(By.id("openMessage"), "家属来电：老人胸口疼");
            c.slowNetwork(2000);

            // when the officer clicks three times
            clickThreeTimes(By.id("openSubmit"));

            // then one incident opens, and the neighbour gets one alert
            c.wait.withTimeout(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("#/incident/"));
            c.online();
            assertThat(incidents()).hasSize(1);
            assertThat(c.api.outboxTo("+8613911110011")).filteredOn(b -> b.contains("/v1/acks/")).hasSize(1);
        });
    }

    @Test
    void threeClicksOnRecordingADeath_overASlowNetwork_recordItOnce_andTextEachLeaderOnce() {
        story(() -> {
            // given a member and two levels of leaders, and a network that takes two seconds each way
            JsonNode wang = c.member("王建国", "13911110001", "炼钢厂", "路北区", null);
            c.leader("周干事", "13911110021", 1);
            c.leader("陈主席", "13911110022", 2);
            c.signIn();
            c.open("#/bereavement");
            c.pickMember("bereavementForm", "brMember", wang);
            c.type(By.id("brRelation"), "父亲");
            c.slowNetwork(2000);

            // when the officer clicks three times
            clickThreeTimes(By.id("brSave"));

            // then one death is recorded, each leader is texted once, and the form is empty for the next one
            c.wait.withTimeout(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("bereavementRecorded")));
            c.online();
            assertThat(incidents()).hasSize(1);
            assertThat(c.api.outboxTo("+8613911110021")).hasSize(1);
            assertThat(c.api.outboxTo("+8613911110022")).hasSize(1);
            assertThat(c.browser.findElement(By.id("brMember")).getAttribute("value")).isEmpty();
        });
    }

    // ---------------------------------------------------------------- 2

    @Test
    void printingTheCard_keepsTheFamilysLink_aNewLinkIsTextedToThem_andTheDeadLinkSaysCall120() {
        story(() -> {
            // given a member whose father was introduced with the personal link
            c.wangWithHisFather();
            String introduced = c.api.outboxTo("+8613911110002").get(0);
            String link = introduced.replaceAll(".*(https?://\\S+/v1/triggers/[A-Za-z0-9_-]+).*", "$1");
            c.signIn();

            // when the officer opens and prints the card
            c.open("#/members");
            c.click(By.xpath("//button[normalize-space()='求助卡']"));
            c.waitForText(By.cssSelector("#cardPanel .url"), "/v1/triggers/");
            c.js("window.print = function () {};");
            c.click(By.id("printCard"));

            // then the card carries the family's link, which still works
            assertThat(c.text(By.cssSelector("#cardPanel .url"))).isEqualTo(link);
            assertThat(c.api.get(link.substring(c.stack.baseUrl().length())).status()).isEqualTo(200);
            c.shot("officers-02-card");

            // when an admin issues a new link, on purpose
            c.click(By.id("newLinkBtn"));
            c.waitForText(By.id("dialogConfirm"), "确定换新链接");
            c.click(By.id("dialogConfirm"));
            c.wait.until(d -> !d.findElement(By.cssSelector("#cardPanel .url")).getText().equals(link));
            String renewed = c.text(By.cssSelector("#cardPanel .url"));

            // then the father has it by SMS, and the old link shows what to do instead of a bare error
            assertThat(c.api.outboxTo("+8613911110002")).last().asString().contains(renewed);
            c.browser.get(link);
            c.waitForText(By.tagName("h1"), "求助链接已失效");
            assertThat(c.text(By.tagName("body"))).contains("120").contains("短信").doesNotContain("出错了");
            assertThat(c.browser.findElement(By.cssSelector("a[href='tel:120']")).isDisplayed()).isTrue();
            c.shot("officers-02-dead-link");
            LocalApi.Reply tapped = c.api.post(link.substring(c.stack.baseUrl().length()), Map.of());
            assertThat(tapped.status()).isEqualTo(404);
            assertThat(tapped.json().get("error").get("message").asText()).contains("120");
        });
    }

    // ---------------------------------------------------------------- 3

    @Test
    void anIncidentANeighbourAccepted_isNeverRedOnTheBoard_evenAfterThePolicyRanOut() throws Exception {
        story(() -> {
            // given a policy of one level, run out before anybody answered
            c.wangWithHisFather();
            c.volunteer("刘强", "13911110011", "路北区");
            c.api.put("/v1/escalation-policy", Map.of("levels", List.of(Map.of("level", 0, "notify", "nearby-volunteers",
                    "maxRecipients", 5, "timeoutSeconds", 1))));
            c.api.sms("13911110002", "老伴又晕倒了");
            c.escalationCheckAfter(Duration.ofSeconds(2));
            c.signIn();
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr.exhausted")));

            // when the neighbour accepts after all, and two more checks run
            c.api.sms("13911110011", "1");
            c.api.post("/local/escalation/run", null);
            c.api.post("/local/escalation/run", null);

            // then the board shows who has it, and no red
            c.waitForText(By.cssSelector("#board td.accepted"), "刘强");
            c.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#board tr.exhausted")));
            assertThat(c.text(By.id("board"))).doesNotContain("无人接单");
            JsonNode incident = incidents().get(0);
            assertThat(incident.get("needsAttention").asBoolean()).isFalse();
            c.click(By.cssSelector("#board a.code"));
            c.waitForText(By.id("incidentFacts"), "老伴又晕倒了");
            assertThat(c.text(By.id("incidentFacts"))).doesNotContain("无人接单");
        });
    }

    // ---------------------------------------------------------------- 4

    @Test
    void anOfficerTakingACase_tellsTheFamily_standsTheAlertedDown_andThePageSaysSoAtOnce() {
        story(() -> {
            // given an incident alerting two neighbours
            c.wangWithHisFather();
            c.volunteer("刘强", "13911110011", "路北区");
            c.volunteer("赵敏", "13911110012", "路北区");
            c.api.sms("13911110002", "救命 老伴胸口疼");
            c.signIn();
            c.click(By.cssSelector("#board a.code"));
            c.waitForText(By.id("incidentResponders"), "还没有人接单");

            // when
            c.click(By.id("ackBtn"));

            // then, without a reload
            c.waitForText(By.id("incidentResponders"), "已由值班干部");
            assertThat(c.browser.findElements(By.id("ackBtn"))).isEmpty();
            assertThat(c.text(By.tagName("h1"))).contains("已接手");
            assertThat(c.api.outboxTo("+8613911110002")).last().asString().contains("值班干部", "已接手");
            assertThat(c.api.outboxTo("+8613911110011")).last().asString().contains("无需前往");
            assertThat(c.api.outboxTo("+8613911110012")).last().asString().contains("无需前往");
            c.shot("officers-04-taken");
        });
    }

    // ---------------------------------------------------------------- 5

    @Test
    void aReplyToANoticeAskingForHardshipHelp_pagesNobody_asksTheSender_andLandsInTheReplies() {
        story(() -> {
            // given a notice sent to every member
            c.member("王建国", "13911110001", "炼钢厂", "路北区", null);
            c.volunteer("刘强", "13911110011", "路北区");
            c.leader("周干事", "13911110021", 1);
            JsonNode notice = c.api.expect(201, "/v1/notices", Map.of("title", "慰问申请", "text", "今年的困难慰问开始申请。",
                    "audience", Map.of("kind", "all-members")));
            String id = notice.get("id").asText();
            c.api.post("/v1/notices/" + id + "/send", null);

            // when the member replies about last year's hospital bills
            c.api.sms("13911110001", "收到，我家老人今年住院花了不少钱，想申请慰问");

            // then nobody is paged, the member is asked, and the officers see the reply and what was done
            assertThat(incidents()).isEmpty();
            assertThat(c.api.outboxTo("+8613911110011")).isEmpty();
            assertThat(c.api.outboxTo("+8613911110001")).last().asString().contains("如是紧急情况请回复“求助”");
            c.signIn();
            c.open("#/notice/" + id);
            c.waitForText(By.id("noticeThread"), "想申请慰问");
            assertThat(c.text(By.id("noticeThread"))).contains("可能是求助", "没有通知互助队员");
            c.shot("officers-05-notice-reply");
        });
    }

    // ---------------------------------------------------------------- 6

    @Test
    void offline_theBoardSaysInChineseItIsNotLive_greysOut_stopsItsClock_andRecovers() {
        story(() -> {
            // given the board with one incident
            c.wangWithHisFather();
            c.api.sms("13911110002", "救命");
            c.signIn();
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr[data-code]")));
            // (as officers have it, the surge banner looks every ten seconds, the board refreshes every five and its
            // clock ticks every second; the test's Chromium runs them faster, as HeadlessChromium says)
            assertThat(HeadlessChromium.intervalsAsked(c.browser)).containsExactly(10000L, 5000L, 1000L);
            // (and while live, two seconds on the page's clock show on the board's: its timers held, that is the clock)
            HeadlessChromium.holdRepeatingTimers(c.browser, true);
            String ticking = c.text(By.cssSelector("#board td.elapsed"));
            HeadlessChromium.moveClockAhead(c.browser, Duration.ofSeconds(2));
            assertThat(c.text(By.cssSelector("#board td.elapsed"))).isNotEqualTo(ticking);
            HeadlessChromium.holdRepeatingTimers(c.browser, false);

            // when the network drops
            c.offline();

            // then within a refresh the banner says so, in Chinese, with a retry, and the rows are grey and still
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liveBanner")));
            assertThat(c.text(By.id("liveBanner"))).contains("连接中断", "不是实时").doesNotContain("Failed to fetch");
            assertThat(c.browser.findElement(By.id("liveRetry")).getText()).isEqualTo("立即重试");
            assertThat(c.js("return document.body.classList.contains('stale');")).isEqualTo(true);
            String frozen = c.text(By.cssSelector("#board td.elapsed"));

            // when two seconds pass on the page, its timers running as they would meanwhile
            HeadlessChromium.moveClockAhead(c.browser, Duration.ofSeconds(2));

            // then the time since the call still says what it said: a clock still ticking would say two seconds more
            assertThat(c.text(By.cssSelector("#board td.elapsed"))).isEqualTo(frozen);
            assertThat(c.text(By.tagName("body"))).doesNotContain("Failed to fetch").doesNotContain("Internal error");
            c.shot("officers-06-offline");

            // when it comes back and the officer retries (the board's own refresh held: the retry brings it back)
            HeadlessChromium.holdRepeatingTimers(c.browser, true);
            c.online();
            c.click(By.id("liveRetry"));

            // then the banner is gone and the board is live again
            c.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("liveBanner")));
            assertThat(c.js("return document.body.classList.contains('stale');")).isEqualTo(false);
            HeadlessChromium.holdRepeatingTimers(c.browser, false);
        });
    }

    @Test
    void aFirstLoadThatFails_saysWhyInChinese_andItsRetryLoadsTheList() {
        story(() -> {
            c.members(5);
            c.signIn();
            c.offline();

            // when the members screen is opened offline
            c.open("#/members");

            // then the list says why, in Chinese, with a retry
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dirList .load-failed")));
            assertThat(c.text(By.cssSelector("#dirList .load-failed"))).contains("网络连接中断").doesNotContain("fetch");
            c.shot("officers-06-first-load-failed");

            // and back online, its retry loads it
            c.online();
            c.click(By.cssSelector("#dirList .load-failed button"));
            c.waitForText(By.id("dirList"), "共 5 人");
        });
    }

    // ---------------------------------------------------------------- 7

    @Test
    void anImport_saysHowManyFamiliesItWillText_beforeItRuns_andNamesBadFieldsInChinese() {
        story(() -> {
            c.signIn();
            c.open("#/members");
            c.click(By.id("dirImport"));
            c.type(By.id("importText"), "姓名,手机号,城市,家属姓名,家属电话\n李四,13911110031,唐山市,李母,13911110032\n"
                    + "张三,13911110041,唐山市,张父,13911110042\n");

            // when the officer checks the sheet
            c.click(By.id("importCheck"));

            // then nothing is imported yet and the warning says how many families will be texted
            c.waitForText(By.id("importWarning"), "2 个家庭");
            assertThat(c.api.get("/v1/members").json().get("items")).isEmpty();
            assertThat(c.api.outboxTo("+8613911110032")).isEmpty();
            assertThat(c.text(By.id("importBtn"))).contains("发短信");
            c.shot("officers-07-import-check");
            c.click(By.id("importBtn"));
            c.waitForText(By.id("importResult"), "已导入 2 行");
            assertThat(c.api.get("/v1/members").json().get("items")).hasSize(2);

            // and a bad row names its field as the sheet's column does
            c.click(By.id("dirImport"));
            c.type(By.id("importText"), "姓名,手机号,城市\n王五,12345,\n");
            c.click(By.id("importCheck"));
            c.waitForText(By.id("importResult"), "没有导入任何数据");
            assertThat(c.text(By.id("importResult"))).contains("手机号", "城市").doesNotContain("homeArea.city")
                    .doesNotContain("Required");
        });
    }

    // ---------------------------------------------------------------- 8

    @Test
    void onAPhone_theMenuFolds_anIncidentIsACompactCard_andAMembersLabelsAndValuesAlign() {
        story(() -> {
            c.wangWithHisFather();
            c.volunteer("刘强", "13911110011", "路北区");
            c.api.sms("13911110002", "救命 老伴胸口疼");
            c.size(ConsoleBrowser.PHONE);
            c.signIn();
            WebElement row = c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr[data-code]")));

            // the menu is folded behind its button, and opens and closes
            assertThat(c.browser.findElement(By.id("nav")).isDisplayed()).isFalse();
            assertThat(c.browser.findElement(By.cssSelector("header.top")).getSize().getHeight()).isLessThan(130);
            c.click(By.id("menuBtn"));
            assertThat(c.browser.findElement(By.id("nav-members")).isDisplayed()).isTrue();
            c.shot("officers-08-phone-menu");
            c.click(By.id("menuBtn"));

            // an incident takes a few lines: at least four fit on one screen
            assertThat(row.getSize().getHeight()).isLessThan(844 / 4);
            c.shot("officers-08-phone-board");

            // a member's labels sit in one column and their values in another
            c.open("#/members");
            c.waitForText(By.id("dirList"), "王建国");
            List<WebElement> cells = c.browser.findElements(By.cssSelector("#dirList tbody tr:first-child td .cell"));
            assertThat(cells).hasSizeGreaterThan(3);
            assertThat(cells.stream().map(e -> e.getLocation().getX()).distinct()).hasSize(1);
            c.shot("officers-08-phone-members");
        });
    }

    // ---------------------------------------------------------------- 9

    @Test
    void thePageSpeaksOneLanguage_andTheEnglishSwitchTranslatesTheTimelineToo() {
        story(() -> {
            c.wangWithHisFather();
            c.volunteer("刘强", "13911110011", "路北区");
            c.api.sms("13911110002", "救命 老伴胸口疼");
            c.signIn();

            // a form's errors in Chinese alone
            c.open("#/members");
            c.click(By.id("dirAdd"));
            c.click(By.id("memberSave"));
            c.waitForText(By.id("memberForm"), "必填");
            assertThat(c.text(By.id("memberForm"))).doesNotContain("Required").doesNotContain(" / ");

            // the timeline without code words
            c.click(By.id("nav-board"));
            c.click(By.cssSelector("#board a.code"));
            c.waitForText(By.id("incidentTimeline"), "收到求助");
            String timeline = c.text(By.id("incidentTimeline"));
            assertThat(timeline).contains("收到求助（短信）", "首轮（附近队员）").doesNotContain("（sms）")
                    .doesNotContain("system").doesNotContain("第 0 级").doesNotContain("第0级")
                    .doesNotContainPattern("\\b\\d{2}-\\d{2}\\b");
            assertThat(c.text(By.id("incidentFacts"))).doesNotContain("第 0 级");

            // and in English, the timeline too
            c.click(By.id("langBtn"));
            c.waitForText(By.id("incidentTimeline"), "Help request received");
            assertThat(c.text(By.id("incidentTimeline"))).contains("first round").doesNotContain("收到求助");
            c.shot("officers-09-timeline-in-english");
            c.click(By.id("langBtn"));
        });
    }

    // ---------------------------------------------------------------- 10

    @Test
    void aUnionOfAFewHundred_hasTotalsPagesSortingFiltersAndASearchablePicker() {
        story(() -> {
            c.members(222);
            c.signIn();
            c.open("#/members");

            // the total and pages
            c.waitForText(By.id("dirList"), "共 222 人");
            assertThat(c.browser.findElements(By.cssSelector("#dirList tbody tr"))).hasSize(20);
            c.click(By.cssSelector("#dirList button.page[aria-label='第 12 页']"));
            c.waitForText(By.cssSelector("#dirList tbody tr:first-child"), "会员221");

            // sorting by name, the other way round
            c.click(By.cssSelector("#dirList th[aria-sort] button[data-focus='sort-name']"));
            c.waitForText(By.cssSelector("#dirList tbody tr:first-child"), "会员222");
            assertThat(c.browser.findElement(By.cssSelector("#dirList th[aria-sort='descending']")).getText()).contains("姓名");

            // filters by unit and district, with counts
            c.wait.until(d -> d.findElements(By.cssSelector("#dirUnit option")).size() > 1);
            new org.openqa.selenium.support.ui.Select(c.browser.findElement(By.id("dirUnit"))).selectByValue("炼钢厂");
            new org.openqa.selenium.support.ui.Select(c.browser.findElement(By.id("dirDistrict"))).selectByValue("唐山市|路北区");
            c.waitForText(By.id("dirList"), "共 37 人");
            c.shot("officers-10-members-filtered");

            // the member picker finds by a few characters, never lists two hundred names
            c.click(By.id("nav-board"));
            c.click(By.cssSelector("#openDetails summary"));
            c.type(By.id("openMember"), "会员1");
            List<WebElement> options = c.wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
                    By.cssSelector("#openForm [role=option]")));
            assertThat(options).hasSizeLessThanOrEqualTo(20);
            c.browser.findElement(By.id("openMember")).sendKeys("21");
            c.wait.until(d -> d.findElements(By.cssSelector("#openForm [role=option]")).size() == 1);
            c.browser.findElement(By.id("openMember")).sendKeys(Keys.ENTER);
            assertThat(c.browser.findElement(By.id("openMember")).getAttribute("value")).startsWith("会员121");
        });
    }

    // ---------------------------------------------------------------- 11

    @Test
    void confirmationsInThePage_anOutcomeToResolve_focusKeptByTheRefresh_andEveryPhoneTapToCall() throws Exception {
        story(() -> {
            c.wangWithHisFather();
            c.volunteer("刘强", "13911110011", "路北区");
            c.leader("周干事", "13911110021", 1);
            c.api.sms("13911110002", "救命 老伴胸口疼");
            c.signIn();

            // the refresh keeps the keyboard's place
            WebElement code = c.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#board a.code")));
            String focusedCode = code.getText();
            c.js("arguments[0].focus();", code);
            c.api.sms("13911110002", "老伴现在清醒了");
            // the change is drawn (the row is made anew) and the focus is on the same incident's link
            c.wait.until(ExpectedConditions.stalenessOf(code));
            assertThat(c.js("return document.activeElement.classList.contains('code') && document.activeElement.textContent;"))
                    .isEqualTo(focusedCode);

            // escalating asks in the page, not in a browser dialog
            c.click(By.cssSelector("#board a.code"));
            c.click(By.id("escalateBtn"));
            c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open] #dialogConfirm")));
            assertThat(browserAlertShown()).isFalse();
            c.shot("officers-11-confirm-dialog");
            c.click(By.id("dialogCancel"));

            // resolving needs an outcome
            c.click(By.cssSelector("#resolveDetails summary"));
            c.click(By.id("resolveBtn"));
            c.waitForText(By.id("resolveDetails"), "请先写明处理结果");
            assertThat(incidents().get(0).get("status").asText()).isEqualTo("open");

            // every phone on the incident is a tap to call, the address a tap to the map
            for (String phone : List.of("+8613911110001", "+8613911110002", "+8613911110011")) {
                assertThat(c.browser.findElements(By.cssSelector("#view a[href='tel:" + phone + "']"))).as(phone).isNotEmpty();
            }
            assertThat(c.browser.findElement(By.cssSelector("#incidentFacts a.map")).getAttribute("href"))
                    .startsWith("https://uri.amap.com/");

            // a notice's unit is picked from the real units
            c.open("#/notices");
            c.click(By.id("noticeNew"));
            new org.openqa.selenium.support.ui.Select(c.browser.findElement(By.id("noticeAudience"))).selectByValue("unit");
            c.wait.until(d -> d.findElements(By.cssSelector("#noticeUnit option[value='炼钢厂']")).size() == 1);
            assertThat(c.browser.findElement(By.id("noticeUnit")).getTagName()).isEqualTo("select");

            // a rejected application sends the SMS the page promises
            JsonNode member = c.api.get("/v1/members").json().get("items").get(0);
            JsonNode app = c.api.expect(201, "/v1/applications", Map.of("memberId", member.get("id").asText(),
                    "kind", "medical", "reason", "住院自付较多", "amountRequested", 3000));
            c.api.post("/v1/applications/" + app.get("id").asText() + "/review", Map.of());
            c.open("#/application/" + app.get("id").asText());
            c.type(By.id("stepNote-reject"), "不符合帮扶条件");
            c.click(By.id("stepDo-reject"));
            c.click(By.id("dialogConfirm"));
            c.waitForText(By.tagName("h1"), "已驳回");
            assertThat(c.api.outboxTo("+8613911110001")).last().asString().contains("未获批准", "不符合帮扶条件");
        });
        // the console's files and polled answers come compressed, with a validator
        HttpResponse<byte[]> js = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(c.stack.baseUrl() + "/console/lib/dom.js")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(js.headers().firstValue("Content-Encoding")).contains("gzip");
        String etag = js.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(c.stack.baseUrl() + "/console/lib/dom.js")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    private boolean browserAlertShown() {
        try {
            c.browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }
}
