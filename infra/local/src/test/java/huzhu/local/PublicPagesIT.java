package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The two pages people reach from a link, in a real browser, under the Content-Security-Policy the functions
 * send: the family's one-tap emergency page and the neighbour's ack page. Their inline script runs only if its
 * hash is the one the policy names; a page whose button does nothing would be worse than no page.
 */
class PublicPagesIT {
    private static final String NEIGHBOUR = "13911110011";

    @AutoClose
    private final ConsoleBrowser c = new ConsoleBrowser(ConsoleBrowser.PHONE);

    @Test
    void theFamilysButton_andTheNeighboursAccept_work_underThePagesContentSecurityPolicy() {
        // given a member with a personal link, and a neighbour on duty
        c.api.expect(201, "/v1/volunteers", Map.of("name", "刘强", "phone", NEIGHBOUR, "area",
                Map.of("city", "武汉市", "district", "江汉区"), "onDuty", true));
        JsonNode member = c.api.expect(201, "/v1/members", Map.of("name", "王建国", "phone", "13911110001",
                "homeArea", Map.of("city", "武汉市", "district", "江汉区"), "homeAddress", "新华路 88 号"));
        String link = c.api.expect(200, "/v1/members/" + member.get("id").asText() + "/trigger-link", null)
                .get("url").asText();

        // when the family opens the link and taps the big button
        c.browser.get(link);
        c.wait.until(ExpectedConditions.elementToBeClickable(By.id("go"))).click();

        // then the page's script posted it and shows the reply with the code and the 120 reminder
        c.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "120"));
        List<String> alerts = c.api.outboxTo(NEIGHBOUR);
        assertThat(alerts).singleElement().asString().contains("/v1/acks/");

        // when the neighbour opens the ack link from the SMS and taps accept
        String alert = alerts.get(0);
        c.browser.get(c.stack.baseUrl() + alert.substring(alert.indexOf("/v1/acks/")).split("\\s")[0]);
        c.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-action=accept]"))).click();

        // then the page's script recorded it
        c.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "接单"));
        assertThat(c.api.outboxTo(NEIGHBOUR)).hasSize(2);
        assertThat(c.browser.manage().logs().get(LogType.BROWSER).getAll()).map(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy"));
    }
}
