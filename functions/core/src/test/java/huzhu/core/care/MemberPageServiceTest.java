package huzhu.core.care;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.care.ApplicationService.StepInput;
import huzhu.core.care.ContactRequestService.ContactRequestInput;
import huzhu.core.care.ContactRequestService.DecisionInput;
import huzhu.core.care.MemberPageService.ApplyInput;
import huzhu.core.care.MemberPageService.PageApplication;
import huzhu.core.care.MemberPageService.PageContactRequest;
import huzhu.core.care.MemberPageService.PageContacts;
import huzhu.core.care.NoticeDrafts.AudienceInput;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.directory.FamilyContact;
import huzhu.core.error.Conflict;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.error.RateLimited;
import huzhu.core.kernel.Actor;
import huzhu.core.testing.CareWorld;
import huzhu.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the member's personal link opens besides the help button, and what it never shows. */
class MemberPageServiceTest {
    private static final Actor ZHOU = new Actor("sub-1", "周干事");
    private static final Actor CHEN = new Actor("sub-3", "陈主席");
    private static final String IP = "203.0.113.9";

    private final CareWorld world = new CareWorld();
    private final MemberPageService page = world.services.memberPage();
    private String token;

    @BeforeEach
    void aMemberWithHisFatherOnFile_andHisPersonalLink() {
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).unit("机修车间").home("唐山", "路北区")
                .address("唐山市路北区文化路12号").family("王德福", "父亲", phone(2)).build());
        world.add(Fixtures.member("m-2").name("李娜").phone(phone(3)).unit("运输部").build());
        token = world.services.directory().issueTriggerLink("m-1").token();
    }

    @Test
    void theNotices_areTheUnionsToEveryMemberHisUnitAndFamilies_sentOnly_newestFirst() {
        // given
        sendNotice("夏季安全提醒", new AudienceInput("all-members", null));
        sendNotice("车间例会", new AudienceInput("unit", "机修车间"));
        sendNotice("运输部例会", new AudienceInput("unit", "运输部"));
        sendNotice("骨干碰头会", new AudienceInput("volunteers", null));
        world.services.notices().create(new NoticeInput("草稿", "还没发", new AudienceInput("all-members", null), null),
                ZHOU);

        // when
        List<MemberPageService.PageNotice> notices = page.notices(token, IP);

        // then
        assertThat(notices).extracting(MemberPageService.PageNotice::title).containsExactly("车间例会", "夏季安全提醒");
    }

    @Test
    void applyingFollowingTheGuide_submitsIt_withItsDocuments_andTheFamilyOnFileIsToldOfEachStep() {
        // when the father applies from the page, then officers review, approve and pay
        PageApplication applied = page.apply(token, new ApplyInput("medical", "父亲住院手术，自付较多",
                new BigDecimal("5000"), List.of("诊断证明书", "医疗费用发票及明细（复印件）"), "王德福", "13800000002"), null, IP);
        world.clock.advance(Duration.ofDays(1));
        world.services.applications().review(applied.id(), new StepInput("材料齐全", null), ZHOU);
        world.services.applications().approve(applied.id(), new StepInput(null, new BigDecimal("3000")), CHEN);
        world.services.applications().pay(applied.id(), new StepInput(null, null), ZHOU);

        // then
        PageApplication now = page.applications(token, IP).get(0);
        assertThat(now.status()).isEqualTo("paid");
        assertThat(now.documents()).containsExactly("诊断证明书", "医疗费用发票及明细（复印件）");
        assertThat(now.steps()).extracting(MemberPageService.PageStep::status, MemberPageService.PageStep::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("submitted", null),
                        org.assertj.core.groups.Tuple.tuple("reviewed", "周干事"),
                        org.assertj.core.groups.Tuple.tuple("approved", "陈主席"),
                        org.assertj.core.groups.Tuple.tuple("paid", "周干事"));
        for (String phone : List.of(phone(1), phone(2))) {
            assertThat(world.messenger.bodiesTo(phone)).hasSize(4);
            assertThat(world.messenger.bodiesTo(phone).get(2)).contains("已批准", "3000", "陈主席");
            assertThat(world.messenger.bodiesTo(phone).get(3)).contains("已发放", "3000");
        }
        AssistanceApplication stored = world.services.applications().get(applied.id());
        assertThat(stored.applicant()).isEqualTo(new AssistanceApplication.Applicant("王德福", phone(2), "link"));
    }

    @Test
    void anApplicantsPhoneNotOnFile_isNotKept_onlyTheMemberIsTold() {
        // when
        PageApplication applied = page.apply(token, new ApplyInput("hardship", "家里困难", new BigDecimal("2000"),
                List.of(), "邻居", "13900000099"), null, IP);

        // then
        assertThat(world.services.applications().get(applied.id()).applicant().phone()).isNull();
        assertThat(world.messenger.sentTo("+8613900000099")).isEmpty();
        assertThat(world.messenger.bodiesTo(phone(1))).singleElement().asString().contains("已收到");
    }

    @Test
    void aRepeatedApplication_withTheSameKey_submitsOnce() {
        // when
        PageApplication first = page.apply(token, new ApplyInput("hardship", "家里困难", new BigDecimal("2000"),
                List.of(), "王德福", null), "key-1", IP);
        PageApplication again = page.apply(token, new ApplyInput("hardship", "家里困难", new BigDecimal("2000"),
                List.of(), "王德福", null), "key-1", IP);

        // then
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(page.applications(token, IP)).hasSize(1);
    }

    @Test
    void anApplicationOutsideTheGuide_orWithoutItsReason_isRefused_andNothingIsSubmitted() {
        assertThatThrownBy(() -> page.apply(token, new ApplyInput("lottery", null, null, null, null, null), null, IP))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                        .containsKeys("kind", "applicantName"));
        assertThat(page.applications(token, IP)).isEmpty();
    }

    @Test
    void askingToChangeTheFathersPhone_waitsForAnOfficer_whoApproves_andTheMemberIsToldAtEachStep() {
        // when
        PageContactRequest asked = page.askContactChange(token, new ContactRequestInput("change", 0, "王德福", "父亲",
                "13800000009", "换了新手机", "王小红"), IP);
        assertThat(world.store.directory().members().get("m-1").orElseThrow().familyContacts().get(0).phone())
                .isEqualTo(phone(2));
        world.services.contactRequests().approve(asked.id(), new DecisionInput(null), ZHOU);

        // then
        assertThat(world.store.directory().members().get("m-1").orElseThrow().familyContacts())
                .containsExactly(new FamilyContact("王德福", "父亲", "+8613800000009"));
        assertThat(world.messenger.bodiesTo(phone(1))).hasSize(2);
        assertThat(world.messenger.bodiesTo(phone(1)).get(0)).contains("申请更改家属联系人", "如非本人或家属所为");
        assertThat(world.messenger.bodiesTo(phone(1)).get(1)).contains("已办理", "周干事");
        assertThat(page.contacts(token, IP).requests()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("approved");
            assertThat(r.name()).isEqualTo("王**");
            assertThat(r.phoneEnding()).isEqualTo("0009");
            assertThat(r.decidedBy()).isEqualTo("周干事");
        });
    }

    @Test
    void aRequestDecidedOnce_cannotBeDecidedAgain_andARejectionNeedsItsReason() {
        // given
        PageContactRequest asked = page.askContactChange(token, new ContactRequestInput("add", null, "王小红", "女儿",
                "13800000008", null, "王小红"), IP);

        // when
        assertThatThrownBy(() -> world.services.contactRequests().reject(asked.id(), new DecisionInput(" "), ZHOU))
                .isInstanceOf(Invalid.class);
        world.services.contactRequests().reject(asked.id(), new DecisionInput("请会员本人来电确认"), ZHOU);

        // then
        assertThatThrownBy(() -> world.services.contactRequests().approve(asked.id(), null, CHEN))
                .isInstanceOf(Conflict.class);
        assertThat(world.store.directory().members().get("m-1").orElseThrow().familyContacts()).hasSize(1);
        assertThat(world.messenger.bodiesTo(phone(1)).get(1)).contains("未予办理", "请会员本人来电确认");
    }

    @Test
    void thePage_showsNoAddressAndNobodysPhone_andTheFamilysNamesShortened() {
        // given
        page.askContactChange(token, new ContactRequestInput("add", null, "王小红", "女儿", "13800000008", null, null),
                IP);
        page.apply(token, new ApplyInput("hardship", "家里困难", new BigDecimal("2000"), List.of("困难情况说明"), "王德福",
                "13800000002"), null, IP);

        // when
        PageContacts contacts = page.contacts(token, IP);
        // every field of every record the page's routes answer with
        String everything = String.valueOf(List.of(contacts, page.applications(token, IP), page.notices(token, IP),
                page.guide(token, IP)));

        // then
        assertThat(contacts.contacts()).containsExactly(new MemberPageService.PageContact(0, "父亲", "王**"));
        assertThat(everything).doesNotContain("文化路", "13800000002", "+8613800000002", "13800000008", "王德福",
                "王小红", "家里困难", "2000");
    }

    @Test
    void formsRefusedForTheirMistakes_useUpNothing_butALinkSendsAtMostFiveADay() {
        // given a family struggling with the form
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> page.apply(token, new ApplyInput("medical", null, null, null, "王德福", null),
                    null, null)).isInstanceOf(Invalid.class);
            assertThatThrownBy(() -> page.askContactChange(token, new ContactRequestInput("change", 7, null, null,
                    null, null, null), null)).isInstanceOf(Invalid.class);
        }

        // when
        for (int i = 0; i < MemberPageService.WRITES_PER_LINK.max(); i++) {
            page.apply(token, new ApplyInput("hardship", "家里困难 " + i, new BigDecimal("2000"), List.of(), "王德福",
                    null), null, null);
        }

        // then
        assertThatThrownBy(() -> page.apply(token, new ApplyInput("hardship", "再一份", new BigDecimal("2000"),
                List.of(), "王德福", null), null, null)).isInstanceOf(RateLimited.class);
        assertThat(page.applications(token, null)).hasSize(MemberPageService.WRITES_PER_LINK.max());
    }

    @Test
    void aDeadLink_opensNothing_andEachAddressHasItsOwnAllowanceOfReads() {
        assertThatThrownBy(() -> page.notices("no-such-link", IP)).isInstanceOf(NotFound.class);
        for (int i = 1; i < MemberPageService.PER_ADDRESS.max(); i++) page.notices(token, IP);
        assertThatThrownBy(() -> page.notices(token, IP)).isInstanceOf(RateLimited.class);
        assertThat(page.notices(token, "198.51.100.20")).isEmpty();
    }

    private void sendNotice(String title, AudienceInput audience) {
        String id = world.services.notices().create(new NoticeInput(title, title + "的内容", audience, null), ZHOU)
                .notice().id();
        world.services.notices().sendNow(id, ZHOU);
        world.services.campaigns().runForRequest(id);
        world.clock.advance(Duration.ofMinutes(1));
    }
}
