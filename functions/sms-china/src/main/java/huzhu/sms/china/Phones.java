package huzhu.sms.china;

/** Numbers as the providers write them in pushes, made E.164. */
public final class Phones {
    private Phones() {
    }

    /**
     * {@code 13800138000} (a mainland mobile without prefix), {@code 8613800138000}, {@code 008613800138000}
     * and {@code +8613800138000} all become {@code +8613800138000}; with {@code countryCode} given (Tencent's
     * {@code nationcode}) a national number is prefixed with it. Returns null for anything without digits.
     */
    public static String e164(String raw, String countryCode) {
        if (raw == null) return null;
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) return null;
        if (raw.strip().startsWith("+")) return "+" + digits;
        if (digits.startsWith("00")) return "+" + digits.substring(2);
        String cc = countryCode == null ? "" : countryCode.replaceAll("[^0-9]", "");
        if (!cc.isEmpty()) return digits.startsWith(cc) && digits.length() > 11 ? "+" + digits : "+" + cc + digits;
        if (digits.length() == 11 && digits.charAt(0) == '1') return "+86" + digits;
        return "+" + digits;
    }

    /** What Alibaba's {@code PhoneNumbers} takes: a mainland number without {@code +86}, others as digits. */
    public static String aliyunForm(String e164) {
        String digits = e164.substring(1);
        return digits.startsWith("86") && digits.length() == 13 ? digits.substring(2) : digits;
    }
}
