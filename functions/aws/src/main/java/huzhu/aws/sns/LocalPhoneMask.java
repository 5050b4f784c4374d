package huzhu.aws.sns;

/**
 * Masks a phone number for logs: {@code +8613800138000} → {@code +86138****8000}.
 * Local stand-in until {@code huzhu.core.rules.PhoneMask} lands in core; replace the one call in
 * {@link SnsMessenger} with it then and delete this class.
 */
final class LocalPhoneMask {
    private LocalPhoneMask() {
    }

    static String mask(String phone) {
        if (phone == null || phone.isBlank()) return "";
        String p = phone.strip();
        int n = p.length();
        if (n >= 11) return p.substring(0, 6) + "****" + p.substring(n - 4);
        if (n >= 7) return p.substring(0, 3) + "****" + p.substring(n - 2);
        return "****";
    }
}
