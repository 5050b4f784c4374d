package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Member;
import huzhu.core.incident.InboundSmsService.Handled;
import huzhu.core.incident.InboundSmsService.InboundSms;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Language;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever someone with an outstanding alert texts, they get an answer about that alert — accepted, declined,
 * arrived, done, the question, a note, who took it — never the stranger's text and never nothing; and the question
 * is asked at most once per alert.
 */
class AlertHolderAlwaysAnsweredIT {
    private static final String LI_NA = phone(11);
    private static final String STRANGERS_TEXT = Messages.text(Language.ZH_CN, "sms.unknownSender")
            .replace("{sig}", "");
    private static final String QUESTION = "没看懂您的回复";

    /** One union, one incident alerting 李娜 and 张伟, as every try starts. */
    private static final class Union {
        final World world = new World();
        final Incident incident;
        final AtomicInteger inboundIds = new AtomicInteger();

        Union() {
            Member member = world.add(Fixtures.wangXiaoming().home("唐山", "路北区").build());
            world.add(Fixtures.volunteer("v-1").name("李娜").phone(LI_NA).area("唐山", "路北区").build());
            world.add(Fixtures.zhangWei().area("唐山", "路北区").build());
            world.add(Fixtures.officerLiu().build());
            incident = world.openFor(member, phone(2), "王建国");
            world.messenger.clear();
        }

        Handled text(String body) {
            return world.services.inboundSms().handle(new InboundSms(LI_NA, "+8610690000", body,
                    "in-" + inboundIds.incrementAndGet(), null));
        }

        List<String> toLiNa() {
            return world.messenger.bodiesTo(LI_NA);
        }
    }

    @Property(tries = 1000)
    void anyText_fromAnAlertHolder_isAnsweredAboutThatAlert(@ForAll("texts") String body) {
        Assume.that(!ReplyGrammar.isStop(body));
        // given
        Union union = new Union();

        // when
        Handled handled = union.text(body);

        // then
        assertThat(handled).as("handled %s", body).isEqualTo(Handled.REPLY);
        assertThat(union.toLiNa()).as("answers to %s", body).isNotEmpty().allSatisfy(answer -> assertThat(answer)
                .contains(union.incident.code()).doesNotContain(STRANGERS_TEXT));
    }

    @Property(tries = 200)
    void everyTextOfAConversation_isAnswered_andTheQuestionIsAskedAtMostOnce(
            @ForAll("conversations") List<String> bodies) {
        // given
        Union union = new Union();

        for (String body : bodies) {
            if (ReplyGrammar.isStop(body)) continue;
            if (!union.world.incident(union.incident.id()).active()) break; // "9" closed it: no alert outstanding
            int before = union.toLiNa().size();

            // when
            Handled handled = union.text(body);

            // then
            assertThat(handled).as("handled %s", body).isEqualTo(Handled.REPLY);
            assertThat(union.toLiNa()).as("answers to %s in %s", body, bodies).hasSizeGreaterThan(before);
        }
        assertThat(union.toLiNa()).allSatisfy(answer -> assertThat(answer).doesNotContain(STRANGERS_TEXT));
        assertThat(union.toLiNa()).filteredOn(answer -> answer.contains(QUESTION)).hasSizeLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> known = Arbitraries.of(corpusBodies());
        Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(12);
        Arbitrary<String> emoji = Arbitraries.of("👍", "👌", "🙅", "❌", "😂", "🙏", "🏃", "👍🏻", "✅", "");
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(60);
        Arbitrary<String> mixed = Combinators.combine(known, Arbitraries.oneOf(han, emoji, anything), known)
                .as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(known, han, anything, mixed,
                Arbitraries.strings().withChars("好的行可以不去了到马上分钟十五吗？1029KN47 ，。！").ofMaxLength(10),
                Arbitraries.of("", " ", "？", "。", "\n", "K27", "N47", "1 K27", "0 Z99"));
    }

    @Provide
    Arbitrary<List<String>> conversations() {
        return texts().list().ofMinSize(1).ofMaxSize(8);
    }

    private static List<String> corpusBodies() {
        try {
            return ReplyCorpusTest.corpus().stream().map(ReplyCorpusTest.Form::body).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
