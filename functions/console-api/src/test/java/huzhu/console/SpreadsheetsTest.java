package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.error.Invalid;
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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tables as .xlsx, the rosters' templates, and .xlsx imports — written and read by the JDK alone. */
class SpreadsheetsTest {
    private final InMemoryStore store = new InMemoryStore();
    private final Services services = Services.create(store, new RecordingMessenger(), EscalationTimer.NONE,
            MutableClock.atT0(), new SequentialIds(5), new ServiceConfig("https://huzhu.example", null));
    private final ConsoleCalls api = new ConsoleCalls(new ConsoleApiHandler(services));

    @BeforeEach
    void twoMembers_andAnIncident() {
        store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(Fixtures.phone(1)).unit("炼钢厂")
                .home("唐山市", "路北区").address("建设路 88 号").family("王德福", "父亲", Fixtures.phone(2)).build());
        store.directory().members().insert(Fixtures.member("m-2").name("李娜").phone(Fixtures.phone(3)).unit("机关")
                .home("唐山市", "路南区").build());
        services.dispatcher().open(new NewIncident("inc-1", "m-1", IncidentType.MEDICAL, "胸口疼", null,
                new Reporter(Fixtures.phone(2), "王德福", Channel.SMS, true), Language.ZH_CN));
    }

    @Test
    void theMembersExport_isAnXlsxWithChineseHeaders_filteredAsTheTable() {
        // when
        ConsoleCalls.Reply reply = api.as("[officer]", "GET", "/v1/exports/members?unit=炼钢厂", null);

        // then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo(Xlsx.CONTENT_TYPE);
        assertThat(reply.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
        List<List<String>> rows = Xlsx.read(reply.bytes());
        assertThat(rows.get(0)).startsWith("姓名", "手机号", "单位", "城市", "区县", "家庭住址");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains("王建国", "+8613800000001", "炼钢厂", "王德福", "父亲", "+8613800000002");
    }

    @Test
    void exportingPersonalData_isInTheAuditLog_whoWhatHowMany() {
        // when
        api.as("[officer]", "GET", "/v1/exports/members?unit=炼钢厂", null);
        api.as("[officer]", "GET", "/v1/exports/volunteers", null);
        api.as("[officer]", "GET", "/v1/exports/incidents", null);
        api.as("[officer]", "GET", "/v1/exports/applications", null);

        // then
        List<huzhu.core.audit.AuditEntry> entries = store.audit().list(null, null,
                huzhu.core.kernel.PageRequest.first(50)).items();
        assertThat(entries).filteredOn(e -> e.action().equals("export"))
                .extracting(e -> e.targetKind(), e -> e.count())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("member", 1),
                        org.assertj.core.groups.Tuple.tuple("volunteer", 0),
                        org.assertj.core.groups.Tuple.tuple("incident", 1),
                        org.assertj.core.groups.Tuple.tuple("application", 0));
    }

    @Test
    void anExport_correctedAndImportedAgain_isAcceptedColumnForColumn() {
        // given the export of both members, with their phones changed so they are new people
        byte[] sheet = api.as("[admin]", "GET", "/v1/exports/members", null).bytes();
        List<List<String>> rows = Xlsx.read(sheet);
        List<List<Object>> changed = rows.subList(1, rows.size()).stream().map(r -> {
            List<Object> copy = new java.util.ArrayList<>(r);
            copy.set(1, r.get(1).replace("+86138", "+86139"));
            return copy;
        }).toList();
        byte[] again = Xlsx.write(new Xlsx.Sheet("会员", rows.get(0), changed));

        // when
        ConsoleCalls.Reply reply = api.as("[admin]", "POST", "/v1/members/import?dryRun=true",
                Base64.getEncoder().encodeToString(again), Map.of("Content-Type", Xlsx.CONTENT_TYPE));

        // then
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("imported").asInt()).isEqualTo(2);
        assertThat(reply.json().get("ignoredColumns")).isEmpty();
    }

    @Test
    void aWorkbookAsExcelWritesIt_sharedStringsAndAPhoneStoredAsANumber_imports() throws Exception {
        // given: header and names as shared strings, the phone a number cell, the way Excel saves a typed roster
        byte[] excel = excelStyleWorkbook();

        // when
        ConsoleCalls.Reply reply = api.as("[admin]", "POST", "/v1/members/import",
                Base64.getEncoder().encodeToString(excel), Map.of("Content-Type", Xlsx.CONTENT_TYPE));

        // then
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(store.directory().members().byPhone("+8613911110031")).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("张三");
            assertThat(m.homeArea().city()).isEqualTo("唐山市");
        });
    }

    @Test
    void whatIsNoWorkbook_is422OnTheFile() {
        ConsoleCalls.Reply reply = api.as("[admin]", "POST", "/v1/members/import",
                Base64.getEncoder().encodeToString("not a zip".getBytes(StandardCharsets.UTF_8)),
                Map.of("Content-Type", Xlsx.CONTENT_TYPE));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error().get("fields").has("file")).isTrue();
        assertThatThrownBy(() -> Xlsx.read(new byte[0])).isInstanceOf(Invalid.class);
    }

    @Test
    void theTemplate_isTheHeaderRowTheImportTakes_withAnExample() {
        // when
        byte[] template = api.as("[officer]", "GET", "/v1/templates/members", null).bytes();

        // then
        List<List<String>> rows = Xlsx.read(template);
        assertThat(rows.get(0)).contains("姓名", "手机号", "家属姓名", "家属2电话");
        assertThat(rows).hasSize(2);
    }

    @Test
    void theIncidentsAndTheMonthlyReport_export_inEnglishWhenTheConsoleIsInEnglish() {
        // when
        List<List<String>> incidents = Xlsx.read(api.as("[viewer]", "GET", "/v1/exports/incidents", null,
                Map.of("X-Huzhu-Language", "en")).bytes());
        List<List<String>> report = Xlsx.read(api.as("[viewer]", "GET", "/v1/exports/reports", null).bytes());

        // then
        assertThat(incidents.get(0)).startsWith("Code", "Opened", "Member");
        assertThat(incidents.get(1)).contains("王建国", "medical emergency");
        assertThat(report.get(0)).startsWith("月份", "求助次数");
        assertThat(report.get(report.size() - 1).get(0)).isEqualTo("合计");
    }

    @Test
    void columnLetters_goOnPastZ() {
        assertThat(Xlsx.column(0)).isEqualTo("A");
        assertThat(Xlsx.column(25)).isEqualTo("Z");
        assertThat(Xlsx.column(26)).isEqualTo("AA");
        assertThat(Xlsx.columnIndex("AB12")).isEqualTo(27);
    }

    private static byte[] excelStyleWorkbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"名册\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "relationships\"><Relationship Id=\"rId7\" Type=\"x\" Target=\"worksheets/roster.xml\"/></Relationships>");
            put(zip, "xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<si><t>姓名</t></si><si><t>手机号</t></si><si><r><t>城</t></r><r><t>市</t></r></si>"
                    + "<si><t>张三</t><rPh><t>zhang</t></rPh></si><si><t>唐山市</t></si></sst>");
            put(zip, "xl/worksheets/roster.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                    + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                    + "<c r=\"C1\" t=\"s\"><v>2</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c>"
                    + "<c r=\"B2\"><v>13911110031</v></c><c r=\"C2\" t=\"s\"><v>4</v></c></row></sheetData></worksheet>");
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
