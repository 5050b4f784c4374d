package huzhu.core.sms;

import huzhu.core.kernel.Wire;
import java.util.Set;

/**
 * Who delivers an SMS, and the template rules each one enforces. SNS (AWS End User Messaging) sends any text;
 * Alibaba Cloud and Tencent Cloud send only registered templates whose variables they check at send time:
 * <ul>
 *   <li>Alibaba Cloud (申请短信模板, 通知短信模板规范): each variable 1–35 characters, used once, never adjacent to
 *       another, never the whole template; no link in a variable (isv.PARAM_NOT_SUPPORT_URL); no 【】 anywhere and
 *       no [ ] at either end; variable names of letters, digits and underscores, not email, mobile, id, nick or
 *       site; at most 500 characters.</li>
 *   <li>Tencent Cloud (正文模板审核标准): variables {1}, {2}… numbered in order, never adjacent, never the whole
 *       template, no link in a variable; 12 characters a variable for the accounts its standard states a limit
 *       for (its FAQ says 6 for some: check the console's template page); no 【】; at most 500 characters.</li>
 * </ul>
 * The domestic providers put the approved 【signature】 before the text themselves; it counts towards the length.
 */
public enum SmsProvider implements Wire {
    SNS("sns", Integer.MAX_VALUE, true),
    ALIYUN("aliyun", 35, false),
    TENCENT("tencent", 12, false);

    /** Template texts may not hold these (signature brackets, symbols the carriers garble or refuse). */
    public static final String FORBIDDEN_IN_TEMPLATES = "【】★※→①②③『』「」〖〗•¥√☞✓";
    /** Alibaba Cloud refuses these variable names. */
    public static final Set<String> RESERVED_VARIABLE_NAMES = Set.of("email", "mobile", "id", "nick", "site");
    public static final int MAX_TEMPLATE_LENGTH = 500;
    /** A signature is 2 to 12 characters between 【】 (both providers). */
    public static final int MAX_SIGN_NAME = 12;

    private final String wire;
    private final int maxVariableLength;
    private final boolean variableLinks;

    SmsProvider(String wire, int maxVariableLength, boolean variableLinks) {
        this.wire = wire;
        this.maxVariableLength = maxVariableLength;
        this.variableLinks = variableLinks;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The most characters one variable may carry. */
    public int maxVariableLength() {
        return maxVariableLength;
    }

    /** Whether a variable may carry a link (a per-person ack link, a personal emergency link). */
    public boolean variableLinks() {
        return variableLinks;
    }

    /** Whether the provider sends registered templates (and adds the signature itself). */
    public boolean templatesOnly() {
        return this != SNS;
    }

    /** "sns", "aliyun", "tencent" (any case); null for anything else. */
    public static SmsProvider of(String wire) {
        if (wire == null) return null;
        for (SmsProvider p : values()) {
            if (p.wire.equalsIgnoreCase(wire.strip())) return p;
        }
        return null;
    }
}
