package huzhu.core.directory;

import static huzhu.core.testing.Fixtures.T0;
import huzhu.core.testing.TriggerLinks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.LeaderInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.PointInput;
import huzhu.core.directory.DirectoryService.TriggerLink;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.error.Conflict;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The union's directory: validation, E.164 phones, unique phones, personal links. */
class DirectoryServiceTest {
    private World world;
    private DirectoryService directory;

    @BeforeEach
    void anEmptyDirectory() {
        world = new World();
        directory = world.services.directory();
    }

    private static MemberInput member(String name, String phone, FamilyContactInput... family) {
        return new MemberInput(name, phone, "第一分会", new AreaInput("杭州", "西湖区"), "文三路 100 号", null,
                Arrays.asList(family), null);
    }

    private static VolunteerInput volunteer(String phone) {
        return new VolunteerInput("李娜", phone, new AreaInput("杭州", "西湖区"), null, List.of("first-aid"), null, null,
                null);
    }

    private static Invalid invalid(ThrowingCallable action) {
        return assertThatExceptionOfType(Invalid.class).isThrownBy(action).actual();
    }

    @Test
    void anEditThatDoesNotMentionOnDuty_keepsAVolunteerWhoOptedOut_offDuty() {
        // given a volunteer who texted STOP
        Volunteer v = directory.createVolunteer(volunteer("13800000011"));
        world.memory.directory().volunteers().update(v.offDuty(world.clock.instant()));

        // when an officer fixes the name without touching the duty switch
        directory.updateVolunteer(v.id(), new VolunteerInput("李娜娜", "13800000011", new AreaInput("杭州", "西湖区"),
                null, List.of("first-aid"), null, null, null));

        // then
        assertThat(directory.volunteer(v.id()).onDuty()).isFalse();
        assertThat(directory.volunteer(v.id()).name()).isEqualTo("李娜娜");
    }

    // ---------------------------------------------------------------- members

    @Test
    void aMember_withNationalPhones_isStoredWithE164Phones() {
        // when
        Member created = directory.createMember(member(" 王小明 ", "138 0013 8000",
                new FamilyContactInput("王建国", "父亲", "0086-139-0013-9000"),
                new FamilyContactInput("陈秀英", "母亲", "0571-87654321")));

        // then
        Member stored = world.memory.directory().members().get(created.id()).orElseThrow();
        assertThat(stored).isEqualTo(created);
        assertThat(stored.name()).isEqualTo("王小明");
        assertThat(stored.phone()).isEqualTo("+8613800138000");
        assertThat(stored.familyContacts()).containsExactly(
                new FamilyContact("王建国", "父亲", "+8613900139000"),
                new FamilyContact("陈秀英", "母亲", "+8657187654321"));
        assertThat(stored.homeArea()).isEqualTo(new Area("杭州", "西湖区"));
        assertThat(stored.language()).isEqualTo(Language.ZH_CN);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(world.memory.directory().members().byPhone("+8613800138000")).contains(stored);
        assertThat(world.memory.directory().membersWithFamilyPhone("+8613900139000")).containsExactly(stored);
    }

    @Test
    void aMemberWithoutRequiredFields_isInvalid_namingEachField() {
        // when
        Invalid e = invalid(() -> directory.createMember(new MemberInput(null, null, null, null, null, null, null,
                null)));

        // then
        assertThat(e.fields()).containsOnly(entry("name", "invalid.required"), entry("phone", "invalid.required"),
                entry("homeArea.city", "invalid.required"));
    }

    @Test
    void everyBadField_ofAMember_isReportedByItsJsonPath() {
        // given
        List<FamilyContactInput> family = new ArrayList<>();
        family.add(new FamilyContactInput("王建国", "父亲", "12345"));
        family.add(new FamilyContactInput(" ", "母亲", "13900139000"));
        family.add(null);
        family.add(new FamilyContactInput("哥哥", "关".repeat(21), null));
        MemberInput in = new MemberInput("名".repeat(51), "not a phone", "单".repeat(101),
                new AreaInput(" ", "区".repeat(51)), "址".repeat(201), new PointInput(91.0, 200.0), family, "fr");

        // when
        Invalid e = invalid(() -> directory.createMember(in));

        // then
        assertThat(e.fields()).containsOnly(
                entry("name", "invalid.tooLong"),
                entry("phone", "invalid.phone"),
                entry("unit", "invalid.tooLong"),
                entry("homeArea.city", "invalid.required"),
                entry("homeArea.district", "invalid.tooLong"),
                entry("homeAddress", "invalid.tooLong"),
                entry("location.lat", "invalid.range"),
                entry("location.lon", "invalid.range"),
                entry("familyContacts[0].phone", "invalid.phone"),
                entry("familyContacts[1].name", "invalid.required"),
                entry("familyContacts[2]", "invalid.required"),
                entry("familyContacts[3].relation", "invalid.tooLong"),
                entry("familyContacts[3].phone", "invalid.required"),
                entry("language", "invalid.language"));
        assertThat(world.memory.directory().members().all()).isEmpty();
    }

    @Test
    void aLocationWithOnlyOneCoordinate_namesTheMissingOne() {
        // given
        MemberInput in = new MemberInput("王小明", "13800138000", null, new AreaInput("杭州", null), null,
                new PointInput(30.0, null), null, null);

        // when / then
        assertThat(invalid(() -> directory.createMember(in)).fields())
                .containsExactly(entry("location.lon", "invalid.required"));
    }

    @Test
    void tooManyFamilyContacts_isReportedOnTheList() {
        // given
        FamilyContactInput[] family = new FamilyContactInput[11];
        for (int i = 0; i < family.length; i++) {
            family[i] = new FamilyContactInput("家属" + i, null, String.format("139%08d", i));
        }

        // when / then
        assertThat(invalid(() -> directory.createMember(member("王小明", "13800138000", family))).fields())
                .containsExactly(entry("familyContacts", "invalid.range"));
    }

    @Test
    void aDuplicatePhone_isAConflict_phoneTaken_inWhateverFormItIsWritten() {
        // given
        directory.createMember(member("王小明", "13800138000"));

        // when / then
        assertThatThrownBy(() -> directory.createMember(member("王小红", "+86 138-0013-8000")))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.code()).isEqualTo("phone_taken");
                    assertThat(c.messageKey()).isEqualTo("error.phoneTaken");
                });
        assertThat(world.memory.directory().members().all()).hasSize(1);
    }

    @Test
    void anUpdate_thatTakesAnotherMembersPhone_isAConflict_andKeepingItsOwnIsNot() {
        // given
        Member a = directory.createMember(member("王小明", "13800138000"));
        directory.createMember(member("王小红", "13800138001"));

        // when / then
        assertThatThrownBy(() -> directory.updateMember(a.id(), member("王小明", "13800138001")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("phone_taken"));
        assertThat(directory.updateMember(a.id(), member("王晓明", "+8613800138000")).name()).isEqualTo("王晓明");
    }

    @Test
    void anUpdate_keepsTheCreationTime_andStampsTheUpdateTime() {
        // given
        Member created = directory.createMember(member("王小明", "13800138000"));
        world.later(3600);

        // when
        Member updated = directory.updateMember(created.id(), member("王晓明", "13800138000"));

        // then
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void updatingOrDeletingAnUnknownMember_isNotFound() {
        assertThatThrownBy(() -> directory.updateMember("nope", member("王小明", "13800138000")))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.what()).isEqualTo("member"));
        assertThatThrownBy(() -> directory.deleteMember("nope")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> directory.member("nope")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> directory.issueTriggerLink("nope")).isInstanceOf(NotFound.class);
    }

    @Test
    void aTriggerLink_pointsAtThePublicUrl_andOnlyItsHashIsStored() {
        // given
        Member m = directory.createMember(member("王小明", "13800138000"));

        // when
        TriggerLink link = directory.issueTriggerLink(m.id());

        // then
        assertThat(link.url()).isEqualTo("https://huzhu.example/v1/triggers/" + link.token());
        assertThat(TriggerLinks.liveMemberOf(world.memory.triggerTokens(), Hashes.sha256(link.token()))).contains(m.id());
        assertThat(TriggerLinks.liveMemberOf(world.memory.triggerTokens(), link.token())).isEmpty();
    }

    @Test
    void deletingAMember_forgetsTheirTriggerLink() {
        // given
        Member m = directory.createMember(member("王小明", "13800138000"));
        TriggerLink link = directory.issueTriggerLink(m.id());

        // when
        directory.deleteMember(m.id());

        // then
        assertThat(TriggerLinks.liveMemberOf(world.memory.triggerTokens(), Hashes.sha256(link.token()))).isEmpty();
        assertThat(world.memory.directory().members().byPhone("+8613800138000")).isEmpty();
    }

    @Test
    void members_arePaged() {
        // given
        for (int i = 0; i < 5; i++) directory.createMember(member("会员" + i, String.format("138%08d", i)));

        // when
        var first = directory.members(PageRequest.first(3));
        var rest = directory.members(new PageRequest(first.nextCursor(), 3));

        // then
        assertThat(first.items()).hasSize(3);
        assertThat(rest.items()).hasSize(2);
        assertThat(rest.nextCursor()).isNull();
    }

    // ---------------------------------------------------------------- volunteers

    @Test
    void aVolunteer_isOnDutyWithMaxActive1_unlessToldOtherwise() {
        // when
        Volunteer v = directory.createVolunteer(new VolunteerInput("李娜", "139 0000 0001",
                new AreaInput("杭州", "西湖区"), new PointInput(30.27, 120.15), List.of(" first-aid ", "driver"), null,
                null, "en-US"));

        // then
        assertThat(v.onDuty()).isTrue();
        assertThat(v.maxActive()).isEqualTo(1);
        assertThat(v.phone()).isEqualTo("+8613900000001");
        assertThat(v.location()).isEqualTo(new GeoPoint(30.27, 120.15));
        assertThat(v.skills()).containsExactly("first-aid", "driver");
        assertThat(v.language()).isEqualTo(Language.EN);
        assertThat(world.memory.directory().volunteers().get(v.id())).contains(v);
    }

    @Test
    void everyBadField_ofAVolunteer_isReportedByItsJsonPath() {
        // given
        List<String> skills = new ArrayList<>(List.of("first-aid", " ", "技".repeat(31)));
        VolunteerInput in = new VolunteerInput("", "12", null, null, skills, false, 0, "xx");

        // when
        Invalid e = invalid(() -> directory.createVolunteer(in));

        // then
        assertThat(e.fields()).containsOnly(
                entry("name", "invalid.required"),
                entry("phone", "invalid.phone"),
                entry("area.city", "invalid.required"),
                entry("skills[1]", "invalid.required"),
                entry("skills[2]", "invalid.tooLong"),
                entry("maxActive", "invalid.range"),
                entry("language", "invalid.language"));
    }

    @Test
    void aVolunteersPhone_mayAlsoBeAMembers_butNotAnotherVolunteers() {
        // given
        directory.createMember(member("王小明", "13800138000"));
        directory.createVolunteer(volunteer("13800138000"));

        // when / then
        assertThatThrownBy(() -> directory.createVolunteer(volunteer("+8613800138000")))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code()).isEqualTo("phone_taken"));
    }

    // ---------------------------------------------------------------- leaders

    @Test
    void aLeader_needsALevel_andAPlausibleEmail() {
        // when
        Invalid e = invalid(() -> directory.createLeader(new LeaderInput("张主席", "13800138000", "not-an-email",
                "主席", null, null)));

        // then
        assertThat(e.fields()).containsOnly(entry("email", "invalid.type"), entry("level", "invalid.required"));
        assertThat(invalid(() -> directory.createLeader(new LeaderInput("张主席", "13800138000", null, null, 0,
                null))).fields()).containsOnly(entry("level", "invalid.range"));
    }

    @Test
    void aLeader_isStoredWithAnE164Phone_andItsLevel() {
        // when
        Leader l = directory.createLeader(new LeaderInput("张主席", "010-12345678", "chair@union.example", "工会主席",
                2, null));

        // then
        assertThat(l.phone()).isEqualTo("+861012345678");
        assertThat(l.level()).isEqualTo(2);
        assertThat(world.memory.directory().leadersAtLevel(2)).containsExactly(l);
    }

    @Test
    void aLeaderSentBackAsTheApiReturnedIt_isStillValid() {
        // given: a Beijing landline comes back in E.164, as the API returned it
        Leader l = directory.createLeader(new LeaderInput("张主席", "010-12345678", null, null, 1, null));

        // when
        Leader updated = directory.updateLeader(l.id(), new LeaderInput("张主席", l.phone(), null, "主席", 1, "zh-CN"));

        // then
        assertThat(updated.phone()).isEqualTo("+861012345678");
    }
}
