package huzhu.sms.china;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registered-template SMS to one phone: what a domestic provider sends instead of free text.
 *
 * @param to         the recipient in E.164 ({@code +8613800138000})
 * @param templateId the provider's id of the approved template (Alibaba {@code SMS_…} code, Tencent number)
 * @param params     the template's variables in the order they appear in its text; Alibaba reads them by
 *                   name, Tencent by position ({@code {1}}, {@code {2}} …), so the order matters
 * @param reference  echoed back in the delivery report (Alibaba {@code OutId}, Tencent {@code SessionContext});
 *                   may be null
 * @param incidentId for the log line only; may be null
 */
public record TemplateSms(String to, String templateId, Map<String, String> params, String reference,
        String incidentId) {

    public TemplateSms {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
