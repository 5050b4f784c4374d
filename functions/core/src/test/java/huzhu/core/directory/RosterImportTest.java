package huzhu.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import huzhu.core.audit.AuditEntry;
import huzhu.core.directory.DirectoryService.ImportReport;
import huzhu.core.directory.DirectoryService.RowProblem;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bulk import of members and volunteers from the rosters the union keeps in spreadsheets. */
class RosterImportTest {
    private static final Actor ADMIN = new Actor("sub-admin", "周干事");

    private final World world = new World();
    private final DirectoryService directory = world.services.directory();

    private static Invalid invalid(ThrowingCallable action) {
        return assertThatExceptionOfType(Invalid.class).isThrownBy(action).actual();
    }

    // ---------------------------------------------------------------- members

    @Test
    void aChineseRoster_withTwoNumberedFamilyContacts_importsEveryMember() {
        // given
        String csv = """
                序号,姓名,手机号,单位,城市,区县,家庭住址,家属1姓名,家属1关系,家属1电话,家属2姓名,家属2关系,家属2电话,备注
                1,王建国,139 1111 0001,销售分公司,武汉市,江汉区,新华路 88 号,王德福,父亲,13911110002,李秀兰,母亲,13911110003,
                2,Li Na,+8613911110004,总部,杭州,西湖区,,,,,,,,常驻上海
                """;

        // when
        ImportReport report = directory.importMembers(csv, false, ADMIN);

        // then
        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.problems()).isEmpty();
        assertThat(report.ignoredColumns()).containsExactly("序号", "备注");
        Member wang = world.memory.directory().members().byPhone("+8613911110001").orElseThrow();
        assertThat(wang.name()).isEqualTo("王建国");
        assertThat(wang.homeArea().district()).isEqualTo("江汉区");
        assertThat(wang.familyContacts()).containsExactly(
                new FamilyContact("王德福", "父亲", "+8613911110002"),
                new FamilyContact("李秀兰", "母亲", "+8613911110003"));
        assertThat(world.memory.directory().members().byPhone("+8613911110004").orElseThrow().familyContacts()).isEmpty();
        assertThat(report.ids()).containsExactlyInAnyOrder(wang.id(),
                world.memory.directory().members().byPhone("+8613911110004").orElseThrow().id());
    }

    @Test
    void anEnglishRoster_withQuotedCells_importsAsWell() {
        // given
        String csv = "Name,Phone,City,District,Home Address,Family Name,Family Relation,Family Phone,Language\r\n"
                + "Tom,13911110001,Wuhan,Jianghan,\"88 Xinhua Rd, Bldg 3\",Ann,mother,13911110002,en\r\n";

        // when
        ImportReport report = directory.importMembers(csv, false, ADMIN);

        // then
        assertThat(report.imported()).isEqualTo(1);
        Member tom = world.memory.directory().members().byPhone("+8613911110001").orElseThrow();
        assertThat(tom.homeAddress()).isEqualTo("88 Xinhua Rd, Bldg 3");
        assertThat(tom.language().wire()).isEqualTo("en");
        assertThat(tom.familyContacts()).extracting(FamilyContact::phone).containsExactly("+8613911110002");
    }

    @Test
    void oneBadRow_importsNothing_andNamesEveryBadRowAndField() {
        // given row 3 has a bad phone, row 4 no name and a bad family phone
        String csv = """
                姓名,手机,城市,家属电话,家属姓名
                王建国,13911110001,武汉市,13911110002,王德福
                张三,12345,武汉市,,
                ,13911110005,武汉市,999,某人
                """;

        // when
        Invalid e = invalid(() -> directory.importMembers(csv, false, ADMIN));

        // then
        assertThat(e.fields()).containsOnly(
                entry("rows[3].phone", "invalid.phone"),
                entry("rows[4].name", "invalid.required"),
                entry("rows[4].familyContacts[0].phone", "invalid.phone"));
        assertThat(world.memory.directory().members().all()).isEmpty();
        assertThat(world.memory.audit().list(null, null, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void skipInvalid_importsTheGoodRows_andReportsTheBadOnes() {
        // given
        String csv = """
                姓名,手机,城市
                王建国,13911110001,武汉市
                张三,12345,武汉市
                李四,13911110006,
                赵六,13911110007,武汉市
                """;

        // when
        ImportReport report = directory.importMembers(csv, true, ADMIN);

        // then
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(report.problems()).containsExactly(
                new RowProblem(3, Map.of("phone", "invalid.phone")),
                new RowProblem(4, Map.of("homeArea.city", "invalid.required")));
        assertThat(world.memory.directory().members().all()).extracting(Member::name).containsExactlyInAnyOrder("王建国", "赵六");
    }

    @Test
    void aPhoneTwiceInTheFile_orAlreadyRegistered_isARowProblem() {
        // given
        world.add(Fixtures.member("m-0").phone("+8613911110009").build());
        String csv = """
                姓名,手机,城市
                王建国,13911110001,武汉市
                王建国,+86 139 1111 0001,武汉市
                老会员,13911110009,武汉市
                """;

        // when
        Invalid e = invalid(() -> directory.importMembers(csv, false, ADMIN));

        // then
        assertThat(e.fields()).containsOnly(
                entry("rows[3].phone", "invalid.csv.duplicatePhone"),
                entry("rows[4].phone", "invalid.phoneTaken"));
        assertThat(world.memory.directory().members().all()).extracting(Member::id).containsExactly("m-0");
    }

    @Test
    void aRosterWithoutThePhoneOrCityColumn_isRefusedAsAWhole() {
        // when
        Invalid e = invalid(() -> directory.importMembers("姓名,单位\n王建国,总部\n", true, ADMIN));

        // then
        assertThat(e.fields()).containsOnly(
                entry("columns.phone", "invalid.csv.missingColumn"),
                entry("columns.city", "invalid.csv.missingColumn"));
    }

    @Test
    void anEmptyFile_orOnlyAHeader_isRefused() {
        assertThat(invalid(() -> directory.importMembers("", false, ADMIN)).fields()).containsKey("csv");
        assertThat(invalid(() -> directory.importMembers("姓名,手机,城市\n\n", false, ADMIN)).fields())
                .containsEntry("csv", "invalid.csv.noRows");
    }

    @Test
    void everyImportedMember_isInTheAuditLog_underTheAdminWhoImported() {
        // given
        String csv = "姓名,手机,城市\n王建国,13911110001,武汉市\n李娜,13911110004,杭州\n";

        // when
        directory.importMembers(csv, false, ADMIN);

        // then
        List<AuditEntry> log = world.memory.audit().list(null, null, PageRequest.first(10)).items();
        assertThat(log).extracting(AuditEntry::action).containsOnly("import");
        assertThat(log).extracting(AuditEntry::targetLabel).containsExactlyInAnyOrder("王建国", "李娜");
        assertThat(log).extracting(AuditEntry::actorName).containsOnly("周干事");
    }

    // ---------------------------------------------------------------- volunteers

    @Test
    void aVolunteerRoster_readsDutySkillsAndMaxActive_inChineseWords() {
        // given
        String csv = """
                姓名,手机,城市,区,技能,是否值班,最多同时接单
                刘强,13900000021,武汉市,江汉区,急救、驾驶,是,2
                赵敏,13900000022,武汉市,江汉区,急救,否,
                """;

        // when
        ImportReport report = directory.importVolunteers(csv, false, ADMIN);

        // then
        assertThat(report.imported()).isEqualTo(2);
        Volunteer liu = world.memory.directory().volunteers().byPhone("+8613900000021").orElseThrow();
        assertThat(liu.skills()).containsExactly("急救", "驾驶");
        assertThat(liu.onDuty()).isTrue();
        assertThat(liu.maxActive()).isEqualTo(2);
        assertThat(world.memory.directory().volunteers().byPhone("+8613900000022").orElseThrow().onDuty()).isFalse();
    }

    @Test
    void aVolunteerRow_withAnUnknownDutyWordOrANonNumber_isARowProblem() {
        // given
        String csv = """
                name,phone,city,onDuty,maxActive,lat
                Tom,13900000021,Wuhan,maybe,two,north
                """;

        // when
        Invalid e = invalid(() -> directory.importVolunteers(csv, false, ADMIN));

        // then
        assertThat(e.fields()).containsOnly(
                entry("rows[2].onDuty", "invalid.choice"),
                entry("rows[2].maxActive", "invalid.number"),
                entry("rows[2].location.lat", "invalid.number"));
        assertThatThrownBy(() -> world.memory.directory().volunteers().byPhone("+8613900000021").orElseThrow())
                .isInstanceOf(java.util.NoSuchElementException.class);
    }
}
