package huzhu.core.sms;

import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.kernel.Text;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an SMS from the message bundles so that it fits {@link #MAX_SEGMENTS} segments: when it is too
 * long, the shrinkable parts (address, free text, names) are shortened in the order given. The code and
 * the link are never shortened — they are what the reader acts on.
 */
public final class SmsComposer {
    public static final int MAX_SEGMENTS = 2;
    private static final int MIN_PART = 4;
    private static final String GSM_ELLIPSIS = "...";

    private final String chineseSignature;

    /** @param chineseSignature e.g. 【互助】; null or blank uses the bundle's */
    public SmsComposer(String chineseSignature) {
        this.chineseSignature = chineseSignature == null || chineseSignature.isBlank() ? null : chineseSignature;
    }

    public String compose(Language language, String key, Map<String, ?> args, List<String> shrinkable) {
        Map<String, Object> values = new HashMap<>(args);
        values.put("sig", signature(language));
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof String s) e.setValue(Text.clean(s));
        }
        // "…" is not GSM-7: in a GSM-7 template it would turn the whole text into UCS-2 (306 → 134 characters)
        String ellipsis = SmsLength.isGsm7(Messages.text(language, key)) ? GSM_ELLIPSIS : "…";
        String text = Messages.text(language, key, values);
        for (String part : shrinkable) {
            while (!SmsLength.fits(text, MAX_SEGMENTS)) {
                String current = values.get(part) instanceof String s ? s : null;
                if (current == null || current.length() <= MIN_PART) break;
                int overflow = overflow(text);
                int target = Math.max(MIN_PART, current.length() - Math.max(1, overflow));
                values.put(part, shorten(current, target, ellipsis));
                text = Messages.text(language, key, values);
            }
            if (SmsLength.fits(text, MAX_SEGMENTS)) return text;
        }
        for (String part : shrinkable) { // still too long: drop the parts altogether rather than lose the link
            if (SmsLength.fits(text, MAX_SEGMENTS)) break;
            values.put(part, ellipsis);
            text = Messages.text(language, key, values);
        }
        return text;
    }

    public String signature(Language language) {
        if (language == Language.ZH_CN && chineseSignature != null) return chineseSignature;
        return Messages.text(language, "sms.signature");
    }

    /** Cuts to at most {@code max} characters, ending with {@code ellipsis} when something was cut. */
    private static String shorten(String s, int max, String ellipsis) {
        if (s.length() <= max) return s;
        if (max <= ellipsis.length()) return ellipsis;
        int end = max - ellipsis.length();
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + ellipsis;
    }

    /** Characters (roughly) over the two-segment budget. */
    private static int overflow(String text) {
        int budget = SmsLength.isGsm7(text) ? 153 * MAX_SEGMENTS : 67 * MAX_SEGMENTS;
        return Math.max(1, text.length() - budget);
    }
}
