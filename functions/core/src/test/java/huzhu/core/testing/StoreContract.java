package huzhu.core.testing;

import static huzhu.core.testing.Fixtures.T0;
import static huzhu.core.testing.Fixtures.followUp;
import static huzhu.core.testing.Fixtures.freshPhone;
import static huzhu.core.testing.Fixtures.incident;
import static huzhu.core.testing.Fixtures.leader;
import static huzhu.core.testing.Fixtures.member;
import static huzhu.core.testing.Fixtures.phone;
import static huzhu.core.testing.Fixtures.volunteer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.kernel.AlreadyExists;
import huzhu.core.Store;
import huzhu.core.audit.AuditEntry;
import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.PhoneLink;
import huzhu.core.directory.Registry;
import huzhu.core.directory.Volunteer;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.incident.Channel;
import huzhu.core.incident.DutyRoster;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentQuery;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Notify;
import huzhu.core.incident.PolicyLevel;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.UnderWay;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link Store} must do. A store implementation's test extends this class and says how to make
 * a fresh, empty store; the same stories then run against it.
 */
public abstract class StoreContract {

    /** A new, empty store; if it is {@link AutoCloseable} it is closed after the test. */
    protected abstract Store newStore();

    protected Store store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) closeable.close();
    }

    // ---------------------------------------------------------------- directory: one entry

    @Test
    void insertedMember_comesBackWithEveryField() {
        // given
        Member member = Fixtures.fullMember("m-1");

        // when
        store.directory().members().insert(member);

        // then
        assertThat(store.directory().members().get("m-1")).contains(member);
        assertThat(store.directory().members().byPhone(member.phone())).contains(member);
    }

    @Test
    void insertedVolunteerAndLeader_comeBackWithEveryField() {
        // given
        Volunteer volunteer = volunteer("v-1").name("Tom").area("杭州", "上城区").at(30.25, 120.17)
                .skills("first-aid", "driver").onDuty(false).maxActive(3).language(Language.EN).build();
        Leader leader = leader("l-1").name("张主席").email("zhang@example.org").title("工会主席").level(2).build();

        // when
        store.directory().volunteers().insert(volunteer);
        store.directory().leaders().insert(leader);

        // then
        assertThat(store.directory().volunteers().get("v-1")).contains(volunteer);
        assertThat(store.directory().leaders().get("l-1")).contains(leader);
    }

    @Test
    void get_andByPhone_findNothing_forUnknownIdOrPhone() {
        // given
        store.directory().members().insert(member("m-1").phone(phone(1)).build());

        // when / then
        assertThat(store.directory().members().get("m-2")).isEmpty();
        assertThat(store.directory().members().byPhone(phone(2))).isEmpty();
        assertThat(store.directory().volunteers().byPhone(phone(1))).isEmpty();
    }

    @Test
    void insert_isRefused_whenThePhoneIsAlreadyRegisteredInThatRegistry() {
        // given
        store.directory().members().insert(member("m-1").phone(phone(1)).name("first").build());

        // when / then
        assertThatThrownBy(() -> store.directory().members().insert(member("m-2").phone(phone(1)).build()))
                .isInstanceOf(Registry.PhoneTaken.class);
        assertThat(store.directory().members().get("m-2")).isEmpty();
        assertThat(store.directory().members().byPhone(phone(1)).map(Member::name)).contains("first");
    }

    @Test
    void everyRegistry_keepsItsPhonesUnique() {
        // given
        store.directory().volunteers().insert(volunteer("v-1").phone(phone(1)).build());
        store.directory().leaders().insert(leader("l-1").phone(phone(2)).build());

        // when / then
        assertThatThrownBy(() -> store.directory().volunteers().insert(volunteer("v-2").phone(phone(1)).build()))
                .isInstanceOf(Registry.PhoneTaken.class);
        assertThatThrownBy(() -> store.directory().leaders().insert(leader("l-2").phone(phone(2)).build()))
                .isInstanceOf(Registry.PhoneTaken.class);
        assertThat(store.directory().volunteers().all()).extracting(Volunteer::id).containsExactly("v-1");
        assertThat(store.directory().leaders().all()).extracting(Leader::id).containsExactly("l-1");
    }

    @Test
    void onePhone_mayBeAMemberAVolunteerAndALeader() {
        // given a union officer who is also a member and on the volunteer team
        String phone = phone(7);

        // when
        store.directory().members().insert(member("m-1").phone(phone).build());
        store.directory().volunteers().insert(volunteer("v-1").phone(phone).build());
        store.directory().leaders().insert(leader("l-1").phone(phone).build());

        // then
        assertThat(store.directory().members().byPhone(phone)).map(Member::id).contains("m-1");
        assertThat(store.directory().volunteers().byPhone(phone)).map(Volunteer::id).contains("v-1");
        assertThat(store.directory().leaders().byPhone(phone)).map(Leader::id).contains("l-1");
    }

    @Test
    void insert_isRefused_whenTheIdExists() {
        // given
        Member first = member("m-1").name("first").build();
        store.directory().members().insert(first);

        // when / then
        assertThatThrownBy(() -> store.directory().members().insert(member("m-1").name("second").build()))
                .isInstanceOf(AlreadyExists.class);
        assertThat(store.directory().members().get("m-1")).contains(first);
    }

    @Test
    void update_replacesTheEntry_andItsPhoneLookup() {
        // given
        store.directory().members().insert(member("m-1").phone(phone(1)).name("old name").build());
        Member changed = member("m-1").phone(phone(2)).name("new name").home("宁波", "鄞州区").version(2).build();

        // when
        store.directory().members().update(changed);

        // then
        assertThat(store.directory().members().get("m-1")).contains(changed);
        assertThat(store.directory().members().byPhone(phone(2))).contains(changed);
        assertThat(store.directory().members().byPhone(phone(1))).isEmpty();
    }

    @Test
    void update_keepingItsOwnPhone_isNotAConflict() {
        // given
        store.directory().volunteers().insert(volunteer("v-1").phone(phone(1)).onDuty(true).build());
        Volunteer offDuty = volunteer("v-1").phone(phone(1)).onDuty(false).version(2).build();

        // when
        store.directory().volunteers().update(offDuty);

        // then
        assertThat(store.directory().volunteers().get("v-1")).contains(offDuty);
    }

    @Test
    void update_isRefused_whenItTakesAnotherEntrysPhone() {
        // given
        Member first = member("m-1").phone(phone(1)).build();
        Member second = member("m-2").phone(phone(2)).build();
        store.directory().members().insert(first);
        store.directory().members().insert(second);

        // when / then
        assertThatThrownBy(() -> store.directory().members().update(member("m-2").phone(phone(1)).version(2).build()))
                .isInstanceOf(Registry.PhoneTaken.class);
        assertThat(store.directory().members().get("m-2")).contains(second);
        assertThat(store.directory().members().byPhone(phone(1))).contains(first);
    }

    @Test
    void update_freesThePhoneItLeaves() {
        // given
        store.directory().members().insert(member("m-1").phone(phone(1)).build());
        store.directory().members().update(member("m-1").phone(phone(2)).version(2).build());

        // when
        store.directory().members().insert(member("m-2").phone(phone(1)).build());

        // then
        assertThat(store.directory().members().byPhone(phone(1))).map(Member::id).contains("m-2");
    }

    @Test
    void update_basedOnAVersionNoLongerStored_isAStaleWrite_andChangesNothing() {
        // given two officers read version 1; the first saved version 2
        store.directory().members().insert(member("m-1").name("王建国").family("父亲", "父亲", phone(500)).build());
        Member first = member("m-1").name("王建国").family("母亲", "母亲", phone(501)).version(2).build();
        store.directory().members().update(first);

        // when the second saves their version 2 as well
        // then
        assertThatThrownBy(() -> store.directory().members().update(
                member("m-1").name("王建国").family("妻子", "妻子", phone(502)).version(2).build()))
                .isInstanceOf(StaleWrite.class);
        assertThat(store.directory().members().get("m-1")).contains(first);
        assertThat(store.directory().membersWithFamilyPhone(phone(501))).extracting(Member::id).containsExactly("m-1");
    }

    @Test
    void delete_ofAVersionNoLongerStored_isAStaleWrite_andKeepsTheEntry_whileTheStoredVersionIsDeleted() {
        // given
        store.directory().leaders().insert(leader("l-1").phone(phone(1)).build());
        store.directory().leaders().update(leader("l-1").phone(phone(1)).level(2).version(2).build());

        // when / then
        assertThatThrownBy(() -> store.directory().leaders().delete("l-1", 1)).isInstanceOf(StaleWrite.class);
        assertThat(store.directory().leaders().get("l-1")).isPresent();
        store.directory().leaders().delete("l-1", 2);
        assertThat(store.directory().leaders().get("l-1")).isEmpty();
        assertThat(store.directory().leaders().byPhone(phone(1))).isEmpty();
        assertThatThrownBy(() -> store.directory().leaders().delete("l-1", 2)).isInstanceOf(NotFound.class);
    }

    @Test
    void update_ofAMissingEntry_isNotFound_namingWhatIsMissing() {
        // given an empty store

        // when / then
        assertThatThrownBy(() -> store.directory().members().update(member("m-1").build()))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.what()).isEqualTo("member"));
        assertThatThrownBy(() -> store.directory().volunteers().update(volunteer("v-1").build()))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.what()).isEqualTo("volunteer"));
        assertThatThrownBy(() -> store.directory().leaders().update(leader("l-1").build()))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.what()).isEqualTo("leader"));
        assertThat(store.directory().members().all()).isEmpty();
        assertThat(store.directory().volunteers().all()).isEmpty();
        assertThat(store.directory().leaders().all()).isEmpty();
    }

    @Test
    void delete_removesTheEntry_andFreesItsPhone() {
        // given
        store.directory().leaders().insert(leader("l-1").phone(phone(1)).build());

        // when
        boolean deleted = store.directory().leaders().delete("l-1");

        // then
        assertThat(deleted).isTrue();
        assertThat(store.directory().leaders().get("l-1")).isEmpty();
        assertThat(store.directory().leaders().byPhone(phone(1))).isEmpty();
        store.directory().leaders().insert(leader("l-2").phone(phone(1)).build());
        assertThat(store.directory().leaders().byPhone(phone(1))).map(Leader::id).contains("l-2");
    }

    @Test
    void delete_saysSo_whenThereWasNothingToDelete() {
        // given
        store.directory().members().insert(member("m-1").build());

        // when
        boolean deleted = store.directory().members().delete("m-2");

        // then
        assertThat(deleted).isFalse();
        assertThat(store.directory().members().all()).extracting(Member::id).containsExactly("m-1");
    }

    @Test
    void concurrentInserts_withTheSamePhone_letExactlyOneSucceed() {
        for (int round = 0; round < 20; round++) {
            // given two officers registering the same person at the same moment
            String phone = freshPhone();
            String prefix = "m-" + round + "-";

            // when
            List<Outcome<Void>> outcomes = race(2, n -> {
                store.directory().members().insert(member(prefix + n).phone(phone).build());
                return null;
            });

            // then
            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.failure() instanceof Registry.PhoneTaken).hasSize(1);
            assertThat(store.directory().members().all()).filteredOn(m -> m.phone().equals(phone)).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- directory: lists and lookups

    @Test
    void all_returnsEveryEntry() {
        // given
        for (int i = 1; i <= 5; i++) store.directory().volunteers().insert(volunteer("v-" + i).build());

        // when
        List<Volunteer> all = store.directory().volunteers().all();

        // then
        assertThat(all).extracting(Volunteer::id).containsExactlyInAnyOrder("v-1", "v-2", "v-3", "v-4", "v-5");
    }

    @Test
    void paging_through120Entries_withLimit50_returnsEachExactlyOnce_inIdOrder() {
        // given 120 members, inserted in no particular order
        List<String> ids = IntStream.rangeClosed(1, 120).mapToObj(i -> String.format("m-%03d", i)).toList();
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(id -> store.directory().members().insert(member(id).build()));

        // when
        List<Page<Member>> pages = pageThrough(c -> store.directory().members().page(new PageRequest(c, 50)));

        // then
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(50, 50, 20);
        assertThat(pages.get(2).nextCursor()).isNull();
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(Member::id)).containsExactlyElementsOf(ids);
    }

    @Test
    void aPageEndingExactlyAtTheLastEntry_hasNoNextCursor() {
        // given
        for (int i = 1; i <= 4; i++) store.directory().leaders().insert(leader("l-" + i).build());

        // when
        Page<Leader> page = store.directory().leaders().page(PageRequest.first(4));

        // then
        assertThat(page.items()).hasSize(4);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aCursor_staysValid_whileEntriesAreAdded() {
        // given the first page of b, d, f
        for (String id : List.of("b", "d", "f", "h")) store.directory().members().insert(member(id).build());
        Page<Member> first = store.directory().members().page(PageRequest.first(2));

        // when an entry is added before the cursor and one after it
        store.directory().members().insert(member("a").build());
        store.directory().members().insert(member("e").build());
        Page<Member> second = store.directory().members().page(new PageRequest(first.nextCursor(), 10));

        // then the next page goes on where the first stopped
        assertThat(first.items()).extracting(Member::id).containsExactly("b", "d");
        assertThat(second.items()).extracting(Member::id).containsExactly("e", "f", "h");
    }

    @Test
    void aPage_holdsAtMostTheMaximumLimit() {
        // given more volunteers than one page may hold
        for (int i = 0; i < PageRequest.MAX_LIMIT + 1; i++) {
            store.directory().volunteers().insert(volunteer(String.format("v-%03d", i)).build());
        }

        // when
        Page<Volunteer> page = store.directory().volunteers().page(PageRequest.first(1000));

        // then
        assertThat(page.items()).hasSize(PageRequest.MAX_LIMIT);
        assertThat(page.nextCursor()).isNotNull();
    }

    @Test
    void aCursorThatNoPageGaveOut_isRefusedAsInvalid() {
        // given
        store.directory().members().insert(member("m-1").build());

        // when / then
        assertThatThrownBy(() -> store.directory().members().page(new PageRequest("not a cursor at all", 10)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("cursor"));
        assertThatThrownBy(() -> store.incidents().list(IncidentQuery.ALL, new PageRequest("%%%", 10)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("cursor"));
        assertThatThrownBy(() -> store.followUps().list(StatusFilter.parse(FollowUpStatus.class, null), new PageRequest("bm9wZQ", 10)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("cursor"));
    }

    @Test
    void membersWithFamilyPhone_findsEveryMemberWhoListsIt() {
        // given two siblings who both list their mother, and an unrelated member
        String mother = phone(500);
        store.directory().members().insert(member("m-1").family("陈秀英", "母亲", mother).build());
        store.directory().members().insert(member("m-2").family("陈秀英", "母亲", mother).family("王强", "哥哥", phone(501)).build());
        store.directory().members().insert(member("m-3").family("赵六", "父亲", phone(502)).build());

        // when
        List<Member> found = store.directory().membersWithFamilyPhone(mother);

        // then
        assertThat(found).extracting(Member::id).containsExactlyInAnyOrder("m-1", "m-2");
        assertThat(store.directory().membersWithFamilyPhone(phone(599))).isEmpty();
    }

    @Test
    void membersWithFamilyPhone_followsUpdatesAndDeletes() {
        // given
        store.directory().members().insert(member("m-1").family("父亲", "父亲", phone(500)).build());
        store.directory().members().insert(member("m-2").family("父亲", "父亲", phone(500)).build());

        // when
        store.directory().members().update(member("m-1").family("父亲", "父亲", phone(600)).version(2).build());
        store.directory().members().delete("m-2");

        // then
        assertThat(store.directory().membersWithFamilyPhone(phone(500))).isEmpty();
        assertThat(store.directory().membersWithFamilyPhone(phone(600))).extracting(Member::id).containsExactly("m-1");
    }

    @Test
    void familyLinks_nameEachMemberWhoListsThePhone_andWhereTheyLive_evenAfterAMove() {
        // given two siblings in two cities who both list their mother
        String mother = phone(500);
        store.directory().members().insert(member("m-1").home("杭州", "西湖区").family("陈秀英", "母亲", mother).build());
        store.directory().members().insert(member("m-2").home("宁波", "鄞州区").family("陈秀英", "母亲", mother).build());
        assertThat(store.directory().familyLinks(mother))
                .containsExactlyInAnyOrder(new PhoneLink("m-1", "杭州"), new PhoneLink("m-2", "宁波"));

        // when one moves home
        store.directory().members().update(member("m-1").home("唐山", "路北区").family("陈秀英", "母亲", mother)
                .version(2).build());

        // then
        List<PhoneLink> links = store.directory().familyLinks(mother);
        assertThat(links).containsExactlyInAnyOrder(new PhoneLink("m-1", "唐山"), new PhoneLink("m-2", "宁波"));
        assertThat(store.directory().membersLinkedBy(mother, links)).extracting(Member::id)
                .containsExactlyInAnyOrder("m-1", "m-2");
    }

    @Test
    void memberPhoneLink_namesTheMemberAndWhereTheyLive_throughAMoveAndANewPhone() {
        // given
        store.directory().members().insert(member("m-1").phone(phone(510)).home("杭州", "西湖区").build());
        store.directory().volunteers().insert(volunteer("v-1").phone(phone(512)).build());
        assertThat(store.directory().memberPhoneLink(phone(510))).contains(new PhoneLink("m-1", "杭州"));

        // when the member moves, then changes phone
        store.directory().members().update(member("m-1").phone(phone(510)).home("唐山", "路北区").version(2).build());
        assertThat(store.directory().memberPhoneLink(phone(510))).contains(new PhoneLink("m-1", "唐山"));
        store.directory().members().update(member("m-1").phone(phone(511)).home("唐山", "路北区").version(3).build());

        // then
        assertThat(store.directory().memberPhoneLink(phone(511))).contains(new PhoneLink("m-1", "唐山"));
        assertThat(store.directory().memberPhoneLink(phone(510))).isEmpty();
        assertThat(store.directory().memberPhoneLink(phone(512))).as("a volunteer's phone").isEmpty();
    }

    @Test
    void membersLinkedBy_leavesOutAMemberWhoNoLongerListsThePhone_sinceTheLinksWereRead() {
        // given links read just before the member replaced the phone
        store.directory().members().insert(member("m-1").family("父亲", "父亲", phone(500)).build());
        List<PhoneLink> links = store.directory().familyLinks(phone(500));

        // when
        store.directory().members().update(member("m-1").family("父亲", "父亲", phone(600)).version(2).build());

        // then
        assertThat(links).extracting(PhoneLink::memberId).containsExactly("m-1");
        assertThat(store.directory().membersLinkedBy(phone(500), links)).isEmpty();
    }

    @Test
    void volunteersInCity_includesThoseOffDuty_andNoOtherCity() {
        // given
        store.directory().volunteers().insert(volunteer("v-1").area("杭州", "西湖区").onDuty(true).build());
        store.directory().volunteers().insert(volunteer("v-2").area("杭州", "上城区").onDuty(false).build());
        store.directory().volunteers().insert(volunteer("v-3").area("宁波", "鄞州区").build());

        // when
        List<Volunteer> hangzhou = store.directory().volunteersInCity("杭州");

        // then
        assertThat(hangzhou).extracting(Volunteer::id).containsExactlyInAnyOrder("v-1", "v-2");
        assertThat(store.directory().volunteersInCity("温州")).isEmpty();
    }

    @Test
    void volunteersInCity_followsAVolunteerWhoMoves() {
        // given
        store.directory().volunteers().insert(volunteer("v-1").area("杭州", "西湖区").build());

        // when
        store.directory().volunteers().update(volunteer("v-1").area("宁波", "海曙区").version(2).build());

        // then
        assertThat(store.directory().volunteersInCity("杭州")).isEmpty();
        assertThat(store.directory().volunteersInCity("宁波")).extracting(Volunteer::id).containsExactly("v-1");
    }

    @Test
    void leadersAtLevel_returnsOnlyThatLevel() {
        // given
        store.directory().leaders().insert(leader("l-1").level(1).build());
        store.directory().leaders().insert(leader("l-2").level(2).build());
        store.directory().leaders().insert(leader("l-3").level(1).build());

        // when
        List<Leader> first = store.directory().leadersAtLevel(1);

        // then
        assertThat(first).extracting(Leader::id).containsExactlyInAnyOrder("l-1", "l-3");
        assertThat(store.directory().leadersAtLevel(3)).isEmpty();
    }

    @Test
    void theDutyRoster_isEmptyUntilSaved_andReadsBackShiftForShift() {
        // given
        assertThat(store.settings().dutyRoster()).isEmpty();
        DutyRoster roster = new DutyRoster(List.of(
                new DutyRoster.Shift("s-1", "l-1", java.time.LocalDate.parse("2026-03-02"), java.time.LocalDate.parse("2026-03-08")),
                new DutyRoster.Shift("s-2", "l-2", java.time.LocalDate.parse("2026-03-09"), java.time.LocalDate.parse("2026-03-15"))));

        // when
        store.settings().saveDutyRoster(roster);

        // then
        assertThat(store.settings().dutyRoster()).contains(roster);
    }

    // ---------------------------------------------------------------- trigger tokens

    @Test
    void aBoundTriggerToken_resolvesToItsMember() {
        // given
        store.triggerTokens().bind("m-1", "hash-a");
        store.triggerTokens().bind("m-2", "hash-b");

        // when / then
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-a")).contains("m-1");
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-b")).contains("m-2");
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-c")).isEmpty();
    }

    @Test
    void rotatingATriggerToken_makesTheOldOneStopWorking() {
        // given
        store.triggerTokens().bind("m-1", "hash-old");

        // when
        store.triggerTokens().bind("m-1", "hash-new");

        // then
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-old")).isEmpty();
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-new")).contains("m-1");
    }

    @Test
    void theCurrentTokenHash_ofAMember_isTheLastBound_andGoneOnceUnbound() {
        // given
        store.triggerTokens().bind("m-1", "hash-old");
        store.triggerTokens().bind("m-1", "hash-new");

        // when / then
        assertThat(store.triggerTokens().tokenHashOf("m-1")).contains("hash-new");
        assertThat(store.triggerTokens().tokenHashOf("m-2")).isEmpty();
        store.triggerTokens().unbind("m-1");
        assertThat(store.triggerTokens().tokenHashOf("m-1")).isEmpty();
    }

    @Test
    void aTriggerTokensLink_namesItsMemberAndTheCityTheyLiveIn() {
        // given
        store.directory().members().insert(member("m-1").home("杭州", "西湖区").build());
        store.directory().members().insert(member("m-2").home("宁波", "鄞州区").build());

        // when
        store.triggerTokens().bind("m-1", "hash-a");
        store.triggerTokens().bind("m-2", "hash-b");

        // then
        assertThat(store.triggerTokens().linkFor("hash-a")).contains(new PhoneLink("m-1", "杭州"));
        assertThat(store.triggerTokens().linkFor("hash-b")).contains(new PhoneLink("m-2", "宁波"));
        assertThat(store.triggerTokens().linkFor("hash-c")).isEmpty();
    }

    @Test
    void aTriggerTokensLink_namesTheCityTheMemberMovedTo_afterEachChangeOfTheMember() {
        // given
        store.directory().members().insert(member("m-1").home("杭州", "西湖区").build());
        store.triggerTokens().bind("m-1", "hash-a");

        // when the member moves, then changes something else
        store.directory().members().update(member("m-1").home("唐山", "路北区").version(2).build());
        PhoneLink afterTheMove = store.triggerTokens().linkFor("hash-a").orElseThrow();
        store.directory().members().update(member("m-1").name("王大明").home("唐山", "路北区").version(3).build());

        // then
        assertThat(afterTheMove).isEqualTo(new PhoneLink("m-1", "唐山"));
        assertThat(store.triggerTokens().linkFor("hash-a")).contains(new PhoneLink("m-1", "唐山"));
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-a")).contains("m-1");
    }

    @Test
    void aTriggerTokensLink_isGoneOnceUnbound_andARebindNamesTheCityTheMemberLivesInNow() {
        // given
        store.directory().members().insert(member("m-1").home("杭州", "西湖区").build());
        store.triggerTokens().bind("m-1", "hash-old");
        store.triggerTokens().unbind("m-1");
        assertThat(store.triggerTokens().linkFor("hash-old")).isEmpty();
        store.directory().members().update(member("m-1").home("唐山", "路北区").version(2).build());

        // when
        store.triggerTokens().bind("m-1", "hash-new");
        store.directory().members().update(member("m-1").home("宁波", "鄞州区").version(3).build());
        store.triggerTokens().bind("m-1", "hash-newer");

        // then
        assertThat(store.triggerTokens().linkFor("hash-old")).isEmpty();
        assertThat(store.triggerTokens().linkFor("hash-new")).isEmpty();
        assertThat(store.triggerTokens().linkFor("hash-newer")).contains(new PhoneLink("m-1", "宁波"));
    }

    @Test
    void unbindTriggerToken_forgetsOnlyThatMembersToken() {
        // given
        store.triggerTokens().bind("m-1", "hash-a");
        store.triggerTokens().bind("m-2", "hash-b");

        // when
        store.triggerTokens().unbind("m-1");
        store.triggerTokens().unbind("m-9");

        // then
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-a")).isEmpty();
        assertThat(TriggerLinks.liveMemberOf(store.triggerTokens(), "hash-b")).contains("m-2");
    }

    // ---------------------------------------------------------------- incidents: one incident

    @Test
    void createdIncident_comesBackWithEveryField() {
        // given
        Incident incident = Fixtures.fullIncident("inc-1");

        // when
        store.incidents().create(incident);

        // then
        assertThat(store.incidents().get("inc-1")).contains(incident);
        assertThat(store.incidents().get("inc-2")).isEmpty();
    }

    @Test
    void create_isRefused_whenTheIdExists() {
        // given
        Incident first = incident("inc-1").message("first").build();
        store.incidents().create(first);

        // when / then
        assertThatThrownBy(() -> store.incidents().create(incident("inc-1").message("second").build()))
                .isInstanceOf(StaleWrite.class);
        assertThat(store.incidents().get("inc-1")).contains(first);
    }

    @Test
    void update_succeeds_whenNobodyChangedTheIncidentSinceItWasRead() {
        // given
        store.incidents().create(incident("inc-1").build());
        Incident read = store.incidents().get("inc-1").orElseThrow();

        // when
        Incident edited = read.edit().note(T0.plusSeconds(10), "note", "家属已到场", "officer")
                .acknowledge(T0.plusSeconds(10)).build();
        store.incidents().update(edited);

        // then
        assertThat(store.incidents().get("inc-1")).contains(edited);
        assertThat(edited.version()).isEqualTo(1);
    }

    @Test
    void update_isRefused_whenSomeoneElseChangedTheIncident() {
        // given two officers who read the same incident
        store.incidents().create(incident("inc-1").build());
        Incident readByFirst = store.incidents().get("inc-1").orElseThrow();
        Incident readBySecond = store.incidents().get("inc-1").orElseThrow();
        Incident firstEdit = readByFirst.edit().note(T0, "note", "first", "officer-1").build();
        store.incidents().update(firstEdit);

        // when / then
        assertThatThrownBy(() -> store.incidents().update(readBySecond.edit().note(T0, "note", "second", "officer-2").build()))
                .isInstanceOf(StaleWrite.class);
        assertThat(store.incidents().get("inc-1")).contains(firstEdit);
    }

    @Test
    void update_isRefused_whenTheVersionSkipsAhead() {
        // given
        Incident created = incident("inc-1").build();
        store.incidents().create(created);

        // when / then
        Incident twoAhead = created.edit().build().edit().build();
        assertThatThrownBy(() -> store.incidents().update(twoAhead)).isInstanceOf(StaleWrite.class);
        assertThat(store.incidents().get("inc-1")).contains(created);
    }

    @Test
    void update_ofAnIncidentThatWasNeverCreated_isRefusedAsStale() {
        // given
        Incident neverStored = incident("inc-1").build().edit().build();

        // when / then
        assertThatThrownBy(() -> store.incidents().update(neverStored)).isInstanceOf(StaleWrite.class);
        assertThat(store.incidents().get("inc-1")).isEmpty();
    }

    @Test
    void concurrentUpdates_ofOneRead_fromEightThreads_letExactlyOneWin() {
        // given eight workers who all read the incident at version 0
        store.incidents().create(incident("inc-1").build());
        Incident read = store.incidents().get("inc-1").orElseThrow();

        // when all of them write their change at the same moment
        List<Outcome<String>> outcomes = race(8, n -> {
            store.incidents().update(read.edit().note(T0, "note", "worker " + n, "w" + n).build());
            return "worker " + n;
        });

        // then one change is stored and seven are told to read again
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.failure() instanceof StaleWrite).hasSize(7);
        String winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
        Incident stored = store.incidents().get("inc-1").orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.timeline()).extracting(e -> e.text()).containsExactly(winner);
    }

    @Test
    void concurrentEditors_thatRetry_loseNoChange_andEachVersionHasOneWinner() {
        // given
        store.incidents().create(incident("inc-1").build());
        int editors = 8;
        int editsEach = 5;
        Queue<Long> wonVersions = new ConcurrentLinkedQueue<>();

        // when eight editors each make five changes, reading again whenever they lose
        List<Outcome<Void>> outcomes = race(editors, n -> {
            int made = 0;
            while (made < editsEach) {
                Incident read = store.incidents().get("inc-1").orElseThrow();
                Incident edited = read.edit().note(T0, "note", "editor " + n, "e" + n).build();
                try {
                    store.incidents().update(edited);
                    wonVersions.add(edited.version());
                    made++;
                } catch (StaleWrite lost) {
                    // somebody else won this version: read again and redo the change
                }
            }
            return null;
        });

        // then
        assertThat(outcomes).allMatch(Outcome::succeeded);
        long total = (long) editors * editsEach;
        assertThat(wonVersions).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, (int) total).mapToObj(v -> (long) v).toList());
        Incident stored = store.incidents().get("inc-1").orElseThrow();
        assertThat(stored.version()).isEqualTo(total);
        assertThat(stored.timeline()).hasSize((int) total);
        for (int n = 0; n < editors; n++) {
            String mine = "editor " + n;
            assertThat(stored.timeline()).filteredOn(e -> e.text().equals(mine)).hasSize(editsEach);
        }
    }

    // ---------------------------------------------------------------- incidents: one emergency per member at a time

    @Test
    void theMembersEmergency_isStored_whenNoneIsUnderWay() {
        // given an emergency of another member's, and one of this member's long closed
        store.incidents().createUnlessUnderWay(incident("other").member("m-2").build());
        store.incidents().createUnlessUnderWay(incident("last-year").build());
        close("last-year");

        // when
        store.incidents().createUnlessUnderWay(incident("inc-1").build());

        // then
        assertThat(store.incidents().get("inc-1")).isPresent();
    }

    @Test
    void aSecondEmergencyOfTheMember_isRefused_namingTheOneUnderWay_andNothingIsStored() {
        // given
        store.incidents().createUnlessUnderWay(incident("inc-1").build());

        // when / then
        assertThatThrownBy(() -> store.incidents().createUnlessUnderWay(incident("inc-2").createdAt(T0.plusSeconds(1)).build()))
                .isInstanceOfSatisfying(UnderWay.class, e -> assertThat(e.incidentId()).isEqualTo("inc-1"));
        assertThat(store.incidents().get("inc-2")).isEmpty();
        assertThat(store.incidents().active()).extracting(Incident::id).containsExactly("inc-1");
    }

    @Test
    void anAcknowledgedEmergency_isStillUnderWay() {
        // given
        store.incidents().createUnlessUnderWay(incident("inc-1").build());
        Incident read = store.incidents().get("inc-1").orElseThrow();
        store.incidents().update(read.edit().acknowledge(T0.plusSeconds(30)).build());

        // when / then
        assertThatThrownBy(() -> store.incidents().createUnlessUnderWay(incident("inc-2").build()))
                .isInstanceOfSatisfying(UnderWay.class, e -> assertThat(e.incidentId()).isEqualTo("inc-1"));
    }

    @Test
    void onceTheEmergencyIsClosed_theMembersNextOneIsStored() {
        // given
        store.incidents().createUnlessUnderWay(incident("inc-1").build());
        close("inc-1");

        // when
        store.incidents().createUnlessUnderWay(incident("inc-2").createdAt(T0.plusSeconds(60)).build());

        // then
        assertThat(store.incidents().active()).extracting(Incident::id).containsExactly("inc-2");
    }

    @Test
    void anEmergencyAnOfficerOpened_isUnderWay_forTheFamilysNextOne() {
        // given
        store.incidents().create(incident("by-officer").reporter(new Reporter(null, "王干事", Channel.CONSOLE, true)).build());

        // when / then
        assertThatThrownBy(() -> store.incidents().createUnlessUnderWay(incident("inc-2").build()))
                .isInstanceOfSatisfying(UnderWay.class, e -> assertThat(e.incidentId()).isEqualTo("by-officer"));
    }

    @Test
    void aDeathOnRecord_isNoEmergencyUnderWay() {
        // given
        store.incidents().create(incident("death").type(IncidentType.BEREAVEMENT).status(IncidentStatus.ACKNOWLEDGED).build());

        // when
        store.incidents().createUnlessUnderWay(incident("inc-1").build());

        // then
        assertThat(store.incidents().get("inc-1")).isPresent();
    }

    @Test
    void theSameEmergencyAgain_isAStaleWrite_notAnotherUnderWay() {
        // given the first delivery of a text stored its incident
        Incident first = incident("sms-1").build();
        store.incidents().createUnlessUnderWay(first);

        // when / then its redelivery is told the id exists, to finish what the first left undone
        assertThatThrownBy(() -> store.incidents().createUnlessUnderWay(incident("sms-1").message("again").build()))
                .isInstanceOf(StaleWrite.class);
        assertThat(store.incidents().get("sms-1")).contains(first);
    }

    @Test
    void eightEmergenciesOfOneMemberRaisedAtOnce_storeExactlyOne_andTellTheOthersWhichOne() {
        // when a press of the link and texts from every family phone arrive in the same instant
        List<Outcome<String>> outcomes = race(8, n -> {
            store.incidents().createUnlessUnderWay(incident("inc-" + n).createdAt(T0.plusMillis(n)).build());
            return "inc-" + n;
        });

        // then
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        String stored = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).allSatisfy(o -> assertThat(o.failure())
                .isInstanceOfSatisfying(UnderWay.class, e -> assertThat(e.incidentId()).isEqualTo(stored)));
        assertThat(store.incidents().active()).extracting(Incident::id).containsExactly(stored);
        assertThat(store.incidents().list(IncidentQuery.ALL, PageRequest.first(50)).items()).hasSize(1);
    }

    private void close(String id) {
        Incident read = store.incidents().get(id).orElseThrow();
        store.incidents().update(read.edit().close(IncidentStatus.RESOLVED, read.createdAt().plusSeconds(600), "已送医")
                .build());
    }

    // ---------------------------------------------------------------- incidents: lists

    @Test
    void active_returnsOpenAndAcknowledgedIncidentsOnly() {
        // given
        createOneIncidentPerStatus();

        // when
        List<Incident> active = store.incidents().active();

        // then
        assertThat(active).extracting(Incident::id).containsExactlyInAnyOrder("inc-open", "inc-ack");
    }

    @Test
    void active_readAgain_showsEachIncidentAsItIsNow_afterUpdates() {
        // given the active incidents read once, then one acknowledged with a note and the other resolved
        store.incidents().create(incident("inc-1").build());
        store.incidents().create(incident("inc-2").build());
        assertThat(store.incidents().active()).hasSize(2);
        Incident acknowledged = store.incidents().get("inc-1").orElseThrow().edit()
                .note(T0.plusSeconds(10), "note", "队员已出发", "officer").acknowledge(T0.plusSeconds(10)).build();
        store.incidents().update(acknowledged);
        Incident second = store.incidents().get("inc-2").orElseThrow();
        store.incidents().update(second.edit().close(IncidentStatus.RESOLVED, T0.plusSeconds(20), "已送医").build());

        // when
        List<Incident> active = store.incidents().active();

        // then
        assertThat(active).containsExactly(acknowledged);
    }

    @Test
    void dueForEscalation_returnsOnlyActiveIncidentsWhoseDeadlineHasCome() {
        // given
        Instant now = T0.plusSeconds(600);
        store.incidents().create(incident("overdue").nextEscalationAt(now.minusSeconds(1)).build());
        store.incidents().create(incident("due-now").status(IncidentStatus.ACKNOWLEDGED).nextEscalationAt(now).build());
        store.incidents().create(incident("not-yet").nextEscalationAt(now.plusSeconds(1)).build());
        store.incidents().create(incident("no-deadline").exhausted(true).nextEscalationAt(null).build());
        store.incidents().create(incident("resolved").status(IncidentStatus.RESOLVED).nextEscalationAt(now.minusSeconds(60)).build());
        store.incidents().create(incident("cancelled").status(IncidentStatus.CANCELLED).nextEscalationAt(now.minusSeconds(60))
                .build());

        // when
        List<Incident> due = store.incidents().dueForEscalation(now);

        // then
        assertThat(due).extracting(Incident::id).containsExactlyInAnyOrder("overdue", "due-now");
    }

    @Test
    void anUpdate_movesTheIncidentBetweenLists() {
        // given an open incident past its deadline
        store.incidents().create(incident("inc-1").nextEscalationAt(T0).build());
        Incident read = store.incidents().get("inc-1").orElseThrow();

        // when it is resolved
        store.incidents().update(read.edit().close(IncidentStatus.RESOLVED, T0.plusSeconds(30), null).build());

        // then
        assertThat(store.incidents().active()).isEmpty();
        assertThat(store.incidents().dueForEscalation(T0.plusSeconds(3600))).isEmpty();
        assertThat(ids(store.incidents().list(IncidentQuery.of("active", null, null), PageRequest.first(50)))).isEmpty();
        assertThat(ids(store.incidents().list(IncidentQuery.of("resolved", null, null), PageRequest.first(50))))
                .containsExactly("inc-1");
    }

    @ParameterizedTest(name = "status={0}")
    @CsvSource({
        "open,         inc-open",
        "acknowledged, inc-ack",
        "resolved,     inc-resolved",
        "cancelled,    inc-cancelled",
        "active,       inc-ack inc-open",
        "all,          inc-cancelled inc-resolved inc-ack inc-open",
    })
    void list_filtersByStatusWord_newestFirst(String status, String expected) {
        // given
        createOneIncidentPerStatus();

        // when
        Page<Incident> page = store.incidents().list(IncidentQuery.of(status, null, null), PageRequest.first(50));

        // then
        assertThat(ids(page)).containsExactly(expected.split(" "));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void list_refusesAStatusWordItDoesNotKnow() {
        // given
        createOneIncidentPerStatus();

        // when / then
        assertThatThrownBy(() -> store.incidents().list(IncidentQuery.of("closed", null, null), PageRequest.first(50)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("status"));
    }

    @Test
    void list_isNewestFirst_withEqualTimesOrderedByIdDescending() {
        // given
        store.incidents().create(incident("inc-a").createdAt(T0).build());
        store.incidents().create(incident("inc-b").createdAt(T0.plusSeconds(60)).build());
        store.incidents().create(incident("inc-c").createdAt(T0.plusSeconds(60)).build());
        store.incidents().create(incident("inc-d").createdAt(T0.minusSeconds(60)).build());

        // when
        Page<Incident> page = store.incidents().list(IncidentQuery.ALL, PageRequest.first(50));

        // then
        assertThat(ids(page)).containsExactly("inc-c", "inc-b", "inc-a", "inc-d");
    }

    @Test
    void list_from_isInclusive_andTo_isExclusive() {
        // given
        createIncidentsAroundTheMinuteAfterT0();

        // when
        Page<Incident> both = store.incidents().list(IncidentQuery.of("all", T0, T0.plusSeconds(60)), PageRequest.first(50));
        Page<Incident> onlyFrom = store.incidents().list(IncidentQuery.of("all", T0, null), PageRequest.first(50));
        Page<Incident> onlyTo = store.incidents().list(IncidentQuery.of("all", null, T0.plusSeconds(60)), PageRequest.first(50));

        // then
        assertThat(ids(both)).containsExactly("at-59s", "at-0s");
        assertThat(ids(onlyFrom)).containsExactly("at-60s", "at-59s", "at-0s");
        assertThat(ids(onlyTo)).containsExactly("at-59s", "at-0s", "before");
    }

    @Test
    void list_combinesStatusAndTimeRange() {
        // given
        store.incidents().create(incident("early-open").createdAt(T0.minusSeconds(3600)).build());
        store.incidents().create(incident("late-open").createdAt(T0.plusSeconds(60)).build());
        store.incidents().create(incident("late-cancelled").createdAt(T0.plusSeconds(120)).status(IncidentStatus.CANCELLED)
                .build());

        // when
        Page<Incident> page = store.incidents().list(IncidentQuery.of("open", T0, null), PageRequest.first(50));

        // then
        assertThat(ids(page)).containsExactly("late-open");
    }

    @Test
    void list_pagesThrough120Incidents_withLimit50_returningEachExactlyOnce() {
        // given 120 incidents, three per minute, created in no particular order
        List<Incident> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            IncidentStatus status = i % 4 == 0 ? IncidentStatus.RESOLVED : IncidentStatus.OPEN;
            all.add(incident(String.format("inc-%03d", i)).createdAt(T0.plusSeconds(60L * (i / 3))).status(status)
                    .build());
        }
        List<Incident> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(11));
        shuffled.forEach(store.incidents()::create);
        List<String> newestFirst = all.stream()
                .sorted(Comparator.comparing(Incident::createdAt).thenComparing(Incident::id).reversed())
                .map(Incident::id).toList();

        // when
        List<Page<Incident>> pages = pageThrough(c -> store.incidents().list(IncidentQuery.ALL, new PageRequest(c, 50)));
        List<Page<Incident>> activePages = pageThrough(
                c -> store.incidents().list(IncidentQuery.of("active", null, null), new PageRequest(c, 50)));

        // then
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(50, 50, 20);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(Incident::id))
                .containsExactlyElementsOf(newestFirst);
        assertThat(activePages.stream().flatMap(p -> p.items().stream()).map(Incident::id)).containsExactlyElementsOf(
                newestFirst.stream().filter(id -> Integer.parseInt(id.substring(4)) % 4 != 0).toList());
    }

    @Test
    void createdBetween_returnsEveryIncidentCreatedInTheHalfOpenRange() {
        // given
        createIncidentsAroundTheMinuteAfterT0();

        // when
        List<Incident> found = store.incidents().createdBetween(T0, T0.plusSeconds(60));

        // then
        assertThat(found).extracting(Incident::id).containsExactlyInAnyOrder("at-0s", "at-59s");
    }

    // ---------------------------------------------------------------- follow-ups

    @Test
    void insertedFollowUp_comesBackWithEveryField() {
        // given
        FollowUp followUp = Fixtures.fullFollowUp("f-1");

        // when
        store.followUps().insert(followUp);

        // then amounts count as equal by value (1200.5 is 1200.50)
        assertThat(store.followUps().get("f-1")).get().usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(followUp);
        assertThat(store.followUps().get("f-2")).isEmpty();
    }

    @Test
    void insertFollowUp_isRefused_whenTheIdExists() {
        // given
        FollowUp first = followUp("f-1").notes("first").build();
        store.followUps().insert(first);

        // when / then
        assertThatThrownBy(() -> store.followUps().insert(followUp("f-1").notes("second").build()))
                .isInstanceOf(AlreadyExists.class);
        assertThat(store.followUps().get("f-1")).contains(first);
    }

    @Test
    void replace_storesTheNewFollowUp() {
        // given
        store.followUps().insert(followUp("f-1").status(FollowUpStatus.PLANNED).build());
        FollowUp done = followUp("f-1").status(FollowUpStatus.DONE).done(LocalDate.of(2026, 3, 8))
                .visitors("张主席").notes("探望了老人").version(2).build();

        // when
        store.followUps().replace(done);

        // then
        assertThat(store.followUps().get("f-1")).contains(done);
    }

    @Test
    void replace_basedOnAVersionNoLongerStored_isAStaleWrite_andChangesNothing() {
        // given
        store.followUps().insert(followUp("f-1").status(FollowUpStatus.PLANNED).build());
        FollowUp first = followUp("f-1").notes("first").version(2).build();
        store.followUps().replace(first);

        // when / then
        assertThatThrownBy(() -> store.followUps().replace(followUp("f-1").notes("second").version(2).build()))
                .isInstanceOf(StaleWrite.class);
        assertThat(store.followUps().get("f-1")).contains(first);
    }

    @Test
    void replace_ofAMissingFollowUp_isNotFound() {
        // given an empty store

        // when / then
        assertThatThrownBy(() -> store.followUps().replace(followUp("f-1").build()))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.what()).isEqualTo("followup"));
        assertThat(store.followUps().get("f-1")).isEmpty();
    }

    @Test
    void forIncident_returnsThatIncidentsFollowUps_byDueDateThenId() {
        // given
        store.followUps().insert(followUp("f-3").incident("inc-1", "m-1").due(LocalDate.of(2026, 3, 20)).build());
        store.followUps().insert(followUp("f-2").incident("inc-1", "m-1").due(LocalDate.of(2026, 3, 10)).build());
        store.followUps().insert(followUp("f-1").incident("inc-1", "m-1").due(LocalDate.of(2026, 3, 20)).build());
        store.followUps().insert(followUp("f-4").incident("inc-2", "m-2").due(LocalDate.of(2026, 3, 1)).build());

        // when
        List<FollowUp> found = store.followUps().forIncident("inc-1");

        // then
        assertThat(found).extracting(FollowUp::id).containsExactly("f-2", "f-1", "f-3");
        assertThat(store.followUps().forIncident("inc-9")).isEmpty();
    }

    @Test
    void followUps_filterByStatus_orderedByDueDate_withUndatedOnesLast() {
        // given
        store.followUps().insert(followUp("f-1").due(LocalDate.of(2026, 4, 1)).status(FollowUpStatus.PLANNED).build());
        store.followUps().insert(followUp("f-2").due(null).status(FollowUpStatus.PLANNED).build());
        store.followUps().insert(followUp("f-3").due(LocalDate.of(2026, 3, 1)).status(FollowUpStatus.DONE).build());
        store.followUps().insert(followUp("f-4").due(LocalDate.of(2026, 3, 15)).status(FollowUpStatus.PLANNED).build());

        // when
        Page<FollowUp> planned = store.followUps().list(StatusFilter.parse(FollowUpStatus.class, "planned"), PageRequest.first(50));
        Page<FollowUp> done = store.followUps().list(StatusFilter.parse(FollowUpStatus.class, "done"), PageRequest.first(50));
        Page<FollowUp> every = store.followUps().list(StatusFilter.parse(FollowUpStatus.class, null), PageRequest.first(50));

        // then
        assertThat(planned.items()).extracting(FollowUp::id).containsExactly("f-4", "f-1", "f-2");
        assertThat(done.items()).extracting(FollowUp::id).containsExactly("f-3");
        assertThat(every.items()).extracting(FollowUp::id).containsExactly("f-3", "f-4", "f-1", "f-2");
    }

    @Test
    void followUps_refuseAStatusWordTheyDoNotKnow() {
        // when / then
        assertThatThrownBy(() -> store.followUps().list(StatusFilter.parse(FollowUpStatus.class, "someday"), PageRequest.first(50)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("status"));
    }

    @Test
    void followUps_pageThrough120_withLimit50_returningEachExactlyOnce() {
        // given 120 follow-ups, four due per day and the last four undated
        List<FollowUp> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            LocalDate due = i >= 116 ? null : LocalDate.of(2026, 3, 1).plusDays(i / 4);
            all.add(followUp(String.format("f-%03d", 119 - i)).due(due).build());
        }
        List<FollowUp> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(5));
        shuffled.forEach(store.followUps()::insert);
        List<String> expected = all.stream()
                .sorted(Comparator.comparing((FollowUp f) -> f.dueDate() == null ? LocalDate.MAX : f.dueDate())
                        .thenComparing(FollowUp::id))
                .map(FollowUp::id).toList();

        // when
        List<Page<FollowUp>> pages = pageThrough(c -> store.followUps().list(StatusFilter.parse(FollowUpStatus.class, "planned"), new PageRequest(c, 50)));

        // then
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(50, 50, 20);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(FollowUp::id))
                .containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------- audit

    @Test
    void appendedAuditEntry_comesBackWithEveryField() {
        // given
        AuditEntry entry = new AuditEntry("a-1", T0.plusMillis(250), "sub-1", "周干事", "update", "member", "m-1",
                "王小明", List.of("phone", "familyContacts"));

        // when
        store.audit().append(entry);

        // then
        assertThat(store.audit().list(null, null, PageRequest.first(10)).items()).containsExactly(entry);
    }

    @Test
    void anAuditedRead_comesBackWithHowManyRecordsItReturned() {
        // given
        AuditEntry entry = new AuditEntry("read-1", T0.plusMillis(250), "sub-1", "viewer@union.example", "search",
                "member", null, "query=138****8000", List.of(), 37);

        // when
        store.audit().append(entry);

        // then
        assertThat(store.audit().list(null, null, PageRequest.first(10)).items()).containsExactly(entry);
    }

    @Test
    void anAuditEntryWithoutTargetOrFields_comesBackAsAppended() {
        // given
        AuditEntry entry = new AuditEntry("a-1", T0, "sub-1", "admin", "update", "policy", null, null, List.of());

        // when
        store.audit().append(entry);

        // then
        assertThat(store.audit().list(null, null, PageRequest.first(10)).items()).containsExactly(entry);
    }

    @Test
    void append_isRefused_whenTheIdExists() {
        // given
        AuditEntry first = audit("a-1", T0);
        store.audit().append(first);

        // when / then
        assertThatThrownBy(() -> store.audit().append(audit("a-1", T0.plusSeconds(5))))
                .isInstanceOf(AlreadyExists.class);
        assertThat(store.audit().list(null, null, PageRequest.first(10)).items()).containsExactly(first);
    }

    @Test
    void audit_isNewestFirst_withEqualTimesOrderedByIdDescending() {
        // given
        store.audit().append(audit("a-1", T0));
        store.audit().append(audit("a-3", T0.plusSeconds(60)));
        store.audit().append(audit("a-2", T0.plusSeconds(60)));
        store.audit().append(audit("a-4", T0.plusMillis(1500)));

        // when
        Page<AuditEntry> page = store.audit().list(null, null, PageRequest.first(10));

        // then
        assertThat(page.items()).extracting(AuditEntry::id).containsExactly("a-3", "a-2", "a-4", "a-1");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void audit_from_isInclusive_andTo_isExclusive() {
        // given
        store.audit().append(audit("before", T0.minusMillis(1)));
        store.audit().append(audit("at-0s", T0));
        store.audit().append(audit("at-59s", T0.plusSeconds(59)));
        store.audit().append(audit("at-60s", T0.plusSeconds(60)));

        // when
        Page<AuditEntry> minute = store.audit().list(T0, T0.plusSeconds(60), PageRequest.first(10));
        Page<AuditEntry> since = store.audit().list(T0.plusSeconds(59), null, PageRequest.first(10));
        Page<AuditEntry> until = store.audit().list(null, T0, PageRequest.first(10));

        // then
        assertThat(minute.items()).extracting(AuditEntry::id).containsExactly("at-59s", "at-0s");
        assertThat(since.items()).extracting(AuditEntry::id).containsExactly("at-60s", "at-59s");
        assertThat(until.items()).extracting(AuditEntry::id).containsExactly("before");
    }

    @Test
    void audit_pagesThrough120Entries_withLimit50_returningEachExactlyOnce_evenWhileEntriesAreAppended() {
        // given 120 entries, one a second, appended in no particular order
        List<Integer> seconds = new ArrayList<>(IntStream.range(0, 120).boxed().toList());
        Collections.shuffle(seconds, new Random(11));
        seconds.forEach(s -> store.audit().append(audit(String.format("a-%03d", s), T0.plusSeconds(s))));

        // when the pages are read while newer entries keep arriving
        List<String> seen = new ArrayList<>();
        List<Page<AuditEntry>> pages = pageThrough(c -> {
            Page<AuditEntry> page = store.audit().list(T0, T0.plusSeconds(3600), new PageRequest(c, 50));
            store.audit().append(audit("new-" + seen.size(), T0.plusSeconds(1000 + seen.size())));
            page.items().forEach(e -> seen.add(e.id()));
            return page;
        });

        // then
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(50, 50, 20);
        List<String> expected = IntStream.range(0, 120).map(i -> 119 - i).mapToObj(i -> String.format("a-%03d", i))
                .toList();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void anAuditCursorFromAnotherListing_isRefusedAsInvalid() {
        // given a cursor of the incident list
        for (int i = 0; i < 3; i++) store.incidents().create(incident("inc-" + i).createdAt(T0.plusSeconds(i)).build());
        String incidentCursor = store.incidents().list(IncidentQuery.ALL, PageRequest.first(1)).nextCursor();
        store.audit().append(audit("a-1", T0));

        // when / then
        assertThatThrownBy(() -> store.audit().list(null, null, new PageRequest(incidentCursor, 10)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("cursor"));
        assertThatThrownBy(() -> store.audit().list(null, null, new PageRequest("not a cursor", 10)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("cursor"));
    }

    @Test
    void aVolunteerWhoOptedOut_comesBackWithTheTimeTheyDidIt() {
        // given
        Volunteer volunteer = volunteer("v-1").build();
        store.directory().volunteers().insert(volunteer);

        // when
        store.directory().volunteers().update(volunteer.optedOut(T0.plusSeconds(90)));

        // then
        Volunteer stored = store.directory().volunteers().get("v-1").orElseThrow();
        assertThat(stored.optedOutAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(stored.onDuty()).isFalse();
        assertThat(store.directory().volunteersInCity(volunteer.area().city())).containsExactly(stored);
    }

    // ---------------------------------------------------------------- settings

    @Test
    void escalationPolicy_isEmpty_untilAnAdminSavesOne() {
        // given an empty store

        // when / then
        assertThat(store.settings().escalationPolicy()).isEmpty();
    }

    @Test
    void aSavedPolicy_comesBackAsSaved_andASecondSaveReplacesIt() {
        // given
        EscalationPolicy fast = new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, 3, null, 1, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 2, 4)));

        // when
        store.settings().saveEscalationPolicy(EscalationPolicy.DEFAULT);
        Optional<EscalationPolicy> first = store.settings().escalationPolicy();
        store.settings().saveEscalationPolicy(fast);

        // then
        assertThat(first).contains(EscalationPolicy.DEFAULT);
        assertThat(store.settings().escalationPolicy()).contains(fast);
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void remember_recordsAFirstRequest_andSaysNothingWasThere() {
        // when
        Optional<String> earlier = store.idempotency().remember("key-1", "response-1", T0.plus(Duration.ofHours(24)), T0);

        // then
        assertThat(earlier).isEmpty();
    }

    @Test
    void remember_returnsTheFirstValue_whileItsRecordLives() {
        // given
        store.idempotency().remember("key-1", "response-1", T0.plus(Duration.ofHours(24)), T0);

        // when
        Optional<String> repeat = store.idempotency().remember("key-1", "response-2", T0.plus(Duration.ofHours(25)),
                T0.plus(Duration.ofHours(23)));

        // then the first value is kept, not the repeat's
        assertThat(repeat).contains("response-1");
        assertThat(store.idempotency().remember("key-1", "response-3", T0.plus(Duration.ofHours(48)), T0.plusSeconds(1)))
                .contains("response-1");
    }

    @Test
    void remember_replacesARecordThatHasExpired() {
        // given a record that lived until exactly now
        Instant expiry = T0.plus(Duration.ofHours(24));
        store.idempotency().remember("key-1", "response-1", expiry, T0);

        // when
        Optional<String> later = store.idempotency().remember("key-1", "response-2", expiry.plus(Duration.ofHours(24)), expiry);

        // then
        assertThat(later).isEmpty();
        assertThat(store.idempotency().remember("key-1", "response-3", expiry.plus(Duration.ofHours(48)), expiry.plusSeconds(1)))
                .contains("response-2");
    }

    @Test
    void count_addsToALiveCounter_andReturnsTheNewTotal() {
        // when
        long first = store.idempotency().count("counter-1", 1, T0.plus(Duration.ofDays(1)), T0);
        long second = store.idempotency().count("counter-1", 4, T0.plus(Duration.ofDays(2)), T0.plusSeconds(1));
        long other = store.idempotency().count("counter-2", 2, T0.plus(Duration.ofDays(1)), T0.plusSeconds(2));

        // then
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(5);
        assertThat(other).isEqualTo(2);
    }

    @Test
    void count_startsAgainFromZero_onceTheCounterHasExpired() {
        // given a counter that lives until exactly T0 + 60 s (the expiry first given is kept)
        store.idempotency().count("counter-1", 3, T0.plusSeconds(60), T0);
        store.idempotency().count("counter-1", 3, T0.plusSeconds(600), T0.plusSeconds(1));

        // when
        long after = store.idempotency().count("counter-1", 1, T0.plusSeconds(120), T0.plusSeconds(60));

        // then
        assertThat(after).isEqualTo(1);
        assertThat(store.idempotency().count("counter-1", 1, T0.plusSeconds(500), T0.plusSeconds(119))).isEqualTo(2);
        assertThat(store.idempotency().count("counter-1", 1, T0.plusSeconds(500), T0.plusSeconds(120))).isEqualTo(1);
    }

    @Test
    void count_neverGivesTwoCallersTheSameTotal() throws Exception {
        // given
        int callers = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<List<Long>>> results = new ArrayList<>();

        // when
        try {
            for (int c = 0; c < callers; c++) {
                results.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(store.idempotency().count("counter-race", 1, T0.plus(Duration.ofDays(1)), T0));
                    }
                    return mine;
                }));
            }
            Set<Long> totals = new HashSet<>();
            for (Future<List<Long>> f : results) totals.addAll(f.get(60, TimeUnit.SECONDS));

            // then
            assertThat(totals).hasSize(callers * each).contains(1L, (long) callers * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recall_readsALiveRecord_withoutWritingOne() {
        // given nothing recorded yet
        assertThat(store.idempotency().recall("key-1", T0)).isEmpty();
        assertThat(store.idempotency().remember("key-1", "response-1", T0.plusSeconds(60), T0)).isEmpty();

        // when / then the live record is read back, and an expired one is not
        assertThat(store.idempotency().recall("key-1", T0.plusSeconds(59))).contains("response-1");
        assertThat(store.idempotency().recall("key-1", T0.plusSeconds(60))).isEmpty();
        assertThat(store.idempotency().recall("key-2", T0)).isEmpty();
    }

    @Test
    void anOptOut_isRecordedOnce_keepsItsFirstTime_andCanBeCleared() {
        // given nothing recorded
        assertThat(store.optOuts().optedOutAt("+8613800000001")).isEmpty();

        // when the phone texts STOP, twice
        store.optOuts().record("+8613800000001", T0);
        store.optOuts().record("+8613800000001", T0.plusSeconds(60));

        // then the first time stands, other phones are untouched, and clearing forgets it
        assertThat(store.optOuts().optedOutAt("+8613800000001")).contains(T0);
        assertThat(store.optOuts().optedOutAt("+8613800000002")).isEmpty();
        store.optOuts().clear("+8613800000001");
        assertThat(store.optOuts().optedOutAt("+8613800000001")).isEmpty();
        store.optOuts().clear("+8613800000009"); // clearing what is not there is fine
    }

    @Test
    void remember_keepsKeysApart() {
        // given
        store.idempotency().remember("key-1", "response-1", T0.plusSeconds(60), T0);

        // when
        Optional<String> other = store.idempotency().remember("key-2", "response-2", T0.plusSeconds(60), T0);

        // then
        assertThat(other).isEmpty();
    }

    @Test
    void concurrentRepeats_ofOneRequest_letExactlyOneRecordIt() {
        // when eight deliveries of the same SNS message arrive at once
        List<Outcome<Optional<String>>> outcomes = race(8,
                n -> store.idempotency().remember("sns-1", "handled-by-" + n, T0.plusSeconds(3600), T0));

        // then one records it and the other seven see that one's value
        assertThat(outcomes).allMatch(Outcome::succeeded);
        List<Optional<String>> answers = outcomes.stream().map(Outcome::value).toList();
        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(1);
        int winner = IntStream.range(0, 8).filter(n -> answers.get(n).isEmpty()).findFirst().orElseThrow();
        assertThat(answers).filteredOn(Optional::isPresent).hasSize(7)
                .allMatch(a -> a.get().equals("handled-by-" + winner));
    }

    // ---------------------------------------------------------------- introductions, notices, applications

    /** {@link CareStoreContract}'s stories, on this test's store. */
    @Nested
    class AroundTheEmergencies extends CareStoreContract {
        @Override
        protected Store store() {
            return store;
        }
    }

    // ---------------------------------------------------------------- helpers

    private void createOneIncidentPerStatus() {
        store.incidents().create(incident("inc-open").createdAt(T0).build());
        store.incidents().create(incident("inc-ack").createdAt(T0.plusSeconds(60)).status(IncidentStatus.ACKNOWLEDGED).build());
        store.incidents().create(incident("inc-resolved").createdAt(T0.plusSeconds(120)).status(IncidentStatus.RESOLVED).build());
        store.incidents().create(incident("inc-cancelled").createdAt(T0.plusSeconds(180)).status(IncidentStatus.CANCELLED)
                .build());
    }

    private void createIncidentsAroundTheMinuteAfterT0() {
        store.incidents().create(incident("before").createdAt(T0.minusMillis(1)).build());
        store.incidents().create(incident("at-0s").createdAt(T0).build());
        store.incidents().create(incident("at-59s").createdAt(T0.plusSeconds(59)).build());
        store.incidents().create(incident("at-60s").createdAt(T0.plusSeconds(60)).build());
    }

    private static AuditEntry audit(String id, Instant at) {
        return new AuditEntry(id, at, "sub-1", "周干事", "create", "member", "m-" + id, "会员 " + id, List.of());
    }

    private static List<String> ids(Page<Incident> page) {
        return page.items().stream().map(Incident::id).toList();
    }

    /** Follows next cursors from the first page to the last; fails rather than loop forever. */
    protected static <T> List<Page<T>> pageThrough(Function<String, Page<T>> fetch) {
        List<Page<T>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = fetch.apply(cursor);
            pages.add(page);
            cursor = page.nextCursor();
            assertThat(pages).as("pages before the cursor ran out").hasSizeLessThan(100);
        } while (cursor != null);
        return pages;
    }

    /** What one racing thread ended with: its value, or what it threw. */
    protected record Outcome<T>(T value, Throwable failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    /** Runs {@code task(0..threads-1)} on as many threads, released together, and waits for all of them. */
    protected static <T> List<Outcome<T>> race(int threads, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                int id = n;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(task.apply(id), null);
                    } catch (RuntimeException e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) outcomes.add(f.get(60, TimeUnit.SECONDS));
            return outcomes;
        } catch (Exception e) {
            throw new AssertionError("racing threads did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
