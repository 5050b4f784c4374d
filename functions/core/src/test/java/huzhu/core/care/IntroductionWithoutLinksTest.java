package huzhu.core.care;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.Services;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Actor;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsCatalogue;
import huzhu.core.sms.SmsProvider;
import huzhu.core.testing.CareWorld;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.SequentialIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Through a provider that takes no link in a variable (Alibaba, Tencent) the introduction goes in its link-free
 * form and the link-only SMS not at all: the introduction counts as sent, and as sent without the link.
 */
class IntroductionWithoutLinksTest {
    private static final Actor OFFICER = new Actor("u-1", "周干事");

    /** Sends each SMS as a domestic provider would: its link-free form, or nothing for the link-only one. */
    static final class LinkFree implements Messenger {
        final List<String> templates = new ArrayList<>();

        @Override
        public SendResult send(OutboundSms sms) {
            var form = SmsCatalogue.forProvider(sms.sms().template(), SmsProvider.ALIYUN);
            if (form.isEmpty()) return SendResult.skipped("no form");
            templates.add(form.get().name());
            return form.get() == sms.sms().template() ? SendResult.sent("biz-" + templates.size())
                    : SendResult.sentAs("biz-" + templates.size(), form.get().name());
        }
    }

    @Test
    void theIntroduction_isRecordedSentWithoutTheLink_whetherItWasOneSmsOrTwo() {
        for (String link : List.of("https://sos.example.org", "https://abcdefghij.execute-api.ap-southeast-1.amazonaws.com")) {
            // given: a short public URL (one SMS with the link) and the API's own long one (the link on its own)
            LinkFree provider = new LinkFree();
            InMemoryStore store = new InMemoryStore();
            CareWorld world = new CareWorld();
            Services services = Services.create(store, provider, LeaderAnnouncements.NONE, EscalationTimer.NONE,
                    MutableClock.atT0(), new SequentialIds(9), new huzhu.core.ServiceConfig(link, null),
                    new Services.Care(world.care, world.topic, world.sleeper));
            store.directory().members().insert(Fixtures.member("m-1").name("王建国").phone(phone(1))
                    .family("王德福", "父亲", phone(2)).build());

            // when
            List<FamilyIntroduction> intros = services.onboarding().introduce("m-1", false, OFFICER);

            // then
            assertThat(provider.templates).as(link).containsExactly("intro.noLink");
            assertThat(intros).singleElement().satisfies(i -> {
                assertThat(i.status()).isEqualTo(IntroductionStatus.SENT);
                assertThat(i.linkIncluded()).isFalse();
                assertThat(i.messageId()).isEqualTo("biz-1");
            });
        }
    }
}
