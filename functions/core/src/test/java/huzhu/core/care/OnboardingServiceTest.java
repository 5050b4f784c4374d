package huzhu.core.care;

import static huzhu.core.testing.Fixtures.phone;
import huzhu.core.testing.TriggerLinks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.audit.AuditEntry;
import huzhu.core.directory.DirectoryService;
import huzhu.core.directory.DirectoryService.AreaInput;
import huzhu.core.directory.DirectoryService.FamilyContactInput;
import huzhu.core.directory.DirectoryService.MemberInput;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.Member;
import huzhu.core.error.Conflict;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import huzhu.core.report.ReportService;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.SmsLength;
import huzhu.core.testing.CareWorld;
import huzhu.core.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Family onboarding: the introduction SMS, its link, its length, when it is sent, and what coverage says of it. */
class OnboardingServiceTest {
    private static final Actor OFFICER = new Actor("sub-1", "周干事");
    private static final String FATHER = phone(2);
    private static final String MOTHER = phone(3);
    private static final String LINK = "https://sos.example.org/v1/triggers/" + "A".repeat(22);

    private final CareWorld world = new CareWorld();
    private final OnboardingService onboarding = world.services.onboarding();

    private Member wang() {
        return world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).family("王德福", "父亲", FATHER)
                .family("李秀英", "母亲", MOTHER).build());
    }

    @Test
    void introduce_sendsEachFamilyContactTheIntroduction_withTheNumberTheLinkAnd120_issuingALinkForAMemberWithoutOne() {
        // given a member who never had a personal link
        wang();

        // when
        List<FamilyIntroduction> intros = onboarding.introduce("m-1", false, OFFICER);

        // then each contact got one SMS: whose family, the union's number, the new link, 120 first
        for (String to : List.of(FATHER, MOTHER)) {
            assertThat(world.messenger.bodiesTo(to)).singleElement().satisfies(body -> assertThat(body)
                    .contains("王建国", CareWorld.UNION_NUMBER, "https://sos.example.org/v1/triggers/" + firstLink("m-1"), "120"));
        }
        assertThat(world.messenger.bodiesTo(FATHER).get(0)).startsWith("【互助】王德福");
        assertThat(intros).extracting(FamilyIntroduction::phone).containsExactly(FATHER, MOTHER);
        assertThat(intros).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(IntroductionStatus.SENT);
            assertThat(i.linkIncluded()).isTrue();
            assertThat(i.messageId()).startsWith("msg-");
            assertThat(i.requestedBy()).isEqualTo("周干事");
        });
        assertThat(TriggerLinks.liveMemberOf(world.store.triggerTokens(), Hashes.sha256(firstLink("m-1")))).contains("m-1");
        assertThat(world.store.audit().list(null, null, PageRequest.first(10)).items()).extracting(AuditEntry::action)
                .contains("introduce", "trigger-link");
    }

    @Test
    void introduce_toAMemberWithALink_carriesTheLinkThatWorksNow_andKeepsThePrintedCardWorking() {
        // given a member whose card was printed with their first link
        wang();
        String printed = world.services.directory().issueTriggerLink("m-1", OFFICER).token();

        // when
        List<FamilyIntroduction> intros = onboarding.introduce("m-1", false, OFFICER);

        // then
        assertThat(TriggerLinks.liveMemberOf(world.store.triggerTokens(), Hashes.sha256(printed))).contains("m-1");
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().asString().contains("/v1/triggers/" + printed);
        assertThat(intros).allSatisfy(i -> assertThat(i.linkIncluded()).isTrue());
    }

    @Test
    void newLink_rotatesTheLink_andTellsTheFamilyTheNewOne() {
        // given
        wang();
        String printed = world.services.directory().issueTriggerLink("m-1", OFFICER).token();

        // when
        OnboardingService.NewLink issued = onboarding.newLink("m-1", OFFICER);

        // then the old card stops working, and every contact has the new link
        assertThat(issued.link().token()).isNotEqualTo(printed);
        assertThat(TriggerLinks.liveMemberOf(world.store.triggerTokens(), Hashes.sha256(printed))).isEmpty();
        for (String to : List.of(FATHER, MOTHER)) {
            assertThat(world.messenger.bodiesTo(to)).last().asString().contains(issued.link().url());
        }
        assertThat(issued.introductions()).extracting(FamilyIntroduction::status).containsOnly(IntroductionStatus.SENT);
    }

    @Test
    void introduce_leavesALinkIssuedBeforeLinksCouldBeGivenAgainAlone_andSendsTheIntroductionWithoutIt() {
        // given a member whose printed card carries a random token of the old kind
        wang();
        world.store.triggerTokens().bind("m-1", Hashes.sha256("printed-card-token"));

        // when
        List<FamilyIntroduction> intros = onboarding.introduce("m-1", false, OFFICER);

        // then the card still works, and the SMS has the number but no link
        assertThat(TriggerLinks.liveMemberOf(world.store.triggerTokens(), Hashes.sha256("printed-card-token"))).contains("m-1");
        assertThat(world.messenger.bodiesTo(FATHER)).singleElement().satisfies(body -> assertThat(body)
                .contains(CareWorld.UNION_NUMBER, "120").doesNotContain("http"));
        assertThat(intros).allSatisfy(i -> assertThat(i.linkIncluded()).isFalse());
    }

    @Test
    void introduce_withRotateLink_sendsANewLink_andTheOldOneStopsWorking() {
        // given
        wang();
        world.store.triggerTokens().bind("m-1", Hashes.sha256("printed-card-token"));

        // when
        onboarding.introduce("m-1", true, OFFICER);

        // then
        assertThat(TriggerLinks.liveMemberOf(world.store.triggerTokens(), Hashes.sha256("printed-card-token"))).isEmpty();
        assertThat(world.messenger.bodiesTo(FATHER).get(0)).contains("/v1/triggers/" + firstLink("m-1"));
        assertThat(onboarding.introductionsOf("m-1")).allSatisfy(i -> assertThat(i.linkIncluded()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theIntroduction_withACustomDomain_isOneSmsOfAtMostTwoSegments(Language language) {
        // given
        Member m = Fixtures.member("m-1").name(language == Language.EN ? "Wang Jianguo" : "王建国").language(language)
                .build();
        FamilyContact contact = new FamilyContact(language == Language.EN ? "Wang Defu" : "王德福", "父亲", FATHER);

        // when
        List<String> texts = onboarding.texts(m, contact, Optional.of(LINK)).stream().map(RenderedSms::text).toList();

        // then
        assertThat(texts).singleElement().satisfies(text -> {
            assertThat(SmsLength.segments(text)).isLessThanOrEqualTo(SmsComposer.MAX_SEGMENTS);
            assertThat(text).contains(m.name(), contact.name(), CareWorld.UNION_NUMBER, "120", LINK);
        });
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theIntroduction_withTheLongestNames_staysWithinTwoSegmentsPerSms_andKeepsNumberLinkAnd120(Language language) {
        // given the longest names the directory takes
        Member m = Fixtures.member("m-1").name("欧阳".repeat(25)).language(language).build();
        FamilyContact contact = new FamilyContact("司马".repeat(25), "父亲", FATHER);

        // when
        List<String> texts = onboarding.texts(m, contact, Optional.of(LINK)).stream().map(RenderedSms::text).toList();

        // then
        assertThat(texts).allSatisfy(t -> assertThat(SmsLength.segments(t)).isLessThanOrEqualTo(SmsComposer.MAX_SEGMENTS));
        assertThat(texts.get(0)).contains(CareWorld.UNION_NUMBER, "120", "欧阳");
        assertThat(String.join(" ", texts)).contains(LINK);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theIntroduction_withTheApisLongOwnUrl_sendsTheLinkInASecondSms_eachWithinTwoSegments(Language language) {
        // given the execute-api URL a stack without a custom domain links to
        String link = "https://abcdefghij.execute-api.ap-southeast-1.amazonaws.com/v1/triggers/" + "A".repeat(22);
        Member m = Fixtures.member("m-1").name("王建国").language(language).build();

        // when
        List<String> texts = onboarding.texts(m, new FamilyContact("王德福", "父亲", FATHER), Optional.of(link)).stream()
                .map(RenderedSms::text).toList();

        // then the introduction in full, then the link; neither over two segments
        assertThat(texts).hasSize(2).allSatisfy(t -> assertThat(SmsLength.segments(t)).isLessThanOrEqualTo(2));
        assertThat(texts.get(0)).contains("王建国", CareWorld.UNION_NUMBER, "120").doesNotContain("http");
        assertThat(texts.get(1)).contains(link, "120");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void withoutAUnionNumberConfigured_theIntroductionTellsThemToReplyToThisNumber(Language language) {
        // given
        CareWorld noNumber = new CareWorld(new CareConfig(null, 10, Duration.ofDays(7), true, Duration.ofSeconds(30),
                Duration.ofSeconds(5)));
        Member m = Fixtures.member("m-1").name("王建国").language(language).build();

        // when
        String text = noNumber.services.onboarding().texts(m, new FamilyContact("王德福", "父亲", FATHER),
                Optional.empty()).get(0).text();

        // then
        assertThat(text).contains(language == Language.EN ? "Reply to this SMS" : "回复本短信");
        assertThat(SmsLength.segments(text)).isLessThanOrEqualTo(2);
    }

    @Test
    void anIntroductionThatCannotBeSent_isRecordedAsFailed_withTheReason() {
        // given
        wang();
        world.messenger.failPermanently(MOTHER);

        // when
        onboarding.introduce("m-1", false, OFFICER);

        // then
        FamilyIntroduction failed = world.store.introductions().get("m-1", MOTHER).orElseThrow();
        assertThat(failed.status()).isEqualTo(IntroductionStatus.FAILED);
        assertThat(failed.failureReason()).contains("permanent");
        assertThat(world.store.introductions().get("m-1", FATHER).orElseThrow().reached()).isTrue();
    }

    @Test
    void introduce_forAMemberWithoutFamilyContacts_isAConflict() {
        // given
        world.add(Fixtures.member("m-1").build());

        // when / then
        assertThatThrownBy(() -> onboarding.introduce("m-1", false, OFFICER))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("no_family_contact"));
        assertThat(world.messenger.attempts()).isEmpty();
    }

    @Test
    void addingAFamilyContact_introducesThatContactAlone_atOnce() {
        // given a member created with one contact: the contact was introduced then
        DirectoryService dir = world.services.directory();
        Member m = dir.createMember(input(List.of(new FamilyContactInput("王德福", "父亲", FATHER))), OFFICER);
        assertThat(world.messenger.bodiesTo(FATHER)).hasSize(1);

        // when an edit adds a second contact and keeps the first
        dir.updateMember(m.id(), input(List.of(new FamilyContactInput("王德福", "父亲", FATHER),
                new FamilyContactInput("李秀英", "母亲", MOTHER))), OFFICER);

        // then only the new one hears from us, and an edit that adds nobody sends nothing
        assertThat(world.messenger.bodiesTo(FATHER)).hasSize(1);
        assertThat(world.messenger.bodiesTo(MOTHER)).hasSize(1);
        dir.updateMember(m.id(), input(List.of(new FamilyContactInput("王德福", "父亲", FATHER),
                new FamilyContactInput("李秀英", "母亲", MOTHER))), OFFICER);
        assertThat(world.messenger.attempts()).hasSize(2);
    }

    @Test
    void addingAFamilyContact_sendsNothing_whenTheUnionTurnedThatOff() {
        // given
        CareWorld quiet = new CareWorld(new CareConfig(CareWorld.UNION_NUMBER, 10, Duration.ofDays(7), false,
                Duration.ofSeconds(30), Duration.ofSeconds(5)));

        // when
        quiet.services.directory().createMember(input(List.of(new FamilyContactInput("王德福", "父亲", FATHER))), OFFICER);

        // then
        assertThat(quiet.messenger.attempts()).isEmpty();
    }

    @Test
    void anImportedRoster_queuesTheIntroductions_andThePeriodicSenderSendsThemAtThePace() {
        // given a roster of 25 members with one contact each
        StringBuilder csv = new StringBuilder("姓名,手机,城市,家属姓名,家属关系,家属手机\n");
        for (int i = 0; i < 25; i++) {
            csv.append("会员").append(i).append(',').append(phone(100 + i)).append(",杭州,家属").append(i)
                    .append(",父亲,").append(phone(200 + i)).append('\n');
        }

        // when it is imported
        world.services.directory().importMembers(csv.toString(), false, OFFICER);

        // then nothing went out in the request; the queue holds 25
        assertThat(world.messenger.attempts()).isEmpty();
        assertThat(world.store.introductions().withStatus(IntroductionStatus.PENDING)).hasSize(25);

        // when the periodic sender runs
        CampaignService.Run run = world.services.campaigns().runDue();

        // then all 25 went out, ten a second: three batches, two waits of a second
        assertThat(run.sent()).isEqualTo(25);
        assertThat(world.messenger.sent()).hasSize(25);
        assertThat(world.waited()).isEqualTo(Duration.ofSeconds(2));
        assertThat(world.services.reports().coverage().familyReach().familiesReached()).isEqualTo(25);
    }

    @Test
    void introduceAll_queuesOnlyTheFamiliesNotReached_andCoverageCountsFamiliesReached() {
        // given one family reached, one never introduced, one member without family
        wang();
        onboarding.introduce("m-1", false, OFFICER);
        world.add(Fixtures.member("m-2").name("李娜").family("李父", "父亲", phone(4)).build());
        world.add(Fixtures.member("m-3").name("陈刚").build());
        ReportService.FamilyReach before = world.services.reports().coverage().familyReach();

        // when
        OnboardingService.Queued queued = onboarding.introduceAll(false, OFFICER);
        world.services.campaigns().runDue();

        // then
        assertThat(before.families()).isEqualTo(2);
        assertThat(before.familiesReached()).isEqualTo(1);
        assertThat(before.notIntroduced()).isEqualTo(1);
        assertThat(before.familiesNotReached()).extracting(ReportService.MemberGap::name).containsExactly("李娜");
        assertThat(queued).isEqualTo(new OnboardingService.Queued(3, 1, 2, 0));
        assertThat(world.messenger.bodiesTo(phone(4))).hasSize(1);
        ReportService.FamilyReach after = world.services.reports().coverage().familyReach();
        assertThat(after.familiesReached()).isEqualTo(2);
        assertThat(after.contactsReached()).isEqualTo(3);
        assertThat(after.familiesNotReached()).isEmpty();
    }

    @Test
    void aQueuedIntroduction_whoseContactWasRemovedMeanwhile_isNotSent() {
        // given
        Member m = wang();
        onboarding.introduceAll(false, OFFICER);
        world.store.directory().members().update(new Member(m.id(), m.name(), m.phone(), m.unit(), m.homeArea(), m.homeAddress(),
                m.location(), List.of(m.familyContacts().get(0)), m.language(), m.createdAt(), m.updatedAt(), m.version() + 1));

        // when
        world.services.campaigns().runDue();

        // then
        assertThat(world.messenger.bodiesTo(MOTHER)).isEmpty();
        assertThat(world.store.introductions().get("m-1", MOTHER).orElseThrow().status()).isEqualTo(IntroductionStatus.FAILED);
        assertThat(world.messenger.bodiesTo(FATHER)).hasSize(1);
    }

    private static MemberInput input(List<FamilyContactInput> family) {
        return new MemberInput("王建国", phone(1), "第一分会", new AreaInput("杭州", "西湖区"), null, null, family, null);
    }

    /** The token of a member's first personal link, as the union's key makes it. */
    private static String firstLink(String memberId) {
        return CareWorld.CONFIG.personalLinkTokens().token(memberId, 1);
    }
}
