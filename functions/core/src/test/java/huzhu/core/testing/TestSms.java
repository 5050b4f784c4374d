package huzhu.core.testing;

import huzhu.core.kernel.Language;
import huzhu.core.sms.RenderedSms;
import huzhu.core.sms.SmsComposer;
import java.util.Map;

/** Catalogue SMS for tests of the messengers and the outbox, which only take what the catalogue renders. */
public final class TestSms {
    private static final SmsComposer SMS = new SmsComposer(null);

    private TestSms() {
    }

    /** The reporter's relay ("【互助】T1报告人补充：{words}"): the template whose text is freest; at most 35 characters. */
    public static RenderedSms saying(String words) {
        return SMS.render(Language.ZH_CN, "relay", Map.of("code", "T1", "text", words));
    }
}
