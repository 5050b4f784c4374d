package huzhu.core.care;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.care.BereavementService.BereavementInput;
import huzhu.core.care.BereavementService.Recorded;
import huzhu.core.directory.Member;
import huzhu.core.group.GroupFact;
import huzhu.core.incident.Channel;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.PageRequest;
import huzhu.core.kernel.StatusFilter;
import huzhu.core.testing.CareWorld;
import huzhu.core.testing.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A death in a member's family: no volunteer alerted, both levels of leaders told at once, a checklist opened. */
class BereavementServiceTest {
    private static final Actor ZHOU = new Actor("sub-1", "周干事");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final CareWorld world = new CareWorld();
    private Member member;

    @BeforeEach
    void aMemberWithHisFather_aNeighbour_andTwoLevelsOfLeaders() {
        member = world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).unit("机修车间").home("唐山", "路北区")
                .family("王小红", "女儿", phone(2)).build());
        world.add(Fixtures.liNa().area("唐山", "路北区").build());
        world.add(Fixtures.leader("l-1").name("周干事").phone(phone(21)).level(1).build());
        world.add(Fixtures.leader("l-2").name("陈主席").phone(phone(22)).level(2).build());
    }

    @Test
    void anOfficerRecordingADeath_alertsNoVolunteer_tellsBothLevelsOfLeadersAtOnce_andTheLeadersGroup() {
        // when
        Recorded r = world.services.bereavements().record(new BereavementInput("m-1", "父亲", "王德福", "昨晚病逝",
                null, null, null, null), ZHOU);

        // then
        Incident death = r.incident();
        assertThat(death.type()).isEqualTo(IncidentType.BEREAVEMENT);
        assertThat(death.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(death.nextEscalationAt()).isNull();
        assertThat(death.alerts()).isEmpty();
        assertThat(world.messenger.sentTo(phone(11))).isEmpty();
        assertThat(world.messenger.bodiesTo(phone(21))).singleElement().asString()
                .contains(death.code(), "王建国", "机修车间", "父亲 王德福", "昨晚病逝", "无需回复");
        assertThat(world.messenger.bodiesTo(phone(22))).singleElement().asString().contains(death.code());
        assertThat(world.group.facts()).containsExactly(
                new GroupFact.BereavementRecorded(death.id(), death.code(), "路北区"));
    }

    @Test
    void theChecklist_hasTheArrangementsVisitAndPayment_withOwnersAndDueDates_andThePaymentIsAnApplication() {
        // when
        Recorded r = world.services.bereavements().record(new BereavementInput("m-1", "父亲", "王德福", null,
                "陈主席", "刘会计", null, null), ZHOU);

        // then
        assertThat(r.checklist()).extracting(FollowUp::kind, FollowUp::task, FollowUp::owner, FollowUp::dueDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FollowUpKind.BEREAVEMENT, "协助料理后事", "周干事", TODAY),
                        org.assertj.core.groups.Tuple.tuple(FollowUpKind.VISIT, "上门吊唁慰问", "陈主席", TODAY.plusDays(1)),
                        org.assertj.core.groups.Tuple.tuple(FollowUpKind.ASSISTANCE, "丧葬慰问金申请与发放", "刘会计",
                                TODAY.plusDays(3)));
        assertThat(r.checklist()).allSatisfy(f -> assertThat(f.incidentId()).isEqualTo(r.incident().id()));
        AssistanceApplication payment = r.application();
        assertThat(payment.kind()).isEqualTo(ApplicationKind.BEREAVEMENT);
        assertThat(payment.amountRequested()).isEqualByComparingTo("500");
        assertThat(payment.reason()).contains("王建国", "父亲 王德福");
        assertThat(r.checklist().get(2).applicationId()).isEqualTo(payment.id());
        assertThat(world.services.incidents().get(r.incident().id()).timeline())
                .anySatisfy(e -> assertThat(e.text()).contains("协助料理后事", "上门吊唁慰问", "丧葬慰问金"));
    }

    @Test
    void theChecklistsTimelineLine_isWrittenInEveryLanguage_likeEveryOtherLineOfTheSystems() {
        // when
        Recorded r = world.services.bereavements().record(new BereavementInput("m-1", "父亲", "王德福", null,
                "陈主席", "刘会计", null, null), ZHOU);

        // then the console shows the reader's language
        TimelineEntry line = world.services.incidents().get(r.incident().id()).timeline().stream()
                .filter(e -> e.text().startsWith("已开出慰问清单")).findFirst().orElseThrow();
        assertThat(line.text()).isEqualTo("已开出慰问清单：协助料理后事（周干事，2026-03-02）、上门吊唁慰问（陈主席，2026-03-03）、"
                + "丧葬慰问金申请与发放（刘会计，2026-03-05）");
        assertThat(line.texts()).containsEntry("zh-CN", line.text()).containsEntry("en", "Checklist opened: "
                + "Help with the arrangements (周干事, 2026-03-02); Condolence visit (陈主席, 2026-03-03); "
                + "Condolence payment: application and payment (刘会计, 2026-03-05)");
        assertThat(line.actor()).isEqualTo("system");
    }

    @Test
    void anAmountTheOfficerGives_isTheCondolencePayment() {
        // when
        Recorded r = world.services.bereavements().record(new BereavementInput("m-1", "母亲", null, null, null, null,
                null, new BigDecimal("1000")), ZHOU);

        // then
        assertThat(r.application().amountRequested()).isEqualByComparingTo("1000");
    }

    @Test
    void theFamilyTextingOfADeath_recordsIt_withTheRelationFromTheirWords_andTheyAndTheMemberHaveTheUnionsCondolences() {
        // when
        Handled handled = sms(phone(2), "我爷爷今天早上去世了，家里在办丧事", "in-1");

        // then
        assertThat(handled).isEqualTo(Handled.BEREAVEMENT);
        Incident death = onlyIncident();
        assertThat(death.type()).isEqualTo(IncidentType.BEREAVEMENT);
        assertThat(death.reporter().channel()).isEqualTo(Channel.SMS);
        assertThat(death.reporter().phone()).isEqualTo(phone(2));
        assertThat(world.messenger.sentTo(phone(11))).isEmpty();
        assertThat(world.messenger.bodiesTo(phone(21))).singleElement().asString().contains("爷爷", "王建国");
        assertThat(world.messenger.bodiesTo(phone(2))).singleElement().asString().contains("深表哀悼", death.code());
        assertThat(world.messenger.bodiesTo(phone(1))).singleElement().asString().contains("深表哀悼");
        // reported by SMS, the first officer sees to the checklist
        assertThat(world.services.bereavements().checklist(death.id())).hasSize(3)
                .allSatisfy(f -> assertThat(f.owner()).isEqualTo("周干事"));
    }

    @Test
    void anEmergencyInTheSameWords_isStillAnEmergency_volunteersAreAlerted() {
        // when
        Handled handled = sms(phone(2), "快来人，爷爷好像不行了", "in-1");

        // then
        assertThat(handled).isEqualTo(Handled.OPENED);
        assertThat(onlyIncident().type()).isNotEqualTo(IncidentType.BEREAVEMENT);
        assertThat(world.messenger.sentTo(phone(11))).hasSize(1);
    }

    @Test
    void afterADeathIsRecorded_theFamilysFurtherWordsGoToItsTimeline_butAnEmergencyStillOpensAnIncident() {
        // given
        sms(phone(2), "我爷爷去世了", "in-1");
        Incident death = onlyIncident();

        // when
        Handled words = sms(phone(2), "追悼会定在周六上午", "in-2");
        Handled emergency = sms(phone(2), "奶奶听到消息晕倒了", "in-3");

        // then
        assertThat(words).isEqualTo(Handled.BEREAVEMENT);
        assertThat(world.services.incidents().get(death.id()).timeline())
                .anySatisfy(e -> assertThat(e.text()).contains("追悼会定在周六上午"));
        assertThat(emergency).isEqualTo(Handled.OPENED);
        assertThat(world.messenger.sentTo(phone(11))).hasSize(1);
    }

    @Test
    void theSameSmsDeliveredTwice_recordsOneDeath_andOneChecklist() {
        // when
        sms(phone(2), "我爷爷去世了", "in-1");
        world.services.inboundSms().handle(new InboundSms(phone(2), "+8610690000", "我爷爷去世了", null, null));
        sms(phone(2), "我爷爷去世了", "in-1");

        // then
        assertThat(world.store.incidents().active()).hasSize(1);
        assertThat(world.store.followUps().list(StatusFilter.parse(FollowUpStatus.class, null), PageRequest.first(50))
                .items()).hasSize(3);
    }

    @Test
    void anOfficerRecordingTheSameDeathThrice_withOneIdempotencyKey_recordsItOnce_andTextsEachLeaderOnce() {
        // given the console's three clicks over a slow network, each carrying the form's key
        BereavementInput death = new BereavementInput("m-1", "父亲", "王德福", "昨晚病逝", null, null, null, null);

        // when
        Recorded first = world.services.bereavements().record(death, ZHOU, "form-key-1");
        Recorded second = world.services.bereavements().record(death, ZHOU, "form-key-1");
        Recorded third = world.services.bereavements().record(death, ZHOU, "form-key-1");

        // then
        assertThat(List.of(second.incident().id(), third.incident().id())).containsOnly(first.incident().id());
        assertThat(world.store.incidents().active()).hasSize(1);
        assertThat(world.messenger.bodiesTo(phone(21))).hasSize(1);
        assertThat(world.messenger.bodiesTo(phone(22))).hasSize(1);
        assertThat(third.checklist()).hasSize(3);
        assertThat(world.store.applications().list(StatusFilter.parse(ApplicationStatus.class, null), PageRequest.first(50))
                .items()).hasSize(1);
    }

    @Test
    void twoRecordsWithoutAKey_areTwoDeaths() {
        // when
        world.services.bereavements().record(new BereavementInput("m-1", "父亲", "王德福", null, null, null, null, null), ZHOU);
        world.services.bereavements().record(new BereavementInput("m-1", "母亲", "李秀英", null, null, null, null, null), ZHOU);

        // then
        assertThat(world.store.incidents().active()).hasSize(2);
    }

    private Handled sms(String from, String body, String id) {
        return world.services.inboundSms().handle(new InboundSms(from, "+8610690000", body, id, null));
    }

    private Incident onlyIncident() {
        List<Incident> active = world.store.incidents().active();
        assertThat(active).hasSize(1);
        return active.get(0);
    }
}
