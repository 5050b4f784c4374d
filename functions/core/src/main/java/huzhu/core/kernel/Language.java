package huzhu.core.kernel;

import java.util.Locale;

public enum Language implements Wire {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    public static final Language DEFAULT = ZH_CN;

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    @Override
    public String wire() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Accepts "zh-CN", "zh", "en", "en-US"…; null or blank means the default. Unknown tags give null. */
    public static Language of(String tag) {
        if (tag == null || tag.isBlank()) return DEFAULT;
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_")) return ZH_CN;
        if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) return EN;
        return null;
    }
}
