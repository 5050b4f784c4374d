package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.console.ConsoleCalls.Reply;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.ContactRequestService.ContactRequestInput;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.audit.AuditEntry;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import huzhu.http.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console routes of the union's own work — a death in the family, care rounds, contact changes, the guide —
 * fed the JWT event API Gateway hands the function, as an officer and as a viewer.
 */
class UnionRoutesTest {
    private static final String OFFICER = "[officer]";
    private static final String VIEWER = "[viewer]";

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingMessenger sms = new RecordingMessenger();
    private final Services services = Services.create(store, sms, EscalationTimer.NONE, MutableClock.atT0(),
            new SequentialIds(7), new ServiceConfig("https://huzhu.example", null));
    private final ConsoleCalls api = new ConsoleCalls(new ConsoleApiHandler(services));

    @BeforeEach
    void aMemberWithHisFather_aNeighbour_andTwoLevelsOfLeaders() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(Fixtures.phone(1))
                .unit("机修车间").home("唐山", "路北区").family("王德福", "父亲", Fixtures.phone(2)).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(Fixtures.phone(11)).area("唐山", "路北区")
                .build());
        store.directory().leaders().insert(Fixtures.leader("l-1").name("周干事").phone(Fixtures.phone(21)).level(1).build());
        store.directory().leaders().insert(Fixtures.leader("l-2").name("陈主席").phone(Fixtures.phone(22)).level(2).build());
    }

    @Test
    void anOfficerRecordingADeath_gets201_withTheIncidentItsChecklistAndThePayment_andNoVolunteerIsAlerted()
            throws Exception {
        // when
        JsonNode r = json(call(OFFICER, "POST", "/v1/bereavements",
                "{\"memberId\":\"m-1\",\"relation\":\"父亲\",\"deceasedName\":\"王德福\"}"), 201);

        // then
        assertThat(r.get("incident").get("type").asText()).isEqualTo("bereavement");
        assertThat(r.get("incident").get("status").asText()).isEqualTo("acknowledged");
        assertThat(r.get("checklist")).hasSize(3);
        assertThat(r.get("checklist").get(0).get("owner").asText()).isNotBlank();
        assertThat(r.get("application").get("kind").asText()).isEqualTo("bereavement");
        assertThat(sms.sentTo(Fixtures.phone(11))).isEmpty();
        assertThat(sms.sentTo(Fixtures.phone(21))).hasSize(1);
        assertThat(sms.sentTo(Fixtures.phone(22))).hasSize(1);
    }

    @Test
    void theSameDeathPostedAgain_withItsIdempotencyKey_isRecordedOnce_andTheLeadersAreTextedOnce() throws Exception {
        // given the console's request, sent again after a slow answer
        String death = "{\"memberId\":\"m-1\",\"relation\":\"父亲\",\"deceasedName\":\"王德福\"}";

        // when
        JsonNode first = json(call(OFFICER, "POST", "/v1/bereavements", death, "form-1"), 201);
        JsonNode again = json(call(OFFICER, "POST", "/v1/bereavements", death, "form-1"), 201);

        // then
        assertThat(again.get("incident").get("id")).isEqualTo(first.get("incident").get("id"));
        assertThat(store.incidents().active()).hasSize(1);
        assertThat(sms.sentTo(Fixtures.phone(21))).hasSize(1);
        assertThat(sms.sentTo(Fixtures.phone(22))).hasSize(1);
    }

    @Test
    void aViewer_mayReadButNotRecordPlanOrDecide() throws Exception {
        assertThat(call(VIEWER, "POST", "/v1/bereavements", "{\"memberId\":\"m-1\"}").status()).isEqualTo(403);
        assertThat(call(VIEWER, "POST", "/v1/care-rounds", "{}").status()).isEqualTo(403);
        assertThat(call(VIEWER, "PUT", "/v1/assistance-guide", "{}").status()).isEqualTo(403);
        assertThat(call(VIEWER, "GET", "/v1/care-rounds", null).status()).isEqualTo(200);
        assertThat(call(VIEWER, "GET", "/v1/assistance-guide", null).status()).isEqualTo(200);
        assertThat(call(VIEWER, "GET", "/v1/contact-requests", null).status()).isEqualTo(200);
        assertThat(store.incidents().active()).isEmpty();
    }

    @Test
    void aCareRound_isPlannedForTheChosenMembers_andShowsItsProgress() throws Exception {
        // when
        JsonNode created = json(call(OFFICER, "POST", "/v1/care-rounds", """
                {"title":"夏季安全检查","kind":"safety-check","audience":{"kind":"members","memberIds":["m-1"]},
                 "dueDate":"2026-07-15","owner":"周干事"}"""), 201);
        JsonNode read = json(call(OFFICER, "GET", "/v1/care-rounds/" + created.get("id").asText(), null), 200);

        // then
        assertThat(created.get("title").asText()).isEqualTo("夏季安全检查");
        assertThat(read.get("progress").get("planned").asInt()).isEqualTo(1);
        assertThat(read.get("followUps").get(0).get("kind").asText()).isEqualTo("safety-check");
        assertThat(read.get("followUps").get(0).get("roundId").asText()).isEqualTo(created.get("id").asText());
    }

    @Test
    void theSameRoundPostedAgain_withItsIdempotencyKey_answersTheFirstRound_andPlansItOnce() throws Exception {
        // given the console's request, sent again after a slow answer
        String round = """
                {"title":"春节走访慰问","kind":"visit","audience":{"kind":"members","memberIds":["m-1"]},
                 "dueDate":"2026-02-10","owner":"陈主席"}""";

        // when
        JsonNode first = json(call(OFFICER, "POST", "/v1/care-rounds", round, "form-1"), 201);
        JsonNode again = json(call(OFFICER, "POST", "/v1/care-rounds", round, "form-1"), 201);
        JsonNode other = json(call(OFFICER, "POST", "/v1/care-rounds", round, "form-2"), 201);

        // then
        assertThat(again).isEqualTo(first);
        assertThat(other.get("id")).isNotEqualTo(first.get("id"));
        assertThat(json(call(OFFICER, "GET", "/v1/care-rounds", null), 200).get("items")).hasSize(2);
        assertThat(store.followUps().forRound(first.get("id").asText())).hasSize(1);
    }

    @Test
    void aRoundWithoutItsFields_is422_namingThem() throws Exception {
        // when
        JsonNode error = json(call(OFFICER, "POST", "/v1/care-rounds", "{\"kind\":\"picnic\"}"), 422).get("error");

        // then
        assertThat(error.get("fields").has("title")).isTrue();
        assertThat(error.get("fields").has("kind")).isTrue();
        assertThat(error.get("fields").has("dueDate")).isTrue();
    }

    @Test
    void aContactChangeAskedOnThePage_isApprovedAtTheConsole_once() throws Exception {
        // given
        store.triggerTokens().bind("m-1", Hashes.sha256("link-token"));
        String id = services.memberPage().askContactChange("link-token", new ContactRequestInput("change", 0, "王德福",
                "父亲", "13800000009", null, "王小红"), null).id();

        // when
        JsonNode waiting = json(call(OFFICER, "GET", "/v1/contact-requests", null), 200);
        JsonNode approved = json(call(OFFICER, "POST", "/v1/contact-requests/" + id + "/approve", "{}"), 200);
        int again = call(OFFICER, "POST", "/v1/contact-requests/" + id + "/reject", "{\"note\":\"重复\"}")
                .status();

        // then
        assertThat(waiting.get("items").get(0).get("targetPhone").asText()).isEqualTo(Fixtures.phone(2));
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(again).isEqualTo(409);
        assertThat(store.directory().members().get("m-1").orElseThrow().familyContacts().get(0).phone())
                .isEqualTo("+8613800000009");
    }

    @Test
    void approvingAContactChange_withANoteTooLong_is422_andTheRequestStillWaits() throws Exception {
        // given
        store.triggerTokens().bind("m-1", Hashes.sha256("link-token"));
        String id = services.memberPage().askContactChange("link-token", new ContactRequestInput("change", 0, "王德福",
                "父亲", "13800000009", null, "王小红"), null).id();

        // when
        Reply reply = call(OFFICER, "POST", "/v1/contact-requests/" + id + "/approve",
                "{\"note\":\"" + "已核实".repeat(101) + "\"}");

        // then
        assertThat(json(reply, 422).get("error").get("fields").has("note")).isTrue();
        assertThat(json(call(OFFICER, "GET", "/v1/contact-requests/" + id, null), 200).get("status").asText())
                .isEqualTo("pending");
        assertThat(store.directory().members().get("m-1").orElseThrow().familyContacts().get(0).phone())
                .isEqualTo(Fixtures.phone(2));
    }

    @Test
    void theGuide_isTheDefaultUntilSaved_thenTheUnionsOwn() throws Exception {
        // given
        JsonNode byDefault = json(call(OFFICER, "GET", "/v1/assistance-guide", null), 200);

        // when
        json(call(OFFICER, "PUT", "/v1/assistance-guide", """
                {"kinds":[{"kind":"bereavement","title":"丧葬慰问","documents":["死亡证明复印件"],"standardAmount":800}],
                 "steps":["交材料"],"note":null}"""), 200);
        JsonNode saved = json(call(VIEWER, "GET", "/v1/assistance-guide", null), 200);

        // then
        assertThat(byDefault.get("kinds")).hasSize(5);
        assertThat(saved.get("kinds")).hasSize(1);
        assertThat(saved.get("kinds").get(0).get("standardAmount").asInt()).isEqualTo(800);
        assertThat(saved.get("updatedBy").asText()).isNotBlank();
    }

    @Test
    void readingTheFamilysContactRequests_andARoundsVisits_isInTheAuditLog_whoWhatHowMany() throws Exception {
        // given
        store.triggerTokens().bind("m-1", Hashes.sha256("link-token"));
        String request = services.memberPage().askContactChange("link-token", new ContactRequestInput("change", 0,
                "王德福", "父亲", "13800000009", null, "王小红"), null).id();
        String round = json(call(OFFICER, "POST", "/v1/care-rounds", """
                {"title":"夏季安全检查","kind":"safety-check","audience":{"kind":"members","memberIds":["m-1"]},
                 "dueDate":"2026-07-15","owner":"周干事"}"""), 201).get("id").asText();

        // when
        json(call(VIEWER, "GET", "/v1/contact-requests?status=pending", null), 200);
        json(call(VIEWER, "GET", "/v1/contact-requests/" + request, null), 200);
        json(call(VIEWER, "GET", "/v1/care-rounds/" + round, null), 200);

        // then
        List<AuditEntry> reads = store.audit().list(null, null, PageRequest.first(50)).items().stream()
                .filter(e -> List.of("list", "view").contains(e.action())).toList();
        assertThat(reads).extracting(AuditEntry::action, AuditEntry::targetKind, AuditEntry::count).contains(
                tuple("list", "contactRequest", 1), tuple("view", "contactRequest", 1), tuple("list", "followup", 1));
    }

    @Test
    void twoOfficersSavingTheGuide_theSecondIsRefusedWith412_andTheFirstGuideStays() throws Exception {
        // given both opened the guide
        String etag = call(OFFICER, "GET", "/v1/assistance-guide", null).header("ETag");
        String first = """
                {"kinds":[{"kind":"bereavement","title":"丧葬慰问","standardAmount":800}],"steps":["交材料"]}""";
        String second = """
                {"kinds":[{"kind":"medical","title":"医疗救助"}],"steps":["填表"]}""";

        // when
        int saved = callIfMatch(first, etag).status();
        Reply refused = callIfMatch(second, etag);

        // then
        assertThat(saved).isEqualTo(200);
        assertThat(json(refused, 412).get("error").get("message").asText()).startsWith("已被他人修改");
        assertThat(json(call(VIEWER, "GET", "/v1/assistance-guide", null), 200).get("kinds").get(0).get("kind")
                .asText()).isEqualTo("bereavement");
    }

    @Test
    void theGuideToEdit_isInThePagesLanguage_notTheBrowsers() throws Exception {
        // given a Chinese console in a browser set to English (headless Chromium's own default)
        Map<String, String> headers = Map.of("accept-language", "en-US,en;q=0.9", "x-huzhu-language", "zh-CN");

        // when
        JsonNode guide = json(call(OFFICER, "GET", "/v1/assistance-guide", null, headers), 200);

        // then the default the officer edits, and members then read, is the Chinese one
        assertThat(guide.get("kinds").get(0).get("title").asText()).isEqualTo("困难帮扶");
    }

    private static JsonNode json(Reply r, int status) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return Json.mapper().readTree(r.body());
    }

    private Reply callIfMatch(String body, String etag) {
        return api.as(OFFICER, "PUT", "/v1/assistance-guide", body, Map.of("if-match", etag));
    }

    private Reply call(String groups, String method, String path, String body) {
        return api.as(groups, method, path, body);
    }

    private Reply call(String groups, String method, String path, String body, String idempotencyKey) {
        return call(groups, method, path, body, Map.of("idempotency-key", idempotencyKey));
    }

    private Reply call(String groups, String method, String path, String body, Map<String, String> headers) {
        return api.as(groups, method, path, body, headers);
    }
}
