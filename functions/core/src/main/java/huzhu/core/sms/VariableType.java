package huzhu.core.sms;

/**
 * What a template variable holds, which decides how its value may be shortened and what the providers call it
 * when a union registers the template (Alibaba Cloud's 变量属性; Tencent Cloud has no types, only lengths).
 * Codes, phone numbers, numbers, times and links are never cut: a cut one would be wrong, not shorter.
 */
public enum VariableType {
    CODE("事件编号", "incident code", "其他号码", "other_number2", false, "K27", "K27"),
    NAME("姓名或称呼", "name", "名称", "name", true, "王建国", "Wang Jianguo"),
    DISTRICT("区县", "district", "其他", null, true, "路北区", "Lubei"),
    ADDRESS("地址", "address", "其他", null, true, "路北区文化路12号", "12 Wenhua Rd, Lubei"),
    PHONE("电话号码", "phone number", "电话号码", "phone_number2", false, "13800138000", "13800138000"),
    MINUTES("分钟数", "minutes", "其他号码", "other_number2", false, "15", "15"),
    /** A sum of money in yuan, as the union decided it (an approved or paid assistance): never cut. */
    AMOUNT("金额", "amount", "金额", null, false, "3000", "3000"),
    TIME("时间", "time", "时间", "time", false, "14:30", "14:30"),
    /** A word of our own bundle (the kind of emergency), never what someone typed. */
    WORD("固定词语", "fixed word", "其他", null, true, "突发疾病", "medical emergency"),
    /** What a person typed (a family's words, a notice): bounded, cut on a character boundary, links removed. */
    FREE_TEXT("自由文本", "free text", "其他", null, true, "老人摔倒了", "he fell down"),
    /** Only where the provider allows a variable link (SNS); the domestic providers get a template without it. */
    LINK("链接", "link", "链接（不允许）", null, false, "https://huzhu.example/v1/acks/K27abcdefghij",
            "https://huzhu.example/v1/acks/K27abcdefghij");

    private final String labelZh;
    private final String labelEn;
    private final String aliyunProperty;
    private final String aliyunRule;
    private final boolean cuttable;
    private final String sampleZh;
    private final String sampleEn;

    VariableType(String labelZh, String labelEn, String aliyunProperty, String aliyunRule, boolean cuttable,
            String sampleZh, String sampleEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.aliyunProperty = aliyunProperty;
        this.aliyunRule = aliyunRule;
        this.cuttable = cuttable;
        this.sampleZh = sampleZh;
        this.sampleEn = sampleEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The property to choose in Alibaba Cloud's console (变量属性) when registering the template. */
    public String aliyunProperty() {
        return aliyunProperty;
    }

    /** Its {@code TemplateRule} code for {@code CreateSmsTemplate}, where Alibaba publishes one; else null. */
    public String aliyunRule() {
        return aliyunRule;
    }

    /** Whether a too long value may be shortened (ending in "…"), or must go whole. */
    public boolean cuttable() {
        return cuttable;
    }

    public boolean link() {
        return this == LINK;
    }

    String sample(huzhu.core.kernel.Language language) {
        return language == huzhu.core.kernel.Language.EN ? sampleEn : sampleZh;
    }

    /** Shorthand for declaring a template's variable: {@code NAME.as("member", 20)}. */
    public SmsVariable as(String name, int maxLength) {
        return new SmsVariable(name, this, maxLength);
    }
}
