package huzhu.core.care;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.Services;
import huzhu.core.audit.AuditEntry;
import huzhu.core.care.NoticeDrafts.AudienceInput;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.care.NoticeDrafts.NoticeView;
import huzhu.core.directory.PersonKind;
import huzhu.core.error.Conflict;
import huzhu.core.error.Invalid;
import huzhu.core.error.NotFound;
import huzhu.core.incident.InboundSmsService;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.PageRequest;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsLength;
import huzhu.core.testing.CareWorld;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Notices: writing, sending at the pace, resuming, scheduling, cancelling, audiences, the SMS text, the topic. */
class NoticesTest {
    private static final Actor OFFICER = new Actor("sub-1", "周干事");
    private static final NoticeInput SHORT = new NoticeInput("夏季安全提醒", "高温天气请注意防暑，外出带水。",
            new AudienceInput("all-members", null), null);

    private final CareWorld world = new CareWorld();
    private final NoticeDrafts notices = world.services.notices();

    private void members(int n) {
        for (int i = 0; i < n; i++) {
            world.add(Fixtures.member(String.format("m-%03d", i)).name("会员" + i).phone(phone(1000 + i))
                    .unit(i % 2 == 0 ? "第一分会" : "第二分会").build());
        }
    }

    @Test
    void aMemberWhoTextedStop_getsNoNotice_whileEveryoneElseDoes() {
        // given twelve members, one of whom texted 退订
        members(12);
        world.services.inboundSms().handle(new InboundSmsService.InboundSms(phone(1003), "+8610690000000", "退订",
                "in-stop-1", null));
        world.messenger.clear();
        NoticeView draft = notices.create(SHORT, OFFICER);

        // when
        notices.sendNow(draft.notice().id(), OFFICER);
        world.services.campaigns().runForRequest();

        // then
        assertThat(world.messenger.sent()).hasSize(11).extracting(a -> a.to()).doesNotContain(phone(1003));
    }

    @Test
    void aDraft_sentNow_reachesEveryMemberOnce_recordsEachDelivery_andGoesToTheTopicOnce() {
        // given
        members(12);
        NoticeView draft = notices.create(SHORT, OFFICER);
        assertThat(draft.notice().status()).isEqualTo(NoticeStatus.DRAFT);

        // when
        notices.sendNow(draft.notice().id(), OFFICER);
        CampaignService.Run run = world.services.campaigns().runForRequest();

        // then
        NoticeView sent = notices.get(draft.notice().id());
        assertThat(run.sent()).isEqualTo(12);
        assertThat(sent.notice().status()).isEqualTo(NoticeStatus.SENT);
        assertThat(sent.progress()).isEqualTo(new NoticeDrafts.Progress(12, 0, 0, 12, 0));
        assertThat(world.messenger.sent()).hasSize(12).extracting(a -> a.to()).doesNotHaveDuplicates();
        // Chinese punctuation goes out as the officer wrote it
        assertThat(world.messenger.sent().get(0).body()).isEqualTo("【互助】夏季安全提醒：高温天气请注意防暑，外出带水。（回复本短信可留言）");
        assertThat(notices.deliveries(draft.notice().id())).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.messageId()).startsWith("msg-");
            assertThat(d.sentAt()).isNotNull();
            assertThat(d.kind()).isEqualTo(PersonKind.MEMBER);
        });
        assertThat(world.broadcast).singleElement().satisfies(n -> assertThat(n.title()).isEqualTo("夏季安全提醒"));
        assertThat(sent.notice().topicMessageId()).isEqualTo("topic-1");
        assertThat(world.store.audit().list(null, null, PageRequest.first(10)).items()).extracting(AuditEntry::action)
                .contains("create", "send");

        // and running again sends nothing more
        world.services.campaigns().runDue();
        assertThat(world.messenger.sent()).hasSize(12);
        assertThat(world.broadcast).hasSize(1);
    }

    @Test
    void theSend_keepsToTheConfiguredRate_tenASecond() {
        // given
        members(95);
        String id = notices.create(SHORT, OFFICER).notice().id();

        // when
        notices.sendNow(id, OFFICER);
        Instant start = world.clock.instant();
        world.services.campaigns().runDue();

        // then ten batches of at most ten, a second apart: no second holds more than ten
        Map<Long, Integer> perSecond = new HashMap<>();
        for (NoticeDelivery d : notices.deliveries(id)) {
            perSecond.merge(Duration.between(start, d.sentAt()).toSeconds(), 1, Integer::sum);
        }
        assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(10));
        assertThat(perSecond).hasSize(10);
        assertThat(world.waited()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aSendThatRunsOutOfTime_leavesTheRestPending_andTheNextRunFinishesIt() {
        // given 300 members, and a console request that may send for 5 seconds
        members(300);
        String id = notices.create(SHORT, OFFICER).notice().id();
        notices.sendNow(id, OFFICER);

        // when
        CampaignService.Run first = world.services.campaigns().runForRequest();

        // then about fifty went out and the rest wait
        assertThat(first.finished()).isFalse();
        assertThat(first.sent()).isBetween(40, 60);
        NoticeView half = notices.get(id);
        assertThat(half.notice().status()).isEqualTo(NoticeStatus.SENDING);
        assertThat(half.progress().pending()).isEqualTo(300 - first.sent());

        // when the periodic sender runs twice (30 s each)
        world.services.campaigns().runDue();
        world.services.campaigns().runDue();

        // then everyone got it exactly once
        assertThat(notices.get(id).notice().status()).isEqualTo(NoticeStatus.SENT);
        assertThat(world.messenger.sent()).hasSize(300).extracting(a -> a.to()).doesNotHaveDuplicates();
    }

    @Test
    void aSenderThatCrashesMidWay_neverSendsTwice_andTheNextRunSendsTheRest() {
        // given a messenger that dies on its 25th send, after SNS may have taken it
        members(40);
        AtomicInteger calls = new AtomicInteger();
        List<String> reached = new ArrayList<>();
        Messenger crashing = sms -> {
            if (calls.incrementAndGet() == 25) throw new IllegalStateException("the Lambda ran out of time");
            synchronized (reached) {
                reached.add(sms.to());
            }
            return SendResult.sent("m-" + calls.get());
        };
        Services services = Services.create(world.store, crashing, huzhu.core.incident.LeaderAnnouncements.NONE,
                huzhu.core.incident.EscalationTimer.NONE, world.clock, world.ids, CareWorld.CONFIG,
                new Services.Care(world.care, world.topic, world.sleeper));
        String id = services.notices().create(SHORT, OFFICER).notice().id();
        services.notices().sendNow(id, OFFICER);

        // when the first run dies, and a later one runs after the claim timed out
        assertThatThrownBy(() -> services.campaigns().runDue()).hasMessageContaining("ran out of time");
        world.clock.advance(Duration.ofMinutes(3));
        services.campaigns().runDue();

        // then nobody got it twice; the batch in flight when it died (ten: one second's worth) counts as failed,
        // "interrupted" — each of those may or may not have gone out — and everyone else got it
        assertThat(reached).doesNotHaveDuplicates();
        List<NoticeDelivery> all = services.notices().deliveries(id);
        List<NoticeDelivery> interrupted = all.stream().filter(d -> d.status() == DeliveryStatus.FAILED).toList();
        assertThat(interrupted).hasSize(10).allSatisfy(d -> assertThat(d.failureReason()).isEqualTo("interrupted"));
        assertThat(all).filteredOn(d -> d.status() == DeliveryStatus.SENT).hasSize(30)
                .allSatisfy(d -> assertThat(reached).contains(d.phone()));
        assertThat(services.notices().get(id).notice().status()).isEqualTo(NoticeStatus.SENT);
    }

    @Test
    void aRunWhileAnotherHoldsTheLease_sendsNothing_soTheRateIsNotDoubled() {
        // given
        members(5);
        String id = notices.create(SHORT, OFFICER).notice().id();
        notices.sendNow(id, OFFICER);
        world.store.leases().acquire(CampaignService.LEASE, "another-run", world.clock.instant().plusSeconds(45),
                world.clock.instant());

        // when
        CampaignService.Run run = world.services.campaigns().runDue();

        // then
        assertThat(run.ran()).isFalse();
        assertThat(world.messenger.attempts()).isEmpty();
        assertThat(notices.get(id).progress().pending()).isZero(); // not even resolved: the holder does it
    }

    @Test
    void aScheduledNotice_goesOutWithTheFirstRunAfterItsTime_notBefore() {
        // given
        members(3);
        Instant at = world.clock.instant().plus(Duration.ofDays(2));
        String id = notices.create(new NoticeInput("端午慰问", "工会将发放端午节慰问品。", new AudienceInput("all-members", null),
                at.toString()), OFFICER).notice().id();

        // when the sweep runs before and after its time
        world.services.campaigns().runDue();
        int before = world.messenger.attempts().size();
        world.clock.set(at.plusSeconds(30));
        world.services.campaigns().runDue();

        // then
        assertThat(before).isZero();
        assertThat(notices.get(id).notice().status()).isEqualTo(NoticeStatus.SENT);
        assertThat(world.messenger.sent()).hasSize(3);
    }

    @Test
    void aScheduledTimeInThePast_orNotATime_isInvalid() {
        // when / then
        assertThatThrownBy(() -> notices.create(new NoticeInput("t", "x", new AudienceInput("all-members", null),
                world.clock.instant().minusSeconds(1).toString()), OFFICER))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("scheduledAt"));
        assertThatThrownBy(() -> notices.create(new NoticeInput("t", "x", new AudienceInput("all-members", null),
                "next tuesday"), OFFICER))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsEntry("scheduledAt",
                        "invalid.time"));
        assertThatThrownBy(() -> notices.create(new NoticeInput(" ", null, new AudienceInput("unit", " "), null), OFFICER))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsOnlyKeys("title", "text",
                        "audience.unit"));
        assertThatThrownBy(() -> notices.create(new NoticeInput("t", "x", new AudienceInput("everyone", null), null),
                OFFICER)).isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("audience.kind"));
    }

    @Test
    void aLongNotice_goesAsItsBeginningAndALinkToTheNoticePage_withinTwoSegments_inEachLanguage() {
        // given
        world.add(Fixtures.member("m-1").phone(phone(1)).build());
        world.add(Fixtures.member("m-2").phone(phone(2)).language(Language.EN).build());
        String text = "今年夏季高温天气较多，请各位会员注意防暑降温。".repeat(10) + "\n\n详情请咨询各分会。";
        String id = notices.create(new NoticeInput("夏季安全提醒", text, new AudienceInput("all-members", null), null),
                OFFICER).notice().id();

        // when
        notices.sendNow(id, OFFICER);
        world.services.campaigns().runDue();

        // then
        String link = "https://sos.example.org/v1/notices/" + id + "/page";
        for (String to : List.of(phone(1), phone(2))) {
            assertThat(world.messenger.bodiesTo(to)).singleElement().satisfies(body -> {
                assertThat(body).contains("夏季安全提醒", link);
                assertThat(SmsLength.segments(body)).isLessThanOrEqualTo(2);
            });
        }
        assertThat(notices.get(id).notice().linkInSms()).isTrue();
        assertThat(notices.published(id).text()).contains("\n\n详情请咨询各分会。");
    }

    @Test
    void preview_showsTheSmsPerLanguage_itsSegments_andHowManyItWouldReach() {
        // given
        members(4);

        // when
        NoticeDrafts.Preview p = notices.preview(new NoticeInput("通知", "第一分会周六开会。",
                new AudienceInput("unit", "第一分会"), null));

        // then
        assertThat(p.recipients()).isEqualTo(2);
        assertThat(p.sms()).containsKeys("zh-CN", "en");
        assertThat(p.segments().get("zh-CN")).isEqualTo(1);
        assertThat(p.linkInSms()).isFalse();
    }

    @Test
    void audiences_reachTheRightPeople_onePerPhone_leavingOutVolunteersWhoOptedOut() {
        // given
        world.add(Fixtures.member("m-1").phone(phone(1)).unit("第一分会").family("父亲", "父亲", phone(2)).build());
        world.add(Fixtures.member("m-2").phone(phone(3)).unit("第二分会").family("父亲", "父亲", phone(2))
                .family("母亲", "母亲", phone(4)).build());
        world.add(Fixtures.volunteer("v-1").phone(phone(11)).build());
        world.add(Fixtures.volunteer("v-2").phone(phone(12)).build().optedOut(world.clock.instant()));
        world.add(Fixtures.leader("l-1").phone(phone(21)).build());

        // when / then
        assertThat(reached(new AudienceInput("all-members", null))).containsExactlyInAnyOrder(phone(1), phone(3));
        assertThat(reached(new AudienceInput("unit", " 第二分会 "))).containsExactly(phone(3));
        assertThat(reached(new AudienceInput("family-contacts", null))).containsExactlyInAnyOrder(phone(2), phone(4));
        assertThat(reached(new AudienceInput("volunteers", null))).containsExactly(phone(11));
        assertThat(reached(new AudienceInput("leaders", null))).containsExactly(phone(21));
    }

    private List<String> reached(AudienceInput audience) {
        world.messenger.clear();
        String id = notices.create(new NoticeInput("通知", "内容", audience, null), OFFICER).notice().id();
        notices.sendNow(id, OFFICER);
        world.services.campaigns().runDue();
        return world.messenger.sent().stream().map(a -> a.to()).toList();
    }

    @Test
    void aCancelledNotice_stopsSending_andASentOneCannotBeCancelledOrChanged() {
        // given a send that ran out of time half way
        members(100);
        String id = notices.create(SHORT, OFFICER).notice().id();
        notices.sendNow(id, OFFICER);
        world.services.campaigns().runForRequest();
        int sentBefore = world.messenger.sent().size();

        // when
        notices.cancel(id, OFFICER);
        world.services.campaigns().runDue();

        // then
        assertThat(world.messenger.sent()).hasSize(sentBefore);
        assertThat(notices.get(id).notice().status()).isEqualTo(NoticeStatus.CANCELLED);
        assertThatThrownBy(() -> notices.cancel(id, OFFICER))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("notice_closed"));
        assertThatThrownBy(() -> notices.update(id, SHORT, OFFICER))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("notice_not_editable"));
        assertThatThrownBy(() -> notices.sendNow(id, OFFICER))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("notice_already_sending"));
    }

    @Test
    void thePublicPage_showsOnlyWhatWasSentOut() {
        // given
        members(1);
        String draft = notices.create(SHORT, OFFICER).notice().id();
        String sent = notices.create(SHORT, OFFICER).notice().id();
        notices.sendNow(sent, OFFICER);

        // when / then
        assertThatThrownBy(() -> notices.published(draft)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> notices.published("nope")).isInstanceOf(NotFound.class);
        assertThat(notices.published(sent).title()).isEqualTo("夏季安全提醒");
    }

    @Test
    void aFailedSend_isCountedAsFailed_withItsReason() {
        // given
        members(3);
        world.messenger.failPermanently(phone(1001));
        String id = notices.create(SHORT, OFFICER).notice().id();

        // when
        notices.sendNow(id, OFFICER);
        world.services.campaigns().runDue();

        // then
        NoticeView v = notices.get(id);
        assertThat(v.progress()).isEqualTo(new NoticeDrafts.Progress(3, 0, 0, 2, 1));
        assertThat(v.notice().status()).isEqualTo(NoticeStatus.SENT);
        assertThat(notices.deliveries(id)).filteredOn(d -> d.phone().equals(phone(1001))).singleElement()
                .satisfies(d -> assertThat(d.failureReason()).contains("permanent"));
    }

    @Test
    void theStoreNeverSeesAMessageTwice_evenWithTwoServicesOnOneStore() {
        // given two functions (the sweep and the console) on one store, the lease taken by neither
        members(30);
        InMemoryStore store = world.store;
        String id = notices.create(SHORT, OFFICER).notice().id();
        notices.sendNow(id, OFFICER);
        List<OutboundSms> sent = new ArrayList<>();
        Messenger recording = sms -> {
            synchronized (sent) {
                sent.add(sms);
            }
            return SendResult.sent("x");
        };
        Services a = Services.create(store, recording, huzhu.core.incident.LeaderAnnouncements.NONE,
                huzhu.core.incident.EscalationTimer.NONE, world.clock, world.ids, CareWorld.CONFIG,
                new Services.Care(world.care, world.topic, d -> { }));

        // when both send, the second after the first's lease ran out (as if it hung)
        a.campaigns().runDue(Duration.ofSeconds(1));
        world.clock.advance(Duration.ofMinutes(1));
        world.services.campaigns().runDue();

        // then
        List<String> all = new ArrayList<>(sent.stream().map(OutboundSms::to).toList());
        all.addAll(world.messenger.sent().stream().map(x -> x.to()).toList());
        assertThat(all).hasSize(30).doesNotHaveDuplicates();
    }

    // ================================================================== replies

    @Test
    void aMembersReplyToARecentNotice_goesToItsThread_andIsThankedOnce_insteadOfOpeningAnIncident() {
        // given
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).family("王德福", "父亲", phone(2)).build());
        String id = sendToEveryMemberAndFamily();

        // when
        InboundSmsService.Handled first = inbound(phone(1), "收到，周六我参加");
        InboundSmsService.Handled second = inbound(phone(1), "能带家属吗？");

        // then
        assertThat(first).isEqualTo(InboundSmsService.Handled.NOTICE_REPLY);
        assertThat(second).isEqualTo(InboundSmsService.Handled.NOTICE_REPLY);
        assertThat(notices.replies(id)).extracting(NoticeReply::text).containsExactly("收到，周六我参加", "能带家属吗？");
        assertThat(notices.replies(id).get(0).name()).isEqualTo("王建国");
        assertThat(world.messenger.bodiesTo(phone(1))).filteredOn(b -> b.contains("已收到您的留言")).hasSize(1);
        assertThat(world.store.incidents().active()).isEmpty();
    }

    @Test
    void aReplyThatMightBeAnEmergency_opensAnIncidentAsToday() {
        // given
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).family("王德福", "父亲", phone(2)).build());
        world.add(Fixtures.volunteer("v-1").phone(phone(11)).build());
        String id = sendToEveryMemberAndFamily();

        // when the father writes back about a fall, no help word in it
        InboundSmsService.Handled handled = inbound(phone(2), "老伴在厨房摔倒了起不来");

        // then
        assertThat(handled).isEqualTo(InboundSmsService.Handled.OPENED);
        assertThat(world.store.incidents().active()).hasSize(1);
        assertThat(notices.replies(id)).isEmpty();
    }

    @Test
    void aReplyAskingForHelpWithHardship_isKeptAsAReply_andTheSenderAskedIfItIsAnEmergency_insteadOfPagingTheTeam() {
        // given
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).family("王德福", "父亲", phone(2)).build());
        world.add(Fixtures.volunteer("v-1").phone(phone(11)).build());
        world.add(Fixtures.leader("l-1").phone(phone(21)).level(1).build());
        String id = sendToEveryMemberAndFamily();

        // when the member writes back about last year's hospital bills
        InboundSmsService.Handled handled = inbound(phone(1), "收到，我家老人今年住院花了不少钱，想申请慰问");

        // then nobody is paged, the reply is in the notice's thread, marked as asked, and the member is asked
        assertThat(handled).isEqualTo(InboundSmsService.Handled.NOTICE_REPLY);
        assertThat(world.store.incidents().active()).isEmpty();
        assertThat(world.messenger.bodiesTo(phone(11))).isEmpty();
        assertThat(world.messenger.bodiesTo(phone(21))).isEmpty();
        assertThat(notices.replies(id)).singleElement().satisfies(r -> {
            assertThat(r.text()).contains("想申请慰问");
            assertThat(r.decision()).isEqualTo(ReplyDecision.ASKED);
        });
        assertThat(world.messenger.bodiesTo(phone(1))).last().asString().contains("如是紧急情况请回复“求助”", "120");
    }

    @Test
    void theAnswer求助_toThatQuestion_opensTheIncident() {
        // given
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).family("王德福", "父亲", phone(2)).build());
        world.add(Fixtures.volunteer("v-1").phone(phone(11)).build());
        sendToEveryMemberAndFamily();
        inbound(phone(2), "老伴最近身体不舒服");

        // when
        InboundSmsService.Handled handled = inbound(phone(2), "求助");

        // then
        assertThat(handled).isEqualTo(InboundSmsService.Handled.OPENED);
        assertThat(world.store.incidents().active()).hasSize(1);
    }

    @Test
    void anOrdinaryReply_isMarkedAsAPlainReply() {
        // given
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).build());
        String id = sendToEveryMemberAndFamily();

        // when
        inbound(phone(1), "收到，谢谢");

        // then
        assertThat(notices.replies(id)).extracting(NoticeReply::decision).containsExactly(ReplyDecision.REPLY);
    }

    @Test
    void anyMessage_whileAnIncidentIsActive_isRelayedToIt_notToTheNotice() {
        // given
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).family("王德福", "父亲", phone(2)).build());
        String id = sendToEveryMemberAndFamily();
        inbound(phone(2), "求助 老伴胸口疼");

        // when
        InboundSmsService.Handled handled = inbound(phone(2), "好的谢谢");

        // then
        assertThat(handled).isEqualTo(InboundSmsService.Handled.RELAYED);
        assertThat(notices.replies(id)).isEmpty();
    }

    @Test
    void aMessageLongAfterTheNotice_opensAnIncidentAsToday() {
        // given
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).build());
        sendToEveryMemberAndFamily();
        world.clock.advance(Duration.ofDays(8));

        // when
        InboundSmsService.Handled handled = inbound(phone(1), "收到");

        // then
        assertThat(handled).isEqualTo(InboundSmsService.Handled.OPENED);
    }

    @Test
    void aVolunteersReplyToAVolunteersNotice_goesToItsThread() {
        // given a volunteer with no outstanding alert
        world.add(Fixtures.volunteer("v-1").name("刘强").phone(phone(11)).build());
        String id = notices.create(new NoticeInput("培训通知", "周六急救培训。", new AudienceInput("volunteers", null), null),
                OFFICER).notice().id();
        notices.sendNow(id, OFFICER);
        world.services.campaigns().runDue();

        // when
        InboundSmsService.Handled handled = inbound(phone(11), "参加");

        // then
        assertThat(handled).isEqualTo(InboundSmsService.Handled.NOTICE_REPLY);
        assertThat(notices.replies(id)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PersonKind.VOLUNTEER);
            assertThat(r.name()).isEqualTo("刘强");
        });
    }

    private String sendToEveryMemberAndFamily() {
        String id = notices.create(new NoticeInput("工会活动", "周六上午组织体检，欢迎报名。", new AudienceInput("all-members", null),
                null), OFFICER).notice().id();
        notices.sendNow(id, OFFICER);
        world.services.campaigns().runDue();
        String family = notices.create(new NoticeInput("致家属", "感谢支持。", new AudienceInput("family-contacts", null),
                null), OFFICER).notice().id();
        notices.sendNow(family, OFFICER);
        world.services.campaigns().runDue();
        world.messenger.clear();
        return id;
    }

    private final AtomicInteger inboundIds = new AtomicInteger();

    private InboundSmsService.Handled inbound(String from, String body) {
        return world.services.inboundSms().handle(new InboundSmsService.InboundSms(from, "+8610690000", body,
                "in-" + inboundIds.incrementAndGet(), null));
    }
}
