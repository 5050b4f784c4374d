package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.console.ConsoleSettings.SignIn;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the page signs in, from the environment template.yaml sets: the Cognito hosted page whenever the pool
 * has a domain, the password form when it has none, the token on the local stack. The page's config and its
 * Content-Security-Policy name the one other origin it may call. (The flow itself runs in a browser in
 * infra/local's HostedSignInIT.)
 */
class ConsoleSignInTest {
    private static final String DOMAIN = "https://huzhu-0f1e2d3c.auth.ap-east-1.amazoncognito.com";
    private static final Pattern CONFIG = Pattern.compile("name=\"huzhu-config\" content=\"([^\"]*)\"");

    private final Services services = Services.create(new InMemoryStore(), new RecordingMessenger(),
            EscalationTimer.NONE, MutableClock.atT0(), new SequentialIds(5),
            new ServiceConfig("https://huzhu.example", null));

    @Test
    void withADomain_thePageSignsInThroughTheHostedPage_andMayCallOnlyThatDomain() throws Exception {
        // given the function configured as template.yaml does when PublicBaseUrl is set
        ConsoleSettings settings = ConsoleSettings.fromEnvironment(Map.of("HUZHU_USER_POOL_ID", "ap-east-1_AbCdEf123",
                "HUZHU_USER_POOL_CLIENT_ID", "client123", "HUZHU_COGNITO_DOMAIN", DOMAIN + "/"));

        // when
        APIGatewayV2HTTPResponse page = page(settings);

        // then
        JsonNode config = config(page);
        assertThat(config.get("signIn").asText()).isEqualTo("hosted");
        assertThat(config.get("clientId").asText()).isEqualTo("client123");
        assertThat(config.get("cognitoDomain").asText()).isEqualTo(DOMAIN);
        assertThat(config.has("cognitoEndpoint")).isFalse();
        assertThat(Bodies.header(page, "Content-Security-Policy")).contains("connect-src 'self' " + DOMAIN + ";")
                .doesNotContain("cognito-idp").contains("form-action 'none'");
    }

    @Test
    void withoutADomain_thePasswordSignInStays() throws Exception {
        // given PublicBaseUrl empty: the template sets HUZHU_COGNITO_DOMAIN to ""
        ConsoleSettings settings = ConsoleSettings.fromEnvironment(Map.of("HUZHU_USER_POOL_ID", "ap-east-1_AbCdEf123",
                "HUZHU_USER_POOL_CLIENT_ID", "client123", "HUZHU_COGNITO_DOMAIN", ""));

        // when
        APIGatewayV2HTTPResponse page = page(settings);

        // then
        assertThat(settings.signIn()).isEqualTo(SignIn.PASSWORD);
        JsonNode config = config(page);
        assertThat(config.get("signIn").asText()).isEqualTo("cognito");
        assertThat(config.get("cognitoEndpoint").asText()).isEqualTo("https://cognito-idp.ap-east-1.amazonaws.com/");
        assertThat(config.has("cognitoDomain")).isFalse();
        assertThat(Bodies.header(page, "Content-Security-Policy"))
                .contains("connect-src 'self' https://cognito-idp.ap-east-1.amazonaws.com/;");
    }

    @Test
    void onTheLocalStack_theTokenSignIn_unlessADomainIsGiven() {
        assertThat(ConsoleSettings.TOKEN_SIGN_IN.signIn()).isEqualTo(SignIn.TOKEN);
        assertThat(ConsoleSettings.TOKEN_SIGN_IN.connectOrigin()).isNull();
        assertThat(new ConsoleSettings(null, "huzhu-local-console", "http://127.0.0.1:41234").signIn())
                .isEqualTo(SignIn.HOSTED);
        assertThat(new ConsoleSettings(null, null, "http://127.0.0.1:41234").signIn()).isEqualTo(SignIn.TOKEN);
    }

    @Test
    void theDomain_isKeptAsAnOrigin() {
        assertThat(ConsoleSettings.origin("HTTPS://Huzhu-1.auth.ap-east-1.amazoncognito.com/"))
                .isEqualTo("https://huzhu-1.auth.ap-east-1.amazoncognito.com");
        assertThat(ConsoleSettings.origin("https://login.sos.example.org:8443"))
                .isEqualTo("https://login.sos.example.org:8443");
        assertThat(ConsoleSettings.origin("http://localhost:9000")).isEqualTo("http://localhost:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"huzhu-1.auth.ap-east-1.amazoncognito.com", "http://huzhu-1.auth.ap-east-1.amazoncognito.com",
        "https://huzhu-1.auth.ap-east-1.amazoncognito.com/oauth2", "https://x.example?a=1", "https://u:p@x.example",
        "ftp://x.example", "https://"})
    void aDomainThatIsNoOrigin_isSaidAtOnce_inChineseAndEnglish(String domain) {
        assertThatThrownBy(() -> new ConsoleSettings("ap-east-1_AbCdEf123", "client123", domain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HUZHU_COGNITO_DOMAIN 须为").hasMessageContaining("must be an https:// origin");
    }

    // ------------------------------------------------------------------ plumbing

    private APIGatewayV2HTTPResponse page(ConsoleSettings settings) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/console-get-page.json");
        APIGatewayV2HTTPResponse response = new ConsoleApiHandler(services, settings).handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return response;
    }

    private static JsonNode config(APIGatewayV2HTTPResponse page) throws Exception {
        Matcher m = CONFIG.matcher(Bodies.text(page));
        assertThat(m.find()).as("the page's config").isTrue();
        return Json.mapper().readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
    }
}
