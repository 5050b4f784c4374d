package huzhu.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.NoticeDrafts.AudienceInput;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.group.GroupAnnouncements;
import huzhu.core.group.GroupFact;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Hashes;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import huzhu.testing.PageSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The member's own page and its routes under the personal link's token, as WeChat's browser reaches them. */
class MemberPageRoutesTest {
    private static final String TOKEN = "Qm9vdHN0cmFwVG9rZW4x";
    private static final String MOTHER = "+8613800138000";

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    /** The group: every fact, and how many SMS had gone when the handler waited for its posts. */
    private final List<String> groupLog = new ArrayList<>();
    private final GroupAnnouncements group = new GroupAnnouncements() {
        @Override
        public void announce(GroupFact fact) {
            groupLog.add("fact " + fact.getClass().getSimpleName());
        }

        @Override
        public boolean awaitPosted(Duration max) {
            groupLog.add("awaited after " + sms.attempts().size() + " SMS");
            return true;
        }
    };
    private final Services services = Services.create(store, sms, LeaderAnnouncements.NONE, group,
            EscalationTimer.NONE, clock, new SequentialIds(7), new ServiceConfig("https://huzhu.example", null),
            Services.Care.QUIET);
    private final TriggerHandler handler = new TriggerHandler(services);

    @BeforeEach
    void aMemberWithAPersonalLink_hisMotherOnFile_andANeighbour() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(Fixtures.phone(1))
                .home("成都市", "武侯区").address("成都市武侯区人民南路四段1号").family("李秀英", "母亲", MOTHER).build());
        store.triggerTokens().bind("m-1", Hashes.sha256(TOKEN));
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(Fixtures.phone(11))
                .area("成都市", "武侯区").build());
    }

    @Test
    void thePage_passesPageSecurity_andShowsNothingOfTheMember() {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-get-page.json");

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        // then
        String body = response.getBody();
        assertThat(PageSecurity.problems(response.getHeaders(), body)).isEmpty();
        assertThat(response.getHeaders().get("Content-Security-Policy")).contains("connect-src 'self'");
        // the help button is first; nothing of the member's is written into the page itself
        assertThat(body.indexOf("id=\"go\"")).isLessThan(body.indexOf("id=\"notices\""));
        assertThat(body).doesNotContain("王建国", "人民南路", "13800138000");
    }

    @Test
    void theNotices_routeAnswersTheUnionsNoticesToEveryMember_inTheContractsListShape() throws Exception {
        // given
        Actor zhou = new Actor("sub-1", "周干事");
        String id = services.notices().create(new NoticeInput("夏季安全提醒", "高温天气请注意防暑。",
                new AudienceInput("all-members", null), null), zhou).notice().id();
        services.notices().sendNow(id, zhou);
        services.campaigns().runForRequest(id);

        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/trigger-get-notices.json"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode json = Json.mapper().readTree(response.getBody());
        assertThat(json.get("items")).hasSize(1);
        assertThat(json.get("items").get(0).get("title").asText()).isEqualTo("夏季安全提醒");
        assertThat(json.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void anApplication_isSubmittedOnce_withItsDocuments_andTheMotherOnFileIsToldItArrived() throws Exception {
        // given
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/trigger-post-application.json");

        // when
        APIGatewayV2HTTPResponse first = handler.handleRequest(event, null);
        APIGatewayV2HTTPResponse again = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/trigger-post-application.json"), null);

        // then
        assertThat(first.getStatusCode()).isEqualTo(201);
        JsonNode created = Json.mapper().readTree(first.getBody());
        assertThat(Json.mapper().readTree(again.getBody()).get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(created.get("status").asText()).isEqualTo("submitted");
        assertThat(created.get("documents")).hasSize(2);
        assertThat(created.has("reason")).isFalse();
        assertThat(store.applications().ofMember("m-1")).hasSize(1);
        assertThat(sms.bodiesTo(MOTHER)).singleElement().asString().contains("医疗救助", "已收到");
    }

    @Test
    void anApplicationOutsideTheGuide_is422_namingTheFields_andSubmitsNothing() throws Exception {
        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/trigger-post-application-invalid.json"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(422);
        JsonNode fields = Json.mapper().readTree(response.getBody()).get("error").get("fields");
        assertThat(fields.has("kind")).isTrue();
        assertThat(fields.has("applicantName")).isTrue();
        assertThat(store.applications().ofMember("m-1")).isEmpty();
    }

    @Test
    void theHelpButton_waitsForTheGroupOnlyAfterItsSmsHaveGone() {
        // when
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/trigger-post.json"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(groupLog).containsExactly("fact IncidentOpened",
                "awaited after " + sms.attempts().size() + " SMS");
        assertThat(sms.sentTo(Fixtures.phone(11))).hasSize(1);
    }
}
