package huzhu.core.sms;

/**
 * How many SMS segments a text costs. GSM-7 texts: 160 characters in one segment, 153 per segment
 * when concatenated (extension characters count twice). Anything else goes as UCS-2: 70, then 67 per
 * segment, counted in UTF-16 units (an emoji costs two).
 */
public final class SmsLength {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsLength() {
    }

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) return false;
        }
        return true;
    }

    public static int segments(String text) {
        if (text.isEmpty()) return 1;
        if (isGsm7(text)) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    public static boolean fits(String text, int maxSegments) {
        return segments(text) <= maxSegments;
    }
}
