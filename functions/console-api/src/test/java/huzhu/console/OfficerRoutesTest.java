package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.NewIncident;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the officers' tables and forms ask of the API: filtered, sorted, counted pages; units; required outcomes. */
class OfficerRoutesTest {
    private static final String ADMIN = "[admin]";
    private static final String OFFICER = "[officer]";

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, sms, EscalationTimer.NONE, clock, new SequentialIds(5),
            new ServiceConfig("https://huzhu.example", null));
    private final ConsoleCalls api = new ConsoleCalls(new ConsoleApiHandler(services));

    @BeforeEach
    void aUnionOfSixtyMembers_inThreeUnits_andTwoDistricts() {
        String[] units = {"炼钢厂", "轧钢厂", "机关"};
        String[] districts = {"路北区", "路南区"};
        for (int i = 1; i <= 60; i++) {
            store.directory().members().insert(Fixtures.member(String.format("m-%02d", i))
                    .name("会员" + String.format("%02d", i)).phone(Fixtures.phone(100 + i)).unit(units[i % 3])
                    .home("唐山市", districts[i % 2]).build());
        }
    }

    @Test
    void aMembersTable_filtersByUnitAndDistrict_sortsByName_andSaysHowManyInAll() {
        // when
        JsonNode page1 = api.as(OFFICER, "GET", "/v1/members?unit=炼钢厂&district=路北区&sort=name&order=desc&limit=5", null).json();
        JsonNode page2 = api.as(OFFICER, "GET", "/v1/members?unit=炼钢厂&district=路北区&sort=name&order=desc&limit=5&page=2", null).json();

        // then: members 6, 12 … 60 are in 炼钢厂 (i % 3 == 0) and 路北区 (i even): ten of them
        assertThat(page1.get("total").asInt()).isEqualTo(10);
        assertThat(names(page1)).containsExactly("会员60", "会员54", "会员48", "会员42", "会员36");
        assertThat(names(page2)).containsExactly("会员30", "会员24", "会员18", "会员12", "会员06");
        assertThat(page2.get("nextCursor").isNull()).isTrue();
        JsonNode byCursor = api.as(OFFICER, "GET", "/v1/members?unit=炼钢厂&district=路北区&sort=name&order=desc&limit=5&cursor="
                + page1.get("nextCursor").asText(), null).json();
        assertThat(names(byCursor)).isEqualTo(names(page2));
    }

    @Test
    void anUnknownSortColumn_orOrder_is422_namingIt() {
        assertThat(api.as(OFFICER, "GET", "/v1/members?sort=salary", null).error().get("fields").has("sort")).isTrue();
        assertThat(api.as(OFFICER, "GET", "/v1/members?sort=name&order=up", null).error().get("fields").has("order")).isTrue();
        assertThat(api.as(OFFICER, "GET", "/v1/members?sort=name&page=0", null).error().get("fields").has("page")).isTrue();
    }

    @Test
    void theMembersFacets_nameEveryUnitAndDistrict_withHowManyMembersEach() {
        // when
        JsonNode facets = api.as(OFFICER, "GET", "/v1/members/facets", null).json();

        // then
        assertThat(facets.get("units")).hasSize(3);
        assertThat(facets.get("units").findValuesAsText("name")).containsExactlyInAnyOrder("炼钢厂", "轧钢厂", "机关");
        assertThat(facets.get("units").get(0).get("members").asInt()).isEqualTo(20);
        assertThat(facets.get("areas").findValuesAsText("district")).containsExactlyInAnyOrder("路北区", "路南区");
    }

    @Test
    void resolvingWithoutAnOutcome_is422OnTheOutcome_andTheIncidentStaysOpen() {
        // given
        services.dispatcher().open(new NewIncident("inc-1", "m-01", IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(Fixtures.phone(101), null, Channel.SMS, true), Language.ZH_CN));

        // when
        ConsoleCalls.Reply reply = api.as(ADMIN, "POST", "/v1/incidents/inc-1/resolve", "{\"outcome\":\"  \",\"notes\":\"x\"}");

        // then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error().get("fields").has("outcome")).isTrue();
        assertThat(store.incidents().get("inc-1").orElseThrow().active()).isTrue();
    }

    @Test
    void checkingAnImportFirst_storesNothing_textsNobody_andSaysHowManyFamiliesItWillText() {
        // given a union that introduces new family contacts, and a roster of two members, one with two contacts
        Services introducing = Services.create(store, sms, huzhu.core.incident.LeaderAnnouncements.NONE,
                EscalationTimer.NONE, clock, new SequentialIds(9), new ServiceConfig("https://huzhu.example", null),
                new Services.Care(huzhu.core.care.CareConfig.DEFAULTS, huzhu.core.care.NoticeBroadcast.NONE,
                        huzhu.core.kernel.Sleeper.REAL));
        ConsoleCalls calls = new ConsoleCalls(new ConsoleApiHandler(introducing));
        String csv = "姓名,手机号,城市,家属姓名,家属电话,家属2姓名,家属2电话\n"
                + "张三,13911110031,唐山市,张母,13911110032,张父,13911110033\n"
                + "李四,13911110041,唐山市,,,,\n";

        // when
        ConsoleCalls.Reply check = calls.as(ADMIN, "POST", "/v1/members/import?dryRun=true", csv,
                java.util.Map.of("Content-Type", "text/csv"));

        // then
        assertThat(check.status()).isEqualTo(200);
        JsonNode report = check.json();
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("outreach").get("families").asInt()).isEqualTo(1);
        assertThat(report.get("outreach").get("contacts").asInt()).isEqualTo(2);
        assertThat(report.get("outreach").get("texted").asBoolean()).isTrue();
        assertThat(store.directory().members().byPhone("+8613911110031")).isEmpty();
        assertThat(sms.attempts()).isEmpty();
    }

    @Test
    void aConsoleThatReadsChinese_getsItsErrorsInChineseAlone_notChineseSlashEnglish() {
        // when
        ConsoleCalls.Reply zh = api.as(ADMIN, "POST", "/v1/members", "{\"name\":\"\"}",
                java.util.Map.of("X-Huzhu-Language", "zh-CN"));
        ConsoleCalls.Reply en = api.as(ADMIN, "POST", "/v1/members", "{\"name\":\"\"}",
                java.util.Map.of("X-Huzhu-Language", "en"));
        ConsoleCalls.Reply both = api.as(ADMIN, "POST", "/v1/members", "{\"name\":\"\"}");

        // then
        assertThat(zh.error().get("fields").get("name").asText()).isEqualTo("必填");
        assertThat(zh.error().get("message").asText()).doesNotContain("/").doesNotContainPattern("[A-Za-z]{4}");
        assertThat(en.error().get("fields").get("name").asText()).isEqualTo("Required");
        assertThat(both.error().get("fields").get("name").asText()).isEqualTo("必填 / Required");
    }

    @Test
    void theConsolesFiles_comeGzipped_withAnETag_andAreNotSentAgainWhenUnchanged() throws Exception {
        // when
        ConsoleCalls.Reply first = api.as(OFFICER, "GET", "/console/lib/dom.js", null,
                java.util.Map.of("Accept-Encoding", "gzip, deflate, br"));
        ConsoleCalls.Reply again = api.as(OFFICER, "GET", "/console/lib/dom.js", null,
                java.util.Map.of("Accept-Encoding", "gzip", "If-None-Match", first.header("ETag")));

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(first.header("ETag")).matches("\"[0-9a-f]{32}\"");
        String js = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(first.bytes()))
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(js).contains("export function h(");
        assertThat(first.bytes().length).isLessThan(js.length() / 2);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aPolledList_answers304_whenNothingChanged_and200WithTheNewBody_whenSomethingDid() {
        // given
        ConsoleCalls.Reply first = api.as(OFFICER, "GET", "/v1/incidents?status=active", null);
        String etag = first.header("ETag");

        // when
        ConsoleCalls.Reply same = api.as(OFFICER, "GET", "/v1/incidents?status=active", null,
                java.util.Map.of("If-None-Match", etag));
        services.dispatcher().open(new NewIncident("inc-9", "m-01", IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(Fixtures.phone(101), null, Channel.SMS, true), Language.ZH_CN));
        ConsoleCalls.Reply changed = api.as(OFFICER, "GET", "/v1/incidents?status=active", null,
                java.util.Map.of("If-None-Match", etag));

        // then
        assertThat(same.status()).isEqualTo(304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("items")).hasSize(1);
        assertThat(changed.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void smallAnswers_andCallersThatDoNotAcceptGzip_getPlainText() {
        ConsoleCalls.Reply plain = api.as(OFFICER, "GET", "/console/lib/dom.js", null);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.base64()).isFalse();
        ConsoleCalls.Reply small = api.as(OFFICER, "GET", "/v1/me", null, java.util.Map.of("Accept-Encoding", "gzip"));
        assertThat(small.header("Content-Encoding")).isNull();
        assertThat(small.json().get("roles")).isNotNull();
    }

    @Test
    void theDutyRoster_isKeptByAdmins_andReadByEveryone() {
        // given
        store.directory().leaders().insert(Fixtures.leader("l-1").name("周干事").phone(Fixtures.phone(21)).level(1).build());
        String body = "{\"shifts\":[{\"leaderId\":\"l-1\",\"from\":\"2026-03-02\",\"to\":\"2026-03-08\"}]}";

        // when
        ConsoleCalls.Reply byOfficer = api.as(OFFICER, "PUT", "/v1/duty-roster", body);
        ConsoleCalls.Reply byAdmin = api.as(ADMIN, "PUT", "/v1/duty-roster", body);
        JsonNode read = api.as("[viewer]", "GET", "/v1/duty-roster", null).json();

        // then
        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(read.get("shifts")).singleElement().satisfies(shift -> {
            assertThat(shift.get("leaderId").asText()).isEqualTo("l-1");
            assertThat(shift.get("from").asText()).isEqualTo("2026-03-02");
            assertThat(shift.get("id").asText()).isNotBlank();
        });
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(m -> out.add(m.get("name").asText()));
        return out;
    }
}
