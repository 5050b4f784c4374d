package huzhu.sms.china;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.kernel.Language;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsCatalogue;
import huzhu.core.sms.SmsComposer;
import huzhu.core.sms.SmsProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The domestic provider behind the Messenger port: catalogue SMS go as registered templates with their variables. */
class DomesticMessengerTest {
    private static final SmsComposer SNS = new SmsComposer(null);
    private static final String VOLUNTEER = "+8613900139011";

    /** A hand-written provider: records what it was asked to send, answers with serial numbers. */
    static final class RecordingSender implements TemplateSender {
        final List<TemplateSms> sent = new ArrayList<>();
        String failFor;

        @Override
        public synchronized ProviderResult send(TemplateSms sms) {
            sent.add(sms);
            if (sms.to().equals(failFor)) return ProviderResult.failed("invalid-parameter (isv.MOBILE_NUMBER_ILLEGAL, HTTP 200)", true);
            return ProviderResult.sent("biz-" + sent.size());
        }
    }

    private final RecordingSender provider = new RecordingSender();
    private final List<String> heard = new ArrayList<>();
    private final DomesticMessenger messenger = new DomesticMessenger(SmsProvider.ALIYUN, "唐山市总工会", provider,
            TemplateIds.parse("{\"alert.noLink\":{\"zh-CN\":\"SMS_1\",\"en\":\"SMS_2\"},\"standDown\":\"SMS_3\","
                    + "\"intro.noLink\":\"SMS_4\"}"),
            (asked, form, id, result) -> heard.add(asked.sms().templateName() + "→" + (form == null ? null
                    : form.templateName()) + "@" + id + ":" + (result.ok() ? result.messageId() : result.failureReason())));

    @Test
    void anAlert_goesAsTheRegisteredLinkFreeTemplate_withItsVariablesInOrder() {
        // given
        RenderedSms alert = SNS.render(Language.ZH_CN, "alert", alertValues());

        // when
        SendResult result = messenger.send(new OutboundSms(VOLUNTEER, alert, "inc-1"));

        // then
        assertThat(result).isEqualTo(SendResult.sentAs("biz-1", "alert.noLink"));
        TemplateSms sent = provider.sent.get(0);
        assertThat(sent.to()).isEqualTo(VOLUNTEER);
        assertThat(sent.templateId()).isEqualTo("SMS_1");
        assertThat(sent.params()).containsExactly(Map.entry("code", "K27"), Map.entry("member", "王建国"),
                Map.entry("address", "路北区文化路12号"), Map.entry("type", "突发疾病"), Map.entry("message", "老人摔倒了"),
                Map.entry("reporter", "父亲王德福"));
        assertThat(sent.reference()).isEqualTo("inc-1");
        assertThat(heard).containsExactly("alert→alert.noLink@SMS_1:biz-1");
    }

    @Test
    void anEnglishReader_getsTheEnglishTemplate_whenItIsRegistered_elseTheChineseOne() {
        // given
        RenderedSms alert = SNS.render(Language.EN, "alert", alertValues());
        RenderedSms standDown = SNS.render(Language.EN, "standDown", Map.of("code", "K27"));

        // when
        messenger.sendAll(List.of(new OutboundSms(VOLUNTEER, alert, "inc-1"), new OutboundSms(VOLUNTEER, standDown,
                "inc-1")));

        // then
        assertThat(provider.sent).extracting(TemplateSms::templateId).containsExactly("SMS_2", "SMS_3");
        assertThat(provider.sent.get(0).params().keySet()).containsExactly("code", "type", "member", "address",
                "message", "reporter");
    }

    @Test
    void aTemplateTheUnionNeverRegistered_failsForGood_andNothingIsSent() {
        // when
        SendResult result = messenger.send(new OutboundSms(VOLUNTEER, SNS.render(Language.ZH_CN, "receipt",
                Map.of("code", "K27")), "inc-1"));

        // then
        assertThat(result.ok()).isFalse();
        assertThat(result.permanent()).isTrue();
        assertThat(result.failureReason()).isEqualTo("template-not-registered (receipt)");
        assertThat(provider.sent).isEmpty();
    }

    @Test
    void theLinkOnlySms_isSkipped_notFailed() {
        // when
        SendResult result = messenger.send(new OutboundSms(VOLUNTEER, SNS.render(Language.ZH_CN, "intro.link",
                Map.of("member", "王建国", "link", "https://huzhu.example/v1/triggers/abc")), null));

        // then
        assertThat(result.skipped()).isTrue();
        assertThat(provider.sent).isEmpty();
    }

    @Test
    void aBatch_keepsItsOrder_andOneBadNumberFailsAlone() {
        // given
        provider.failFor = "+8613900139012";
        RenderedSms standDown = SNS.render(Language.ZH_CN, "standDown", Map.of("code", "K27"));
        RenderedSms receipt = SNS.render(Language.ZH_CN, "receipt", Map.of("code", "K27"));

        // when
        List<SendResult> results = messenger.sendAll(List.of(new OutboundSms(VOLUNTEER, standDown, "inc-1"),
                new OutboundSms(VOLUNTEER, receipt, "inc-1"), new OutboundSms("+8613900139012", standDown, "inc-1"),
                new OutboundSms("+8613900139013", standDown, "inc-1")));

        // then
        assertThat(results).extracting(SendResult::ok).containsExactly(true, false, false, true);
        assertThat(results.get(1).failureReason()).startsWith("template-not-registered");
        assertThat(results.get(2).failureReason()).startsWith("invalid-parameter");
        assertThat(results.get(3).messageId()).isEqualTo("biz-3");
    }

    @Test
    void whatGoesToTheProvider_isAlwaysWithinItsVariableLimits() {
        // given: the longest values a family could type
        Map<String, Object> values = alertValues();
        values.put("message", "老伴胸口疼，喘不上气，".repeat(20));
        values.put("address", "河北省唐山市路北区文化路".repeat(10));

        // when
        messenger.send(new OutboundSms(VOLUNTEER, SNS.render(Language.ZH_CN, "alert", values), "inc-1"));

        // then
        assertThat(provider.sent.get(0).params().values()).allSatisfy(v ->
                assertThat(v.codePointCount(0, v.length())).isBetween(1, 35));
        assertThat(SmsCatalogue.get("alert.noLink").variables()).hasSize(6);
    }

    private static Map<String, Object> alertValues() {
        Map<String, Object> v = new HashMap<>();
        v.put("code", "K27");
        v.put("member", "王建国");
        v.put("address", "路北区文化路12号");
        v.put("type", "突发疾病");
        v.put("message", "老人摔倒了");
        v.put("reporter", "父亲王德福");
        v.put("link", "https://huzhu.example/v1/acks/K27abcdefghij");
        return v;
    }
}
