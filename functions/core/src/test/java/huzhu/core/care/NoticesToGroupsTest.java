package huzhu.core.care;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.care.NoticeDrafts.AudienceInput;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.group.GroupFact;
import huzhu.core.kernel.Actor;
import huzhu.core.testing.CareWorld;
import huzhu.core.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A notice to every member or every family goes to the union's group chats as well as by SMS, once. */
class NoticesToGroupsTest {
    private static final Actor OFFICER = new Actor("sub-1", "周干事");

    private final CareWorld world = new CareWorld();

    @BeforeEach
    void twoMembers() {
        world.add(Fixtures.member("m-1").name("王小明").phone(phone(1)).unit("机修车间").build());
        world.add(Fixtures.member("m-2").name("李娜").phone(phone(2)).unit("运输部").build());
    }

    @Test
    void aNoticeToEveryMember_goesToTheGroupsOnce_withItsPage_evenWhenTheSenderRunsAgain() {
        // given
        String id = world.services.notices().create(new NoticeInput("夏季安全提醒", "高温天气请注意防暑，外出带水。",
                new AudienceInput("all-members", null), null), OFFICER).notice().id();

        // when
        world.services.notices().sendNow(id, OFFICER);
        world.services.campaigns().runForRequest(id);
        world.services.campaigns().runDue();

        // then
        assertThat(world.group.facts()).containsExactly(new GroupFact.NoticeSent(id, "夏季安全提醒",
                "高温天气请注意防暑，外出带水。", CareWorld.CONFIG.publicBaseUrl() + "/v1/notices/" + id + "/page"));
        assertThat(world.messenger.sent()).hasSize(2);
    }

    @Test
    void aNoticeToOneUnitOrTheLeaders_staysOutOfTheGroups() {
        // given
        String unit = world.services.notices().create(new NoticeInput("车间例会", "周五下午三点开会。",
                new AudienceInput("unit", "机修车间"), null), OFFICER).notice().id();
        String leaders = world.services.notices().create(new NoticeInput("领导碰头", "周一碰头。",
                new AudienceInput("leaders", null), null), OFFICER).notice().id();

        // when
        world.services.notices().sendNow(unit, OFFICER);
        world.services.notices().sendNow(leaders, OFFICER);
        world.services.campaigns().runDue();

        // then
        assertThat(world.group.facts()).isEmpty();
    }
}
