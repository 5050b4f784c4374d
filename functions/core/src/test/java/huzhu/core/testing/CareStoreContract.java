package huzhu.core.testing;

import static huzhu.core.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.kernel.AlreadyExists;
import huzhu.core.Store;
import huzhu.core.care.ApplicationKind;
import huzhu.core.care.ApplicationStatus;
import huzhu.core.care.ApplicationStep;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.care.AssistanceGuide;
import huzhu.core.care.CareRound;
import huzhu.core.care.ContactRequest;
import huzhu.core.care.FollowUp;
import huzhu.core.care.FollowUpKind;
import huzhu.core.care.FollowUpStatus;
import huzhu.core.care.AudienceKind;
import huzhu.core.care.DeliveryStatus;
import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.IntroductionStatus;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeAudience;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeReply;
import huzhu.core.care.ReplyDecision;
import huzhu.core.care.NoticeStatus;
import huzhu.core.directory.PersonKind;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.kernel.StatusFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do for the care around emergencies: family introductions, notices with their deliveries and replies,
 * assistance applications, leases, and whether a member has a trigger token. {@link StoreContract} runs these
 * stories as a nested class, on the same fresh store as its own.
 */
public abstract class CareStoreContract {

    protected abstract Store store();

    // ---------------------------------------------------------------- trigger tokens

    @Test
    void hasTriggerToken_followsBindingAndUnbinding() {
        // given
        Store store = store();
        store.triggerTokens().bind("m-1", "hash-a");

        // when / then
        assertThat(store.triggerTokens().has("m-1")).isTrue();
        assertThat(store.triggerTokens().has("m-2")).isFalse();
        store.triggerTokens().bind("m-1", "hash-b");
        assertThat(store.triggerTokens().has("m-1")).isTrue();
        store.triggerTokens().unbind("m-1");
        assertThat(store.triggerTokens().has("m-1")).isFalse();
    }

    // ---------------------------------------------------------------- family introductions

    @Test
    void aSavedIntroduction_comesBackWithEveryField() {
        // given
        FamilyIntroduction sent = new FamilyIntroduction("m-1", "+8613800000002", "王德福", Language.EN,
                IntroductionStatus.SENT, true, "msg-1", null, "周干事", T0, T0.plusSeconds(1), T0.plusSeconds(2), 3);
        FamilyIntroduction failed = new FamilyIntroduction("m-1", "+8613800000003", null, Language.ZH_CN,
                IntroductionStatus.FAILED, false, null, "opted out", "system", T0, null, T0.plusMillis(1500), 1);

        // when
        save(intro("m-1", "+8613800000002", IntroductionStatus.PENDING, T0, 1));
        save(intro("m-1", "+8613800000002", IntroductionStatus.SENDING, T0, 2));
        store().introductions().save(sent);
        store().introductions().save(failed);

        // then
        assertThat(store().introductions().get("m-1", "+8613800000002")).contains(sent);
        assertThat(store().introductions().get("m-1", "+8613800000003")).contains(failed);
        assertThat(store().introductions().get("m-2", "+8613800000002")).isEmpty();
    }

    @Test
    void saveIntroduction_isRefused_unlessItIsTheNextVersion() {
        // given
        save(intro("m-1", "+8613800000002", IntroductionStatus.PENDING, T0, 1));

        // when / then: a second first version, a skipped version
        assertThatThrownBy(() -> save(intro("m-1", "+8613800000002", IntroductionStatus.SENDING, T0, 1)))
                .isInstanceOf(StaleWrite.class);
        assertThatThrownBy(() -> save(intro("m-1", "+8613800000002", IntroductionStatus.SENDING, T0, 3)))
                .isInstanceOf(StaleWrite.class);
        assertThatThrownBy(() -> save(intro("m-1", "+8613800000009", IntroductionStatus.SENDING, T0, 2)))
                .isInstanceOf(StaleWrite.class);
        assertThat(store().introductions().get("m-1", "+8613800000002").orElseThrow().status())
                .isEqualTo(IntroductionStatus.PENDING);
    }

    @Test
    void eightSendersClaimingOneIntroduction_onlyOneWins() {
        // given
        save(intro("m-1", "+8613800000002", IntroductionStatus.PENDING, T0, 1));

        // when
        List<StoreContract.Outcome<Boolean>> outcomes = StoreContract.race(8, n -> {
            save(intro("m-1", "+8613800000002", IntroductionStatus.SENDING, T0.plusSeconds(n), 2));
            return true;
        });

        // then
        assertThat(outcomes).filteredOn(StoreContract.Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(StaleWrite.class));
    }

    @Test
    void introductions_areListedPerMemberByPhone_byStatusOldestFirst_andAll() {
        // given
        save(intro("m-1", "+8613800000003", IntroductionStatus.PENDING, T0.plusSeconds(20), 1));
        save(intro("m-1", "+8613800000002", IntroductionStatus.SENT, T0, 1));
        save(intro("m-2", "+8613800000004", IntroductionStatus.PENDING, T0.plusSeconds(10), 1));

        // when / then
        assertThat(store().introductions().ofMember("m-1")).extracting(FamilyIntroduction::phone)
                .containsExactly("+8613800000002", "+8613800000003");
        assertThat(store().introductions().withStatus(IntroductionStatus.PENDING)).extracting(FamilyIntroduction::phone)
                .containsExactly("+8613800000004", "+8613800000003");
        assertThat(store().introductions().withStatus(IntroductionStatus.FAILED)).isEmpty();
        assertThat(store().introductions().all()).hasSize(3);

        // and a status change moves it between the lists
        save(intro("m-2", "+8613800000004", IntroductionStatus.SENT, T0.plusSeconds(10), 2));
        assertThat(store().introductions().withStatus(IntroductionStatus.PENDING)).extracting(FamilyIntroduction::phone)
                .containsExactly("+8613800000003");
        assertThat(store().introductions().withStatus(IntroductionStatus.SENT)).hasSize(2);
    }

    // ---------------------------------------------------------------- notices

    @Test
    void anInsertedNotice_comesBackWithEveryField_andAnUpdateReplacesIt() {
        // given
        Notice draft = notice("n-1", T0, NoticeStatus.DRAFT, null);
        Notice full = new Notice("n-2", "夏季安全提醒", "高温天气注意防暑。\n\n第二段", new NoticeAudience(AudienceKind.UNIT,
                "第一分会"), NoticeStatus.SENDING, T0.plusSeconds(3600), "sub-1", "周干事", T0, T0.plusSeconds(5),
                T0.plusSeconds(3600), null, null, true, 120, Map.of("zh-CN", "【互助】夏季安全提醒：…", "en", "[Huzhu] …"),
                true, T0.plusSeconds(3601), "topic-msg-1", 4);

        // when
        store().notices().insert(draft);
        store().notices().insert(full);
        Notice edited = draft.edit().build();
        store().notices().update(edited);

        // then
        assertThat(store().notices().get("n-2")).contains(full);
        assertThat(store().notices().get("n-1")).contains(edited);
        assertThat(store().notices().get("n-3")).isEmpty();
    }

    @Test
    void notices_refuseADuplicateId_andAStaleUpdate() {
        // given
        Notice n = notice("n-1", T0, NoticeStatus.DRAFT, null);
        store().notices().insert(n);
        store().notices().update(n.edit().build());

        // when / then
        assertThatThrownBy(() -> store().notices().insert(n)).isInstanceOf(AlreadyExists.class);
        assertThatThrownBy(() -> store().notices().update(n.edit().build())).isInstanceOf(StaleWrite.class);
        assertThatThrownBy(() -> store().notices().update(notice("n-9", T0, NoticeStatus.DRAFT, null).edit().build()))
                .isInstanceOf(StaleWrite.class);
    }

    @Test
    void notices_pageNewestFirst_eachExactlyOnce() {
        // given 120 notices, some at the same time, inserted in random order
        List<Notice> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) all.add(notice(String.format("n-%03d", i), T0.plusSeconds(i / 3), NoticeStatus.DRAFT, null));
        List<Notice> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(9));
        shuffled.forEach(store().notices()::insert);

        // when
        List<String> ids = new ArrayList<>();
        for (Page<Notice> p : StoreContract.pageThrough(c -> store().notices().list(new PageRequest(c, 50)))) {
            assertThat(p.items().size()).isLessThanOrEqualTo(50);
            p.items().forEach(n -> ids.add(n.id()));
        }

        // then
        List<String> expected = new ArrayList<>(all.stream().map(Notice::id).toList());
        Collections.reverse(expected);
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void noticesDue_areTheScheduledWhoseTimeHasCome_andThoseBeingSent_oldestFirst() {
        // given
        store().notices().insert(notice("draft", T0, NoticeStatus.DRAFT, null));
        store().notices().insert(notice("due", T0, NoticeStatus.SCHEDULED, T0.plusSeconds(60)));
        store().notices().insert(notice("due-exactly", T0, NoticeStatus.SCHEDULED, T0.plusSeconds(120)));
        store().notices().insert(notice("later", T0, NoticeStatus.SCHEDULED, T0.plusSeconds(121)));
        Notice sending = notice("sending", T0, NoticeStatus.SENDING, null);
        store().notices().insert(sending);
        store().notices().insert(notice("sent", T0, NoticeStatus.SENT, null));
        store().notices().insert(notice("cancelled", T0, NoticeStatus.CANCELLED, T0.plusSeconds(30)));

        // when / then
        assertThat(store().notices().due(T0.plusSeconds(120))).extracting(Notice::id)
                .containsExactly("sending", "due", "due-exactly");

        // and a notice that was sent leaves the list
        store().notices().update(sending.edit().sent(T0.plusSeconds(60)).build());
        assertThat(store().notices().due(T0.plusSeconds(120))).extracting(Notice::id).containsExactly("due", "due-exactly");
    }

    @Test
    void deliveries_areWrittenOncePerPhone_andChangeOnlyVersionByVersion() {
        // given
        NoticeDelivery first = delivery("n-1", "+8613800000002", DeliveryStatus.PENDING, null, 1);

        // when
        boolean inserted = store().notices().insertDelivery(first);
        boolean again = store().notices().insertDelivery(delivery("n-1", "+8613800000002", DeliveryStatus.SENT, T0, 1));
        NoticeDelivery claimed = first.claimed(T0.plusSeconds(1));
        store().notices().updateDelivery(claimed);

        // then
        assertThat(inserted).isTrue();
        assertThat(again).isFalse();
        assertThat(store().notices().deliveries("n-1")).containsExactly(claimed);
        assertThatThrownBy(() -> store().notices().updateDelivery(first.claimed(T0.plusSeconds(2))))
                .isInstanceOf(StaleWrite.class);
        assertThatThrownBy(() -> store().notices().updateDelivery(delivery("n-1", "+8613800000099", DeliveryStatus.SENT, T0, 2)))
                .isInstanceOf(StaleWrite.class);
    }

    @Test
    void eightSendersClaimingOneDelivery_onlyOneWins() {
        // given
        NoticeDelivery pending = delivery("n-1", "+8613800000002", DeliveryStatus.PENDING, null, 1);
        store().notices().insertDelivery(pending);

        // when
        List<StoreContract.Outcome<Boolean>> outcomes = StoreContract.race(8, n -> {
            store().notices().updateDelivery(pending.claimed(T0.plusSeconds(n)));
            return true;
        });

        // then
        assertThat(outcomes).filteredOn(StoreContract.Outcome::succeeded).hasSize(1);
        assertThat(store().notices().deliveries("n-1").get(0).status()).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void aDeliveryWithEveryField_comesBackAsWritten_andDeliveriesListByPhone() {
        // given
        NoticeDelivery full = new NoticeDelivery("n-1", "+8613800000005", "王德福", PersonKind.FAMILY, null, "m-1",
                Language.EN, DeliveryStatus.FAILED, null, "opted out", T0.plusSeconds(1), T0.plusMillis(1500), 3);
        NoticeDelivery member = new NoticeDelivery("n-1", "+8613800000004", "王建国", PersonKind.MEMBER, "m-1", "m-1",
                Language.ZH_CN, DeliveryStatus.SENT, "msg-1", null, T0, T0.plusSeconds(1), 3);

        // when
        store().notices().insertDelivery(full);
        store().notices().insertDelivery(member);
        store().notices().insertDelivery(delivery("n-2", "+8613800000001", DeliveryStatus.PENDING, null, 1));

        // then
        assertThat(store().notices().deliveries("n-1")).containsExactly(member, full);
        assertThat(store().notices().deliveries("n-3")).isEmpty();
    }

    @Test
    void lastDeliveryTo_isTheNewestSentToThatPhone_sinceTheGivenTime() {
        // given
        String phone = "+8613800000002";
        store().notices().insertDelivery(delivery("n-old", phone, DeliveryStatus.SENT, T0.minusSeconds(1), 3));
        store().notices().insertDelivery(delivery("n-1", phone, DeliveryStatus.SENT, T0.plusSeconds(10), 3));
        store().notices().insertDelivery(delivery("n-2", phone, DeliveryStatus.SENT, T0.plusSeconds(20), 3));
        store().notices().insertDelivery(delivery("n-3", phone, DeliveryStatus.FAILED, T0.plusSeconds(30), 3));
        store().notices().insertDelivery(delivery("n-4", phone, DeliveryStatus.PENDING, null, 1));
        store().notices().insertDelivery(delivery("n-5", "+8613800000003", DeliveryStatus.SENT, T0.plusSeconds(40), 3));

        // when / then
        assertThat(store().notices().lastDeliveryTo(phone, T0)).map(NoticeDelivery::noticeId).contains("n-2");
        assertThat(store().notices().lastDeliveryTo(phone, T0.plusSeconds(21))).isEmpty();
        assertThat(store().notices().lastDeliveryTo("+8613800000009", T0)).isEmpty();

        // and a delivery that is sent later becomes the newest
        NoticeDelivery pending = store().notices().deliveries("n-4").get(0);
        store().notices().updateDelivery(pending.claimed(T0.plusSeconds(50)));
        store().notices().updateDelivery(store().notices().deliveries("n-4").get(0).sent("msg-4", T0.plusSeconds(51)));
        assertThat(store().notices().lastDeliveryTo(phone, T0)).map(NoticeDelivery::noticeId).contains("n-4");
    }

    @Test
    void replies_formTheThreadOfTheirNotice_oldestFirst() {
        // given
        NoticeReply second = new NoticeReply("r-2", "n-1", T0.plusSeconds(20), "+8613800000002", "王德福",
                PersonKind.FAMILY, "m-1", "收到，谢谢");
        NoticeReply first = new NoticeReply("r-1", "n-1", T0.plusSeconds(10), "+8613800000003", null,
                PersonKind.UNKNOWN, null, "I will come, but my father is in hospital", ReplyDecision.ASKED);

        // when
        store().notices().appendReply(second);
        store().notices().appendReply(first);
        store().notices().appendReply(new NoticeReply("r-3", "n-2", T0, "+8613800000002", null, PersonKind.MEMBER, "m-1", "好"));

        // then
        assertThat(store().notices().replies("n-1")).containsExactly(first, second);
        assertThat(store().notices().replies("n-9")).isEmpty();
        assertThatThrownBy(() -> store().notices().appendReply(first)).isInstanceOf(AlreadyExists.class);
    }

    // ---------------------------------------------------------------- assistance applications

    @Test
    void anInsertedApplication_comesBackWithEveryField_andChangesVersionByVersion() {
        // given
        AssistanceApplication a = application("a-1", "m-1", T0, ApplicationStatus.SUBMITTED);
        AssistanceApplication reviewed = new AssistanceApplication("a-1", "m-1", "王建国", "第一分会", ApplicationKind.MEDICAL,
                "住院费用", new BigDecimal("12345.5"), new BigDecimal("10000"), List.of("病历复印件 3 页",
                        "https://drive.example/a-1.pdf"), ApplicationStatus.APPROVED, List.of(
                        new ApplicationStep(ApplicationStatus.SUBMITTED, T0, "sub-1", "周干事", null, new BigDecimal("12345.5")),
                        new ApplicationStep(ApplicationStatus.REVIEWED, T0.plusSeconds(60), "sub-2", "李委员", "情况属实", null),
                        new ApplicationStep(ApplicationStatus.APPROVED, T0.plusSeconds(120), "sub-3", "陈主席", null,
                                new BigDecimal("10000"))),
                T0, T0.plusSeconds(120), 2);

        // when
        store().applications().insert(a);
        store().applications().update(reviewed);

        // then
        assertThat(store().applications().get("a-1")).contains(reviewed);
        assertThat(store().applications().get("a-2")).isEmpty();
        assertThatThrownBy(() -> store().applications().insert(a)).isInstanceOf(AlreadyExists.class);
        assertThatThrownBy(() -> store().applications().update(reviewed)).isInstanceOf(StaleWrite.class);
    }

    @Test
    void applications_listNewestFirst_byStatus_perMember_andByTimeOfSubmission() {
        // given
        store().applications().insert(application("a-1", "m-1", T0, ApplicationStatus.SUBMITTED));
        store().applications().insert(application("a-2", "m-2", T0.plusSeconds(10), ApplicationStatus.PAID));
        store().applications().insert(application("a-3", "m-1", T0.plusSeconds(20), ApplicationStatus.SUBMITTED));
        store().applications().insert(application("a-4", "m-1", T0.plusSeconds(30), ApplicationStatus.REJECTED));

        // when / then
        assertThat(store().applications().list(StatusFilter.parse(ApplicationStatus.class, null), PageRequest.first(50)).items()).extracting(AssistanceApplication::id)
                .containsExactly("a-4", "a-3", "a-2", "a-1");
        assertThat(store().applications().list(StatusFilter.parse(ApplicationStatus.class, "submitted"), PageRequest.first(50)).items())
                .extracting(AssistanceApplication::id).containsExactly("a-3", "a-1");
        assertThat(store().applications().list(StatusFilter.parse(ApplicationStatus.class, "all"), PageRequest.first(50)).items()).hasSize(4);
        assertThat(store().applications().ofMember("m-1")).extracting(AssistanceApplication::id).containsExactly("a-4", "a-3", "a-1");
        assertThat(store().applications().submittedBetween(T0.plusSeconds(10), T0.plusSeconds(30)))
                .extracting(AssistanceApplication::id).containsExactly("a-2", "a-3");
        assertThat(store().applications().submittedBetween(null, T0.plusSeconds(11))).extracting(AssistanceApplication::id)
                .containsExactly("a-1", "a-2");
        assertThat(store().applications().submittedBetween(T0.plusSeconds(20), null)).hasSize(2);
        assertThatThrownBy(() -> store().applications().list(StatusFilter.parse(ApplicationStatus.class, "granted"), PageRequest.first(50)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("status"));
    }

    @Test
    void applications_pageThrough120_withLimit50_eachExactlyOnce_andFollowAStatusChange() {
        // given
        for (int i = 0; i < 120; i++) {
            store().applications().insert(application(String.format("a-%03d", i), "m-1", T0.plusSeconds(i / 4),
                    ApplicationStatus.SUBMITTED));
        }

        // when
        List<String> ids = new ArrayList<>();
        StoreContract.pageThrough(c -> store().applications().list(StatusFilter.parse(ApplicationStatus.class, "submitted"), new PageRequest(c, 50)))
                .forEach(p -> p.items().forEach(a -> ids.add(a.id())));
        AssistanceApplication a = store().applications().get("a-000").orElseThrow();
        store().applications().update(new AssistanceApplication(a.id(), a.memberId(), a.memberName(), a.unit(), a.kind(),
                a.reason(), a.amountRequested(), null, a.documents(), ApplicationStatus.REVIEWED, a.steps(),
                a.submittedAt(), T0.plusSeconds(300), a.version() + 1));

        // then
        assertThat(ids).hasSize(120).doesNotHaveDuplicates().startsWith("a-119").endsWith("a-000");
        assertThat(store().applications().list(StatusFilter.parse(ApplicationStatus.class, "reviewed"), PageRequest.first(50)).items()).extracting(AssistanceApplication::id)
                .containsExactly("a-000");
        assertThat(store().applications().list(StatusFilter.parse(ApplicationStatus.class, "submitted"), PageRequest.first(200)).items()).hasSize(119);
    }

    // ---------------------------------------------------------------- leases

    @Test
    void aLease_isHeldByOneOwnerUntilItRunsOut_orIsGivenUp() {
        // given
        Store store = store();

        // when / then
        assertThat(store.leases().acquire("bulk", "a", T0.plusSeconds(60), T0)).isTrue();
        assertThat(store.leases().acquire("bulk", "b", T0.plusSeconds(90), T0.plusSeconds(30))).isFalse();
        assertThat(store.leases().acquire("other", "b", T0.plusSeconds(90), T0.plusSeconds(30))).isTrue();
        assertThat(store.leases().acquire("bulk", "a", T0.plusSeconds(120), T0.plusSeconds(30))).isTrue();
        assertThat(store.leases().acquire("bulk", "b", T0.plusSeconds(150), T0.plusSeconds(90))).isFalse();
        assertThat(store.leases().acquire("bulk", "b", T0.plusSeconds(180), T0.plusSeconds(120))).isTrue();
        store.leases().release("bulk", "a");
        assertThat(store.leases().acquire("bulk", "c", T0.plusSeconds(200), T0.plusSeconds(121))).isFalse();
        store.leases().release("bulk", "b");
        assertThat(store.leases().acquire("bulk", "c", T0.plusSeconds(200), T0.plusSeconds(121))).isTrue();
    }

    @Test
    void eightRunsAskingForOneFreeLease_onlyOneGetsIt() {
        // when
        List<StoreContract.Outcome<Boolean>> outcomes = StoreContract.race(8,
                n -> store().leases().acquire("bulk", "run-" + n, T0.plusSeconds(60), T0));

        // then
        assertThat(outcomes).allMatch(StoreContract.Outcome::succeeded);
        assertThat(outcomes).filteredOn(StoreContract.Outcome::value).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    // ---------------------------------------------------------------- the union's own page, deaths, care rounds

    @Test
    void anApplicationFromTheMembersPage_keepsItsApplicant() {
        // given
        AssistanceApplication a = application("a-1", "m-1", T0, ApplicationStatus.SUBMITTED);
        AssistanceApplication fromThePage = new AssistanceApplication(a.id(), a.memberId(), a.memberName(), a.unit(),
                a.kind(), a.reason(), a.amountRequested(), null, List.of("诊断证明书"), a.status(), a.steps(),
                a.submittedAt(), a.updatedAt(), 1, new AssistanceApplication.Applicant("王德福", "+8613911110002", "link"));

        // when
        store().applications().insert(fromThePage);

        // then
        assertThat(store().applications().get("a-1")).contains(fromThePage);
    }

    @Test
    void aFollowUpOfARound_orOfADeathsChecklist_comesBackWithItsTaskOwnerAndLinks_andListsUnderItsRound() {
        // given
        FollowUp ofRound = new FollowUp("r-1-m-1", null, "m-1", FollowUpKind.SAFETY_CHECK, LocalDate.of(2026, 7, 15),
                null, List.of(), "查看燃气和电线", null, FollowUpStatus.PLANNED, T0, T0, "夏季安全检查", "周干事", "r-1", null);
        FollowUp other = new FollowUp("r-1-m-2", null, "m-2", FollowUpKind.SAFETY_CHECK, LocalDate.of(2026, 7, 10),
                LocalDate.of(2026, 7, 9), List.of("周干事"), null, null, FollowUpStatus.DONE, T0, T0, "夏季安全检查", "周干事",
                "r-1", null);
        FollowUp ofDeath = new FollowUp("i-1-payment", "i-1", "m-3", FollowUpKind.ASSISTANCE, LocalDate.of(2026, 3, 5),
                null, List.of(), null, null, FollowUpStatus.PLANNED, T0, T0, "丧葬慰问金申请与发放", "陈主席", null,
                "i-1-condolence");

        // when
        store().followUps().insert(ofRound);
        store().followUps().insert(other);
        store().followUps().insert(ofDeath);

        // then
        assertThat(store().followUps().get("i-1-payment")).contains(ofDeath);
        assertThat(store().followUps().forRound("r-1")).containsExactly(other, ofRound);
        assertThat(store().followUps().forRound("r-2")).isEmpty();
        assertThat(store().followUps().forIncident("i-1")).containsExactly(ofDeath);
    }

    @Test
    void careRounds_comeBackWithEveryField_newestFirst_pageByPage() {
        // given
        for (int i = 0; i < 5; i++) store().careRounds().insert(round("r-" + i, T0.plusSeconds(i)));

        // when
        Page<CareRound> first = store().careRounds().list(PageRequest.first(3));
        Page<CareRound> second = store().careRounds().list(new PageRequest(first.nextCursor(), 3));

        // then
        assertThat(store().careRounds().get("r-2")).contains(round("r-2", T0.plusSeconds(2)));
        assertThat(first.items()).extracting(CareRound::id).containsExactly("r-4", "r-3", "r-2");
        assertThat(second.items()).extracting(CareRound::id).containsExactly("r-1", "r-0");
        assertThat(second.nextCursor()).isNull();
        assertThatThrownBy(() -> store().careRounds().insert(round("r-1", T0))).isInstanceOf(AlreadyExists.class);
    }

    @Test
    void contactRequests_comeBackWithEveryField_changeVersionByVersion_andListByStatusAndMember() {
        // given
        ContactRequest a = contactRequest("c-1", "m-1", T0);
        ContactRequest b = contactRequest("c-2", "m-2", T0.plusSeconds(1));
        ContactRequest c = contactRequest("c-3", "m-1", T0.plusSeconds(2));
        store().contactRequests().insert(a);
        store().contactRequests().insert(b);
        store().contactRequests().insert(c);
        ContactRequest approved = new ContactRequest(a.id(), a.memberId(), a.memberName(), a.action(), a.targetPhone(),
                a.name(), a.relation(), a.phone(), a.note(), a.requesterName(), ContactRequest.Status.APPROVED,
                a.createdAt(), "sub-1", "周干事", T0.plusSeconds(60), "已核实", 2);

        // when
        store().contactRequests().update(approved);

        // then
        assertThat(store().contactRequests().get("c-1")).contains(approved);
        assertThatThrownBy(() -> store().contactRequests().update(approved)).isInstanceOf(StaleWrite.class);
        assertThatThrownBy(() -> store().contactRequests().insert(b)).isInstanceOf(AlreadyExists.class);
        assertThat(store().contactRequests().list(StatusFilter.parse(ContactRequest.Status.class, "pending"),
                PageRequest.first(50)).items()).extracting(ContactRequest::id).containsExactly("c-3", "c-2");
        assertThat(store().contactRequests().list(StatusFilter.parse(ContactRequest.Status.class, null),
                PageRequest.first(2)).items()).extracting(ContactRequest::id).containsExactly("c-3", "c-2");
        assertThat(store().contactRequests().ofMember("m-1")).extracting(ContactRequest::id)
                .containsExactly("c-3", "c-1");
    }

    @Test
    void theGuide_isEmptyUntilSaved_thenComesBackAsSaved() {
        // given
        AssistanceGuide guide = new AssistanceGuide(List.of(new AssistanceGuide.Kind("bereavement", "丧葬慰问",
                "会员直系亲属去世", List.of("死亡证明复印件", "户口本复印件"), new BigDecimal("800")),
                new AssistanceGuide.Kind("medical", "医疗救助", null, List.of(), null)),
                List.of("准备材料", "提交申请"), "有疑问请在工作群里问", T0, "周干事", 1);

        // when
        assertThat(store().guides().guide()).isEmpty();
        store().guides().saveGuide(guide);

        // then
        assertThat(store().guides().guide()).contains(guide);
    }

    @Test
    void aGuideSavedOnAVersionNoLongerStored_isAStaleWrite_andTheSavedOneStays() {
        // given two officers read the default (version 0); the first saved version 1
        AssistanceGuide first = new AssistanceGuide(List.of(), List.of("交材料"), null, T0, "周干事", 1);
        store().guides().saveGuide(first);

        // when / then
        assertThatThrownBy(() -> store().guides().saveGuide(
                new AssistanceGuide(List.of(), List.of("填表"), null, T0, "陈主席", 1))).isInstanceOf(StaleWrite.class);
        assertThat(store().guides().guide()).contains(first);
        AssistanceGuide next = new AssistanceGuide(List.of(), List.of("填表"), null, T0, "陈主席", 2);
        store().guides().saveGuide(next);
        assertThat(store().guides().guide()).contains(next);
    }

    static CareRound round(String id, Instant createdAt) {
        return new CareRound(id, "夏季安全检查", FollowUpKind.SAFETY_CHECK,
                new CareRound.Audience(CareRound.AudienceKind.UNIT, "机修车间", List.of()), LocalDate.of(2026, 7, 15),
                "周干事", "查看燃气和电线", List.of("m-1", "m-2"), createdAt, "sub-1", "周干事");
    }

    static ContactRequest contactRequest(String id, String memberId, Instant at) {
        return new ContactRequest(id, memberId, "会员 " + memberId, ContactRequest.Action.CHANGE, "+8613911110002",
                "王德福", "父亲", "+8613911110009", "换了新手机", "王小红", ContactRequest.Status.PENDING, at, null, null,
                null, null, 1);
    }

    private void save(FamilyIntroduction i) {
        store().introductions().save(i);
    }

    static FamilyIntroduction intro(String memberId, String phone, IntroductionStatus status, Instant requestedAt,
            long version) {
        return new FamilyIntroduction(memberId, phone, "家属", Language.ZH_CN, status, false, null, null, "system",
                requestedAt, status == IntroductionStatus.PENDING ? null : requestedAt,
                status == IntroductionStatus.SENT ? requestedAt : null, version);
    }

    static Notice notice(String id, Instant createdAt, NoticeStatus status, Instant scheduledAt) {
        return new Notice(id, "通知 " + id, "内容", new NoticeAudience(AudienceKind.ALL_MEMBERS, null), status,
                scheduledAt, "sub-1", "周干事", createdAt, createdAt,
                status == NoticeStatus.SENDING || status == NoticeStatus.SENT ? createdAt : null, null, null, false, 0,
                Map.of(), false, null, null, 1);
    }

    static NoticeDelivery delivery(String noticeId, String phone, DeliveryStatus status, Instant sentAt, long version) {
        return new NoticeDelivery(noticeId, phone, "会员", PersonKind.MEMBER, "m-1", "m-1", Language.ZH_CN, status,
                status == DeliveryStatus.SENT ? "msg-" + noticeId : null, status == DeliveryStatus.FAILED ? "failed" : null,
                sentAt, sentAt, version);
    }

    static AssistanceApplication application(String id, String memberId, Instant submittedAt, ApplicationStatus status) {
        return new AssistanceApplication(id, memberId, "会员 " + memberId, "第一分会", ApplicationKind.HARDSHIP, "困难",
                new BigDecimal("2000"), null, List.of(), status, List.of(new ApplicationStep(ApplicationStatus.SUBMITTED,
                        submittedAt, "sub-1", "周干事", null, new BigDecimal("2000"))), submittedAt, submittedAt, 1);
    }
}
