package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.console.ConsoleCalls.Reply;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.ApplicationService.ApplicationInput;
import huzhu.core.care.CareConfig;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.care.NoticeDrafts.AudienceInput;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Dispatcher.NewIncident;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.incident.Reporter;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No lost updates: every record the console edits carries its version — in its JSON ({@code version}) and as the
 * ETag of its GET — and a PUT or DELETE with If-Match is refused (412, nothing changed) once somebody else changed
 * the record. A PUT without If-Match still works, as it always did, for scripts.
 */
class EditVersionsTest {
    private static final Actor ZHOU = new Actor("sub-9", "周干事");

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.atT0();
    private final Services services = Services.create(store, new RecordingMessenger(), LeaderAnnouncements.NONE,
            EscalationTimer.NONE, clock, new SequentialIds(7), new ServiceConfig("https://huzhu.example", null),
            new Services.Care(CareConfig.DEFAULTS.quiet(), NoticeBroadcast.NONE, clock::advance));
    private final ConsoleCalls api = new ConsoleCalls(new ConsoleApiHandler(services));
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void aUnionWithOneOfEverythingTheConsoleEdits() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(Fixtures.phone(1))
                .home("武汉市", "江汉区").family("王德福", "父亲", Fixtures.phone(2)).build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").name("刘强").phone(Fixtures.phone(11))
                .area("武汉市", "江汉区").build());
        store.directory().leaders().insert(Fixtures.leader("l-1").name("周干事").phone(Fixtures.phone(21)).level(1)
                .build());
        services.dispatcher().open(new NewIncident("inc-1", "m-1", IncidentType.MEDICAL, "摔倒", null,
                new Reporter(Fixtures.phone(2), "王德福", Channel.SMS, true), Language.ZH_CN));
        services.dispatcher().resolve("inc-1", "已送医", null, "周干事");
        ids.put("{followup}", services.followUps().create("inc-1", new huzhu.core.care.FollowUpService.FollowUpInput(
                "visit", "2026-03-09", null, List.of("周干事"), null, null, null), ZHOU).id());
        ids.put("{notice}", services.notices().create(new NoticeInput("端午慰问", "工会将发放端午慰问品。",
                new AudienceInput("all-members", null), null), ZHOU).notice().id());
        ids.put("{application}", services.applications().create(new ApplicationInput("m-1", "medical", "住院费用",
                new BigDecimal("5000"), List.of()), ZHOU).id());
    }

    /**
     * One editable record: where it is read, and an edit of it (the second differs from the first). The policy keeps
     * the contract's shape ({@code {"levels"}}): its version is in the ETag alone.
     */
    record Editable(String name, String path, String edit, String otherEdit) {
        boolean versionInTheJson() {
            return !path.equals("/v1/escalation-policy");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Editable> editables() {
        return Stream.of(
                new Editable("member", "/v1/members/m-1",
                        member("王德福", "13800000002", "李秀英", "13800000003"),
                        member("王德福", "13800000002", "王小二", "13800000005")),
                new Editable("volunteer", "/v1/volunteers/v-1",
                        "{\"name\":\"刘强\",\"phone\":\"13800000011\",\"area\":{\"city\":\"武汉市\"},\"onDuty\":false}",
                        "{\"name\":\"刘强强\",\"phone\":\"13800000011\",\"area\":{\"city\":\"武汉市\"}}"),
                new Editable("leader", "/v1/leaders/l-1",
                        "{\"name\":\"周干事\",\"phone\":\"13800000021\",\"level\":2}",
                        "{\"name\":\"周干事\",\"phone\":\"13800000021\",\"level\":3}"),
                new Editable("escalation policy", "/v1/escalation-policy",
                        "{\"levels\":[{\"level\":0,\"notify\":\"nearby-volunteers\",\"timeoutSeconds\":120}]}",
                        "{\"levels\":[{\"level\":0,\"notify\":\"leaders\",\"leaderLevel\":1,\"timeoutSeconds\":60}]}"),
                new Editable("follow-up", "/v1/followups/{followup}",
                        "{\"kind\":\"visit\",\"doneDate\":\"2026-03-09\",\"visitors\":[\"周干事\"]}",
                        "{\"kind\":\"visit\",\"dueDate\":\"2026-03-10\",\"visitors\":[\"李委员\"]}"),
                new Editable("notice draft", "/v1/notices/{notice}",
                        "{\"title\":\"端午慰问\",\"text\":\"周六发放。\",\"audience\":{\"kind\":\"all-members\"}}",
                        "{\"title\":\"端午慰问品\",\"text\":\"周日发放。\",\"audience\":{\"kind\":\"all-members\"}}"),
                new Editable("assistance guide", "/v1/assistance-guide",
                        "{\"kinds\":[{\"kind\":\"bereavement\",\"title\":\"丧葬慰问\"}],\"steps\":[\"交材料\"]}",
                        "{\"kinds\":[{\"kind\":\"medical\",\"title\":\"医疗救助\"}],\"steps\":[\"填表\"]}"),
                new Editable("application", "/v1/applications/{application}",
                        "{\"kind\":\"medical\",\"reason\":\"住院费用\",\"amountRequested\":4000}",
                        "{\"kind\":\"medical\",\"reason\":\"手术费用\",\"amountRequested\":6000}"));
    }

    private static String member(String c1, String p1, String c2, String p2) {
        return "{\"name\":\"王建国\",\"phone\":\"13800000001\",\"homeArea\":{\"city\":\"武汉市\",\"district\":\"江汉区\"},"
                + "\"familyContacts\":[{\"name\":\"" + c1 + "\",\"phone\":\"" + p1 + "\"},{\"name\":\"" + c2
                + "\",\"phone\":\"" + p2 + "\"}]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editables")
    void theGet_carriesTheVersion_asETagAndInTheJson_andAPutWithIt_movesItOn(Editable r) throws Exception {
        // given
        Reply read = call("GET", r.path(), null, Map.of());
        long version = versionIn(read.header("ETag"));

        // when
        Reply put = call("PUT", r.path(), r.edit(), Map.of("If-Match", read.header("ETag")));

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(versionIn(put.header("ETag"))).isEqualTo(version + 1);
        Reply again = call("GET", r.path(), null, Map.of());
        assertThat(versionIn(again.header("ETag"))).isEqualTo(version + 1);
        if (r.versionInTheJson()) {
            assertThat(read.json().get("version").asLong()).isEqualTo(version);
            assertThat(put.json().get("version").asLong()).isEqualTo(version + 1);
            assertThat(again.json().get("version").asLong()).isEqualTo(version + 1);
        } else {
            assertThat(read.json().has("version")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editables")
    void theVersionedETag_alsoServesTheConsolesCache_304WhileUnchanged_theNewRecordOnceEdited(Editable r)
            throws Exception {
        // given the console read the record and remembered it with its ETag
        String etag = call("GET", r.path(), null, Map.of()).header("ETag");

        // when it asks again, before and after an edit based on that ETag
        Reply unchanged = call("GET", r.path(), null, Map.of("If-None-Match", etag));
        Reply put = call("PUT", r.path(), r.edit(), Map.of("If-Match", etag));
        Reply changed = call("GET", r.path(), null, Map.of("If-None-Match", etag));

        // then the cache is used while it holds, and the edit was not refused for the cache's sake
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(versionIn(unchanged.header("ETag"))).isEqualTo(versionIn(etag));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(versionIn(changed.header("ETag"))).isEqualTo(versionIn(etag) + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editables")
    void twoPeopleEditingOneRecord_theSecondIsRefusedWith412_andTheFirstEditStays(Editable r) throws Exception {
        // given both opened the record
        String etag = call("GET", r.path(), null, Map.of()).header("ETag");
        Reply first = call("PUT", r.path(), r.edit(), Map.of("If-Match", etag));
        JsonNode afterFirst = call("GET", r.path(), null, Map.of()).json();

        // when the second saves what they saw
        Reply second = call("PUT", r.path(), r.otherEdit(), Map.of("If-Match", etag));

        // then
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(412);
        JsonNode error = second.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("changed_meanwhile");
        assertThat(error.get("message").asText()).startsWith("已被他人修改").contains(" / ")
                .contains("changed by someone else");
        assertThat(call("GET", r.path(), null, Map.of()).json()).isEqualTo(afterFirst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editables")
    void aPutWithoutIfMatch_stillWorks_forScripts(Editable r) throws Exception {
        // given
        call("PUT", r.path(), r.edit(), Map.of());

        // when
        Reply put = call("PUT", r.path(), r.otherEdit(), Map.of());

        // then
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @Test
    void ifMatchOfAnyVersion_orTheVersionFieldAlone_isAccepted_andAnUnknownTag_isRefused() throws Exception {
        // given
        long version = call("GET", "/v1/volunteers/v-1", null, Map.of()).json().get("version").asLong();
        String body = "{\"name\":\"刘强\",\"phone\":\"13800000011\",\"area\":{\"city\":\"武汉市\"}}";

        // when / then
        assertThat(call("PUT", "/v1/volunteers/v-1", body, Map.of("If-Match", "\"" + version + "\"")).status())
                .isEqualTo(200);
        assertThat(call("PUT", "/v1/volunteers/v-1", body, Map.of("If-Match", "*")).status()).isEqualTo(200);
        assertThat(call("PUT", "/v1/volunteers/v-1", body, Map.of("If-Match", "\"no-such-version\"")).status())
                .isEqualTo(412);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deletable")
    void aDeleteOfAChangedRecord_is412_andKeepsIt_andADeleteOfTheCurrentOne_works(String path, String edit)
            throws Exception {
        // given someone changed the record after it was read
        String etag = call("GET", path, null, Map.of()).header("ETag");
        call("PUT", path, edit, Map.of());

        // when
        Reply stale = call("DELETE", path, null, Map.of("If-Match", etag));

        // then
        assertThat(stale.status()).isEqualTo(412);
        assertThat(call("GET", path, null, Map.of()).status()).isEqualTo(200);
        String current = call("GET", path, null, Map.of()).header("ETag");
        assertThat(call("DELETE", path, null, Map.of("If-Match", current)).status()).isEqualTo(204);
        assertThat(call("GET", path, null, Map.of()).status()).isEqualTo(404);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> deletable() {
        return editables().filter(e -> List.of("member", "volunteer", "leader").contains(e.name()))
                .map(e -> org.junit.jupiter.params.provider.Arguments.of(e.path(), e.edit()));
    }

    // ---------------------------------------------------------------- helpers

    /** The version an ETag names: its leading digits. */
    private static long versionIn(String etag) {
        assertThat(etag).as("an ETag").isNotNull().matches("\"\\d+(\\.[0-9a-f]+)?\"");
        return Long.parseLong(etag.replaceAll("^\"(\\d+).*$", "$1"));
    }

    /** As an admin, on the {@code $default} route, with the ids this test stored put in {@code path}. */
    private Reply call(String method, String path, String body, Map<String, String> headers) {
        for (Map.Entry<String, String> id : ids.entrySet()) path = path.replace(id.getKey(), id.getValue());
        return api.as(As.ADMIN, method, path, body, headers);
    }
}
