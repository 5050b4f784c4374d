package huzhu.core.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.audit.AuditEntry;
import huzhu.core.care.ApplicationService.ApplicationInput;
import huzhu.core.care.ApplicationService.StepInput;
import huzhu.core.error.Conflict;
import huzhu.core.error.Forbidden;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.CareWorld;
import huzhu.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Assistance applications: submitted → reviewed → approved|rejected → paid, and nothing else. */
class ApplicationServiceTest {
    private static final Actor ZHOU = new Actor("sub-1", "周干事");
    private static final Actor LI = new Actor("sub-2", "李委员");
    private static final Actor CHEN = new Actor("sub-3", "陈主席");
    private static final Actor WU = new Actor("sub-4", "吴会计");
    private static final Actor MA = new Actor("sub-5", "马部长", true);
    private static final ApplicationInput MEDICAL = new ApplicationInput("m-1", "medical", "父亲住院手术，自付部分较多",
            new BigDecimal("5000.00"), List.of("住院发票复印件 2 张", "https://drive.example/a.pdf"));

    private final CareWorld world = new CareWorld();
    private final ApplicationService applications = world.services.applications();

    @BeforeEach
    void aMember() {
        world.add(Fixtures.member("m-1").name("王建国").unit("销售分公司").build());
    }

    @Test
    void anApplication_goesThroughEveryStep_withWhoAndWhenAtEach() {
        // given
        AssistanceApplication a = applications.create(MEDICAL, ZHOU);

        // when
        world.clock.advance(Duration.ofDays(1));
        applications.review(a.id(), new StepInput("情况属实", null), LI);
        world.clock.advance(Duration.ofDays(2));
        applications.approve(a.id(), new StepInput(null, new BigDecimal("3000")), CHEN);
        world.clock.advance(Duration.ofDays(3));
        AssistanceApplication paid = applications.pay(a.id(), new StepInput("银行转账", null), WU);

        // then
        assertThat(paid.status()).isEqualTo(ApplicationStatus.PAID);
        assertThat(paid.memberName()).isEqualTo("王建国");
        assertThat(paid.unit()).isEqualTo("销售分公司");
        assertThat(paid.amountRequested()).isEqualByComparingTo("5000");
        assertThat(paid.amountApproved()).isEqualByComparingTo("3000");
        assertThat(paid.steps()).extracting(ApplicationStep::status).containsExactly(ApplicationStatus.SUBMITTED,
                ApplicationStatus.REVIEWED, ApplicationStatus.APPROVED, ApplicationStatus.PAID);
        assertThat(paid.steps()).extracting(ApplicationStep::actorName).containsExactly("周干事", "李委员", "陈主席", "吴会计");
        assertThat(paid.steps().get(3).at()).isEqualTo(Fixtures.T0.plus(Duration.ofDays(6)));
        assertThat(paid.steps().get(3).amount()).isEqualByComparingTo("3000");
        assertThat(paid.steps().get(1).note()).isEqualTo("情况属实");
        assertThat(world.store.audit().list(null, null, PageRequest.first(20)).items())
                .filteredOn(e -> e.targetKind().equals("application")).extracting(AuditEntry::action)
                .containsExactly("pay", "approve", "review", "create");
    }

    /** Every step that must be refused, from every state. */
    static Stream<Arguments> refusedSteps() {
        return Stream.of(
                Arguments.of(List.of(), "approve", "只有已审核", "可以批准"),
                Arguments.of(List.of(), "reject", "只有已审核", "可以驳回"),
                Arguments.of(List.of(), "pay", "只有已批准", "可以发放"),
                Arguments.of(List.of("review"), "review", "只有已提交", "可以审核"),
                Arguments.of(List.of("review"), "pay", "只有已批准", "可以发放"),
                Arguments.of(List.of("review", "approve"), "review", "只有已提交", "可以审核"),
                Arguments.of(List.of("review", "approve"), "approve", "只有已审核", "可以批准"),
                Arguments.of(List.of("review", "approve"), "reject", "只有已审核", "可以驳回"),
                Arguments.of(List.of("review", "reject"), "approve", "只有已审核", "可以批准"),
                Arguments.of(List.of("review", "reject"), "pay", "只有已批准", "可以发放"),
                Arguments.of(List.of("review", "reject"), "review", "只有已提交", "可以审核"),
                Arguments.of(List.of("review", "approve", "pay"), "pay", "只有已批准", "可以发放"),
                Arguments.of(List.of("review", "approve", "pay"), "reject", "只有已审核", "可以驳回"));
    }

    @ParameterizedTest(name = "after {0}: {1} is refused")
    @MethodSource("refusedSteps")
    void aStepOutOfOrder_isRefused_sayingWhichApplicationsMayTakeIt(List<String> taken, String step, String whichZh,
            String actionZh) {
        // given
        String id = applications.create(MEDICAL, ZHOU).id();
        for (String s : taken) take(id, s);
        AssistanceApplication before = applications.get(id);

        // when / then
        assertThatThrownBy(() -> take(id, step)).isInstanceOfSatisfying(Conflict.class, e -> {
            assertThat(e.code()).isEqualTo("application_transition");
            String message = Messages.bilingual(e.messageKey(), e.args());
            assertThat(message).contains(whichZh, actionZh, "提交 → 审核 → 批准或驳回 → 发放", "The steps are");
        });
        assertThat(applications.get(id)).isEqualTo(before);
    }

    private void take(String id, String step) {
        BiFunction<String, StepInput, AssistanceApplication> f = switch (step) {
            case "review" -> (a, in) -> applications.review(a, in, LI);
            case "approve" -> (a, in) -> applications.approve(a, in, CHEN);
            case "reject" -> (a, in) -> applications.reject(a, in, CHEN);
            case "pay" -> (a, in) -> applications.pay(a, in, WU);
            default -> throw new IllegalArgumentException(step);
        };
        f.apply(id, new StepInput("理由", null));
    }

    private static void assertSecondPairOfEyes(Runnable step, String stepZh, String stepEn) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(Forbidden.class, e -> {
            assertThat(e.code()).isEqualTo("four_eyes");
            String message = Messages.bilingual(e.messageKey(), e.args());
            assertThat(message.substring(0, message.indexOf(" / "))).contains(stepZh).contains("管理员");
            assertThat(message.substring(message.indexOf(" / "))).contains(stepEn).contains("admin");
        });
    }

    @Test
    void whoeverSubmittedOrReviewed_cannotApprove_andWhoeverSubmitted_cannotPay() {
        // given
        String id = applications.create(MEDICAL, ZHOU).id();
        applications.review(id, null, LI);
        AssistanceApplication reviewed = applications.get(id);

        // when / then
        assertSecondPairOfEyes(() -> applications.approve(id, new StepInput(null, new BigDecimal("5000")), ZHOU),
                "批准", "approve");
        assertSecondPairOfEyes(() -> applications.approve(id, null, LI), "批准", "approve");
        assertThat(applications.get(id)).isEqualTo(reviewed);

        applications.approve(id, null, CHEN);
        AssistanceApplication approved = applications.get(id);
        assertSecondPairOfEyes(() -> applications.pay(id, null, ZHOU), "发放", "pay");
        assertThat(applications.get(id)).isEqualTo(approved);
        assertThat(applications.pay(id, null, LI).status()).isEqualTo(ApplicationStatus.PAID);
        assertThat(world.store.audit().list(null, null, PageRequest.first(20)).items())
                .filteredOn(e -> e.targetKind().equals("application"))
                .extracting(AuditEntry::action, AuditEntry::actorName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pay", "李委员"),
                        org.assertj.core.groups.Tuple.tuple("approve", "陈主席"),
                        org.assertj.core.groups.Tuple.tuple("review", "李委员"),
                        org.assertj.core.groups.Tuple.tuple("create", "周干事"));
    }

    @Test
    void anAdmin_mayTakeEveryStepAlone_andTheAuditLogSaysTheSecondPairOfEyesWasWaived() {
        // given
        String id = applications.create(MEDICAL, MA).id();
        applications.review(id, null, MA);

        // when
        applications.approve(id, null, MA);
        AssistanceApplication paid = applications.pay(id, null, MA);

        // then
        assertThat(paid.status()).isEqualTo(ApplicationStatus.PAID);
        assertThat(world.store.audit().list(null, null, PageRequest.first(20)).items())
                .filteredOn(e -> e.targetKind().equals("application")).extracting(AuditEntry::action)
                .containsExactly("four-eyes-waived", "pay", "four-eyes-waived", "approve", "review", "create");
    }

    @Test
    void aRejection_needsItsReason() {
        // given
        String id = applications.create(MEDICAL, ZHOU).id();
        applications.review(id, null, LI);

        // when / then
        assertThatThrownBy(() -> applications.reject(id, new StepInput(" ", null), CHEN))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsEntry("note", "invalid.required"));
        assertThat(applications.reject(id, new StepInput("不符合帮扶条件", null), CHEN).status())
                .isEqualTo(ApplicationStatus.REJECTED);
    }

    @Test
    void aRejection_isSentToTheMember_withItsReason_asTheConsolePromises() {
        // given
        String id = applications.create(MEDICAL, ZHOU).id();
        applications.review(id, null, LI);
        String memberPhone = world.store.directory().members().get("m-1").orElseThrow().phone();

        // when
        applications.reject(id, new StepInput("不符合帮扶条件：收入高于标准", null), CHEN);

        // then
        assertThat(world.messenger.bodiesTo(memberPhone)).last().asString()
                .contains("医疗救助", "未获批准", "不符合帮扶条件：收入高于标准", "陈");
    }

    @Test
    void anApproval_cannotExceedTheAmountRequested_andAPayment_mustBeTheAmountApproved() {
        // given
        String id = applications.create(MEDICAL, ZHOU).id();
        applications.review(id, null, LI);

        // when / then
        assertThatThrownBy(() -> applications.approve(id, new StepInput(null, new BigDecimal("5000.01")), CHEN))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsEntry("amount",
                        "invalid.application.overRequested"));
        assertThat(applications.approve(id, null, CHEN).amountApproved()).isEqualByComparingTo("5000");
        assertThatThrownBy(() -> applications.pay(id, new StepInput(null, new BigDecimal("4000")), WU))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsEntry("amount",
                        "invalid.application.paidAmount"));
        assertThat(applications.pay(id, new StepInput(null, new BigDecimal("5000")), WU).status())
                .isEqualTo(ApplicationStatus.PAID);
    }

    @Test
    void aSubmittedApplication_canBeCorrected_butNotOnceReviewed() {
        // given
        String id = applications.create(MEDICAL, ZHOU).id();

        // when
        AssistanceApplication corrected = applications.update(id, new ApplicationInput(null, "hardship", "家庭困难",
                new BigDecimal("3000"), List.of()), ZHOU);
        applications.review(id, null, LI);

        // then
        assertThat(corrected.kind()).isEqualTo(ApplicationKind.HARDSHIP);
        assertThat(corrected.amountRequested()).isEqualByComparingTo("3000");
        assertThatThrownBy(() -> applications.update(id, MEDICAL, ZHOU))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("application_locked"));
    }

    @Test
    void anInvalidApplication_namesEveryBadField_andAnUnknownMemberIsNotFound() {
        // when / then
        assertThatThrownBy(() -> applications.create(new ApplicationInput(" ", "loan", "", new BigDecimal("-1"),
                List.of("x".repeat(501))), ZHOU))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsOnlyKeys("memberId", "kind",
                        "reason", "amountRequested", "documents[0]"));
        assertThatThrownBy(() -> applications.create(new ApplicationInput("m-1", "other", "x", new BigDecimal("1.001"),
                null), ZHOU))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("amountRequested"));
        assertThatThrownBy(() -> applications.create(new ApplicationInput("m-9", "other", "x", BigDecimal.TEN, null), ZHOU))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void theReport_countsAndSumsEachStepInTheMonthItWasTaken() {
        // given one application submitted in March and paid in April, one rejected in March
        String a = applications.create(MEDICAL, ZHOU).id();
        String b = applications.create(new ApplicationInput("m-1", "hardship", "困难", new BigDecimal("800"), null), ZHOU).id();
        applications.review(a, null, LI);
        applications.approve(a, new StepInput(null, new BigDecimal("4000")), CHEN);
        applications.review(b, null, LI);
        applications.reject(b, new StepInput("不符合条件", null), CHEN);
        world.clock.set(Instant.parse("2026-04-10T02:00:00Z"));
        applications.pay(a, null, WU);

        // when
        ApplicationService.Report r = applications.report(Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-05-01T00:00:00Z"));

        // then
        assertThat(r.months()).extracting(ApplicationService.Month::month).containsExactly("2026-03", "2026-04");
        ApplicationService.Month march = r.months().get(0);
        assertThat(march.submitted()).isEqualTo(2);
        assertThat(march.requested()).isEqualByComparingTo("5800");
        assertThat(march.approved()).isEqualTo(1);
        assertThat(march.approvedAmount()).isEqualByComparingTo("4000");
        assertThat(march.rejected()).isEqualTo(1);
        assertThat(march.paid()).isZero();
        ApplicationService.Month april = r.months().get(1);
        assertThat(april.paid()).isEqualTo(1);
        assertThat(april.paidAmount()).isEqualByComparingTo("4000");
        assertThat(r.total().paidAmount()).isEqualByComparingTo("4000");
        assertThat(r.byKind()).containsEntry("medical", 1).containsEntry("hardship", 1);
    }

    @Test
    void theList_filtersByStatusAndMember_andRefusesAStatusItDoesNotKnow() {
        // given
        world.add(Fixtures.member("m-2").name("李娜").build());
        String a = applications.create(MEDICAL, ZHOU).id();
        applications.create(new ApplicationInput("m-2", "other", "x", BigDecimal.ONE, null), ZHOU);
        applications.review(a, null, LI);

        // when / then
        assertThat(applications.list("reviewed", null, PageRequest.first(50)).items()).extracting(AssistanceApplication::id)
                .containsExactly(a);
        assertThat(applications.list(null, "m-1", PageRequest.first(50)).items()).hasSize(1);
        assertThat(applications.list("submitted", "m-1", PageRequest.first(50)).items()).isEmpty();
        assertThat(applications.list(null, null, PageRequest.first(50)).items()).hasSize(2);
        assertThatThrownBy(() -> applications.list("granted", null, PageRequest.first(50))).isInstanceOf(Invalid.class);
    }

    @Test
    void everyStepThatCanBeRefused_hasItsMessageInBothLanguages() {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s == ApplicationStatus.SUBMITTED) continue;
            for (Language l : Language.values()) {
                assertThat(Messages.has(l, "error.application.transition." + s.wire())).as("%s %s", s, l).isTrue();
            }
        }
    }
}
