package huzhu.core.audit;

import static huzhu.core.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import huzhu.core.care.FollowUpService.FollowUpInput;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.LeaderInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.DirectoryService.VolunteerInput;
import huzhu.core.directory.Member;
import huzhu.core.error.Invalid;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentService;
import huzhu.core.incident.IncidentService.OpenInput;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every directory change and every console action on an incident leaves who, what and when in the audit log. */
class AuditTrailTest {
    private static final Actor ADMIN = new Actor("sub-admin", "周干事");
    private static final Actor OFFICER = new Actor("sub-officer", "陈主席");

    private World world;

    @BeforeEach
    void aUnion() {
        world = new World();
    }

    /** The log, oldest first. */
    private List<AuditEntry> log() {
        List<AuditEntry> log = new ArrayList<>(world.memory.audit().list(null, null, PageRequest.first(200)).items());
        Collections.reverse(log);
        return log;
    }

    private static MemberInput member(String phone, String familyPhone) {
        return new MemberInput("王建国", phone, "销售分公司", new AreaInput("武汉市", "江汉区"), "新华路 88 号", null,
                familyPhone == null ? List.of() : List.of(new FamilyContactInput("王德福", "父亲", familyPhone)), null);
    }

    @Test
    void directoryChanges_areRecorded_withWhoWhenAndWhichFieldsChanged() {
        // given
        DirectoryService dir = world.services.directory();

        // when
        Member m = dir.createMember(member("13911110001", null), ADMIN);
        world.later(60);
        dir.updateMember(m.id(), member("13911110009", "13911110002"), ADMIN);
        dir.issueTriggerLink(m.id(), ADMIN);
        dir.deleteMember(m.id(), ADMIN);

        // then
        List<AuditEntry> log = log();
        assertThat(log).extracting(AuditEntry::actorName, AuditEntry::action, AuditEntry::targetKind,
                AuditEntry::targetId, AuditEntry::targetLabel).containsExactly(
                tuple("周干事", "create", "member", m.id(), "王建国"),
                tuple("周干事", "update", "member", m.id(), "王建国"),
                tuple("周干事", "trigger-link", "member", m.id(), "王建国"),
                tuple("周干事", "delete", "member", m.id(), "王建国"));
        assertThat(log.get(0).at()).isEqualTo(T0);
        assertThat(log.get(1).at()).isEqualTo(T0.plusSeconds(60));
        assertThat(log.get(1).fields()).containsExactly("phone", "familyContacts");
        assertThat(log.get(1).actorId()).isEqualTo("sub-admin");
    }

    @Test
    void theAuditLog_neverHoldsAPhoneNumberOrAnAddress() {
        // given
        DirectoryService dir = world.services.directory();

        // when
        Member m = dir.createMember(member("13911110001", "13911110002"), ADMIN);
        dir.updateMember(m.id(), member("13911110009", "13911110003"), ADMIN);

        // then
        assertThat(log().toString()).doesNotContain("1391111", "新华路");
    }

    @Test
    void volunteersLeadersAndThePolicy_areRecordedToo() {
        // given
        DirectoryService dir = world.services.directory();

        // when
        var v = dir.createVolunteer(new VolunteerInput("刘强", "13900000021", new AreaInput("武汉市", "江汉区"), null,
                null, true, null, null), ADMIN);
        dir.updateVolunteer(v.id(), new VolunteerInput("刘强", "13900000021", new AreaInput("武汉市", "江汉区"), null,
                null, false, null, null), ADMIN);
        dir.deleteVolunteer(v.id(), ADMIN);
        var l = dir.createLeader(new LeaderInput("陈主席", "13900000012", null, "工会主席", 2, null), ADMIN);
        dir.updateLeader(l.id(), new LeaderInput("陈主席", "13900000012", null, "工会主席", 1, null), ADMIN);
        dir.deleteLeader(l.id(), ADMIN);
        world.services.policy().replace(EscalationPolicy.DEFAULT, ADMIN);

        // then
        assertThat(log()).extracting(AuditEntry::action, AuditEntry::targetKind, AuditEntry::fields).containsExactly(
                tuple("create", "volunteer", List.of()),
                tuple("update", "volunteer", List.of("onDuty")),
                tuple("delete", "volunteer", List.of()),
                tuple("create", "leader", List.of()),
                tuple("update", "leader", List.of("level")),
                tuple("delete", "leader", List.of()),
                tuple("update", "policy", List.of()));
    }

    @Test
    void everyConsoleActionOnAnIncident_isRecordedUnderItsCode() {
        // given
        Member m = world.add(Fixtures.member("m-1").build());
        world.add(Fixtures.leader("l-1").level(1).build());
        IncidentService incidents = world.services.incidents();

        // when
        Incident i = incidents.open(new OpenInput(m.id(), "medical", "父亲摔倒", null), OFFICER, null);
        incidents.addNote(i.id(), "已电话联系家属", OFFICER);
        incidents.escalate(i.id(), OFFICER);
        incidents.acknowledge(i.id(), OFFICER);
        world.services.followUps().create(i.id(), new FollowUpInput("visit", "2026-03-09", null, List.of("周干事"),
                null, null, null), OFFICER);
        incidents.resolve(i.id(), "已送医", null, OFFICER);
        Incident second = incidents.open(new OpenInput(m.id(), null, null, null), ADMIN, null);
        incidents.cancel(second.id(), "误报", ADMIN);

        // then
        assertThat(log()).extracting(AuditEntry::actorName, AuditEntry::action, AuditEntry::targetKind,
                AuditEntry::targetLabel).containsExactly(
                tuple("陈主席", "open", "incident", i.code()),
                tuple("陈主席", "note", "incident", i.code()),
                tuple("陈主席", "escalate", "incident", i.code()),
                tuple("陈主席", "acknowledge", "incident", i.code()),
                tuple("陈主席", "create", "followup", i.code()),
                tuple("陈主席", "resolve", "incident", i.code()),
                tuple("周干事", "open", "incident", second.code()),
                tuple("周干事", "cancel", "incident", second.code()));
    }

    @Test
    void aRefusedChange_leavesNoEntry() {
        // given
        DirectoryService dir = world.services.directory();

        // when
        Assertions.assertThatThrownBy(() -> dir.createMember(member("not a phone", null), ADMIN))
                .isInstanceOf(Invalid.class);

        // then
        assertThat(log()).isEmpty();
    }

    @Test
    void theLog_isReadByTimeRange_andAnEmptyRangeIsRefused() {
        // given
        DirectoryService dir = world.services.directory();
        dir.createMember(member("13911110001", null), ADMIN);
        world.later(3600);
        dir.createMember(member("13911110002", null), ADMIN);

        // when
        var lastHalfHour = world.services.audit().list(T0.plusSeconds(1800), null, PageRequest.first(10));

        // then
        assertThat(lastHalfHour.items()).extracting(AuditEntry::at).containsExactly(T0.plusSeconds(3600));
        Assertions.assertThatThrownBy(() -> world.services.audit().list(T0, T0, PageRequest.first(10)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("from"));
    }
}
