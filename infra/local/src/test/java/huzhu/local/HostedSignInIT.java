package huzhu.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's sign-in through the Cognito hosted UI, in Debian's headless Chromium: the local stack is
 * started with HUZHU_COGNITO_DOMAIN pointing at a stand-in of the hosted UI in this JVM ({@link FakeHostedUi}),
 * which checks what Cognito checks (client, redirect_uri, PKCE S256, the verifier at the token endpoint).
 * The local stack's JWT stand-in accepts configured bearer tokens only; the stand-in's ID token is configured
 * as the admin token, so the API accepts exactly the ID token (its access token is refused). An officer
 * signs in through the redirect and lands on the board, the token is refreshed before it expires, signs out
 * through Cognito's /logout; a tampered state and a refused code end with a message and no session.
 * Screenshots go to target/screenshots/hosted-*.png.
 */
class HostedSignInIT {
    private static final String CLIENT_ID = "5k2q7itexampleclient0hosted";

    private ConsoleBrowser c;
    private FakeHostedUi cognito;

    @BeforeEach
    void startTheStackAndTheBrowser() {
        cognito = new FakeHostedUi(CLIENT_ID);
        c = new ConsoleBrowser(new Dimension(1280, 900), null, Map.of("HUZHU_ADMIN_TOKEN", cognito.idToken(),
                "HUZHU_COGNITO_DOMAIN", cognito.origin(), "HUZHU_USER_POOL_CLIENT_ID", CLIENT_ID));
        cognito.registerRedirectUri(console());
    }

    @AfterEach
    void stop() {
        if (c != null) c.close();
        if (cognito != null) cognito.close();
    }

    @Test
    void anOfficer_signsInThroughTheHostedPage_usesTheConsole_andSignsOut_andAForgedReturnIsRefused()
            throws Exception {
        try {
            c.story("hosted", this::theStory);
        } catch (Throwable t) {
            Files.write(BrowserSteps.SHOTS.resolve("hosted-failure-cognito.txt"), cognito.calls);
            throw t;
        }
    }

    private void theStory() throws Exception {
        // given a help request on the board, and the API's view of the two tokens the hosted UI issues
        LocalApi api = new LocalApi(c.stack.baseUrl(), cognito.idToken());
        api.sms("13911119999", "求助 楼道里有老人摔倒了");
        assertThat(api.get("/v1/me").status()).isEqualTo(200);
        assertThat(new LocalApi(c.stack.baseUrl(), cognito.accessToken()).get("/v1/me").status())
                .as("the access token is not what the console calls the API with").isEqualTo(401);
        cognito.firstTokensExpireIn(61); // the page renews a minute early: due a second after sign-in

        // 1. the page offers the union's sign-in page, no token or password field
        c.browser.get(console());
        WebElement go = c.wait.until(ExpectedConditions.elementToBeClickable(By.id("hostedSignInBtn")));
        assertThat(c.browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        assertThat(go.getText()).isEqualTo("前往登录页");
        assertThat(c.browser.findElements(By.cssSelector("#view input"))).isEmpty();
        c.shot("hosted-01-sign-in");

        // 2. off to the hosted UI with the code flow and PKCE
        go.click();
        signInOnTheHostedPage("hosted-02-hosted-ui");
        // (the board's own refresh held until step 4: there the calls of a screen find the ID token due)
        HeadlessChromium.holdRepeatingTimers(c.browser, true);
        assertThat(cognito.lastAuthorize).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", console()).containsEntry("scope", "openid email profile")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "code_challenge");

        // 3. back on the console: the code is exchanged, the board is there, and the address is clean again
        c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#board tr[data-code]")));
        c.waitForText(By.id("board"), "（未登记会员）");
        assertThat(c.browser.getCurrentUrl()).isEqualTo(console()).doesNotContain("code=").doesNotContain("state=");
        assertThat(cognito.count("token:authorization_code")).isEqualTo(1);
        assertThat(cognito.refusals).isEmpty();
        assertThat(sessionAuth()).contains("\"mode\":\"hosted\"").contains(cognito.idToken())
                .doesNotContain(cognito.accessToken());
        c.shot("hosted-03-board");

        // 4. the ID token is renewed with the refresh token before it expires, once for all the calls waiting
        long due = ((Number) ((JavascriptExecutor) c.browser).executeScript(
                "return JSON.parse(sessionStorage.getItem('huzhu.auth')).expiresAt;")).longValue();
        c.wait.until(d -> System.currentTimeMillis() >= due);
        c.browser.findElement(By.id("nav-volunteers")).click();
        c.wait.until(d -> cognito.count("token:refresh_token") >= 1);
        c.waitForText(By.tagName("h1"), "互助队员");
        c.browser.findElement(By.id("nav-board")).click();
        c.waitForText(By.id("board"), "（未登记会员）");
        assertThat(cognito.count("token:refresh_token")).isEqualTo(1);
        assertThat(cognito.refusals).isEmpty();
        HeadlessChromium.holdRepeatingTimers(c.browser, false);

        // 5. signing out revokes the refresh token and ends the Cognito session, then comes back here
        c.browser.findElement(By.id("signOutBtn")).click();
        c.wait.until(ExpectedConditions.elementToBeClickable(By.id("hostedSignInBtn")));
        assertThat(cognito.count("revoke")).isEqualTo(1);
        assertThat(cognito.count("logout")).isEqualTo(1);
        assertThat(cognito.refusals).isEmpty();
        assertThat(c.browser.getCurrentUrl()).isEqualTo(console());
        assertThat(sessionAuth()).isNull();

        // 6. a return with another state than the page sent is refused, and the code is never exchanged
        cognito.tamperWithTheNextState();
        c.browser.findElement(By.id("hostedSignInBtn")).click();
        signInOnTheHostedPage(null);
        c.waitForText(By.id("signinError"), "登录未完成：登录页返回的请求与本页发出的不一致");
        assertThat(cognito.count("token:authorization_code")).isEqualTo(1);
        assertThat(c.browser.getCurrentUrl()).isEqualTo(console());
        assertThat(c.browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(sessionAuth()).isNull();
        c.shot("hosted-04-state-refused");
        c.browser.findElement(By.id("langBtn")).click();
        c.waitForText(By.id("signinError"), "Sign-in not completed: the answer from the sign-in page does not match");
        c.shot("hosted-05-state-refused-in-english");
        c.browser.findElement(By.id("langBtn")).click();
        c.waitForText(By.tagName("h1"), "登录");

        // 7. a code the token endpoint refuses ends the same way, saying why
        cognito.refuseTheNextCode();
        c.browser.findElement(By.id("hostedSignInBtn")).click();
        signInOnTheHostedPage(null);
        c.waitForText(By.id("signinError"), "登录未完成：无法用登录页返回的授权码换取登录凭证（invalid_grant）");
        assertThat(cognito.count("token:authorization_code")).isEqualTo(2);
        assertThat(sessionAuth()).isNull();
        c.shot("hosted-06-exchange-refused");

        // 8. and signing in from a deep link comes back to that screen
        c.browser.get(console() + "#/leaders");
        c.wait.until(ExpectedConditions.elementToBeClickable(By.id("hostedSignInBtn"))).click();
        signInOnTheHostedPage(null);
        c.waitForText(By.tagName("h1"), "工会领导");
        assertThat(c.browser.getCurrentUrl()).isEqualTo(console() + "#/leaders");
        assertThat(cognito.count("token:authorization_code")).isEqualTo(3);
        c.shot("hosted-07-deep-link");

        // 9. a forged return to a signed-in tab that sent nobody to sign in changes nothing, and is not exchanged
        c.browser.get(console() + "?code=forged-code&state=forged-state");
        c.waitForText(By.id("board"), "（未登记会员）");
        assertThat(c.browser.getCurrentUrl()).isEqualTo(console());
        assertThat(cognito.count("token:authorization_code")).isEqualTo(3);
        assertThat(cognito.refusals).containsExactly("token: invalid_grant (refused as asked)");
        HeadlessChromium.assertNoScriptErrors(c.browser);
    }

    // ------------------------------------------------------------------ plumbing

    private String console() {
        return c.stack.baseUrl() + "/console";
    }

    /** On the stand-in's sign-in form: the officer types the e-mail and password and signs in. */
    private void signInOnTheHostedPage(String screenshot) {
        c.wait.until(ExpectedConditions.urlContains(cognito.origin() + "/oauth2/authorize"));
        WebElement user = c.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(URI.create(c.browser.getCurrentUrl()).getPort()).isEqualTo(URI.create(cognito.origin()).getPort());
        user.sendKeys(FakeHostedUi.USER);
        c.browser.findElement(By.id("password")).sendKeys(FakeHostedUi.PASSWORD);
        if (screenshot != null) c.shot(screenshot);
        c.browser.findElement(By.id("signInSubmitButton")).click();
        c.wait.until(ExpectedConditions.urlContains(c.stack.baseUrl() + "/console"));
    }

    private String sessionAuth() {
        return (String) ((JavascriptExecutor) c.browser).executeScript("return sessionStorage.getItem('huzhu.auth');");
    }
}
