package huzhu.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.Invalid;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ?query= on the directory lists: names, phones (by digits), family contacts, areas; paged by id. */
class DirectorySearchTest {
    private World world;
    private DirectoryService directory;

    @BeforeEach
    void aSmallUnion() {
        world = new World();
        directory = world.services.directory();
        world.add(Fixtures.member("m-1").name("王建国").phone("+8613911110001").home("武汉市", "江汉区")
                .family("王德福", "父亲", "+8613911110002").build());
        world.add(Fixtures.member("m-2").name("Li Na").phone("+8613911110003").home("杭州", "西湖区").build());
        world.add(Fixtures.volunteer("v-1").name("刘强").phone("+8613900000021").area("武汉市", "江汉区").build());
        world.add(Fixtures.volunteer("v-2").name("赵敏").phone("+8613900000022").onDuty(false).build());
        world.add(Fixtures.leader("l-1").name("陈主席").phone("+8613900000012").title("工会主席").build());
    }

    private static List<String> ids(Page<? extends huzhu.core.directory.DirectoryEntry> page) {
        return page.items().stream().map(huzhu.core.directory.DirectoryEntry::id).toList();
    }

    @Test
    void aName_findsMembersByPartOfIt_ignoringCaseAndSpaces() {
        // when / then
        assertThat(ids(directory.members("建国", PageRequest.first(10)))).containsExactly("m-1");
        assertThat(ids(directory.members("lina", PageRequest.first(10)))).containsExactly("m-2");
        assertThat(ids(directory.members(" LI ", PageRequest.first(10)))).containsExactly("m-2");
    }

    @Test
    void aPhone_findsByItsDigits_inNationalOrE164FormOrAnyPart() {
        // when / then
        assertThat(ids(directory.members("13911110001", PageRequest.first(10)))).containsExactly("m-1");
        assertThat(ids(directory.members("+86 139 1111 0003", PageRequest.first(10)))).containsExactly("m-2");
        assertThat(ids(directory.volunteers("0022", null, PageRequest.first(10)))).containsExactly("v-2");
    }

    @Test
    void aFamilyContactsNameOrPhone_findsTheMember() {
        // when / then
        assertThat(ids(directory.members("王德福", PageRequest.first(10)))).containsExactly("m-1");
        assertThat(ids(directory.members("13911110002", PageRequest.first(10)))).containsExactly("m-1");
    }

    @Test
    void aDistrict_findsMembersAndVolunteersLivingOrServingThere() {
        // when / then
        assertThat(ids(directory.members("江汉", PageRequest.first(10)))).containsExactly("m-1");
        assertThat(ids(directory.volunteers("江汉区", null, PageRequest.first(10)))).containsExactly("v-1");
    }

    @Test
    void onDuty_filtersVolunteers_withOrWithoutAQuery() {
        // when / then
        assertThat(ids(directory.volunteers(null, false, PageRequest.first(10)))).containsExactly("v-2");
        assertThat(ids(directory.volunteers(null, true, PageRequest.first(10)))).containsExactly("v-1");
        assertThat(ids(directory.volunteers("赵", true, PageRequest.first(10)))).isEmpty();
    }

    @Test
    void leaders_areFoundByNameTitleOrPhone() {
        // when / then
        assertThat(ids(directory.leaders("主席", PageRequest.first(10)))).containsExactly("l-1");
        assertThat(ids(directory.leaders("13900000012", PageRequest.first(10)))).containsExactly("l-1");
        assertThat(ids(directory.leaders("干事", PageRequest.first(10)))).isEmpty();
    }

    @Test
    void aBlankQuery_listsEveryone() {
        // when
        Page<Member> all = directory.members("  ", PageRequest.first(10));

        // then
        assertThat(ids(all)).containsExactly("m-1", "m-2");
    }

    @Test
    void searchResults_arePagedById_andEachComesOnce() {
        // given 7 more members named 张
        for (int i = 0; i < 7; i++) {
            world.add(Fixtures.member("z-" + i).name("张" + i).build());
        }

        // when
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Member> page = directory.members("张", new PageRequest(cursor, 3));
            seen.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        // then
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("z-0", "z-1", "z-2", "z-3", "z-4", "z-5", "z-6");
    }

    @Test
    void aQueryOver50Characters_isRefusedOnTheQueryField() {
        // when / then
        assertThatThrownBy(() -> directory.members("王".repeat(51), PageRequest.first(10)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("query"));
    }

    @Test
    void aCursorFromAnotherListing_isRefused() {
        // given
        String volunteerCursor = directory.volunteers("139", null, PageRequest.first(1)).nextCursor();

        // when / then
        assertThat(volunteerCursor).isNotNull();
        assertThatThrownBy(() -> directory.members("139", new PageRequest(volunteerCursor, 10)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("cursor"));
    }
}
