package huzhu.local;

import huzhu.core.kernel.Messages;
import java.util.Map;

/**
 * Texts of the local stack itself (configuration and server errors), from
 * {@code huzhu/local/text_zh_CN.properties} and {@code text_en.properties}, as {@link Messages.Bundle#bilingual} puts
 * them: Chinese first, English second. The API's own error texts come from the core bundles ({@link Messages}).
 */
final class LocalText {
    private static final Messages.Bundle TEXTS = Messages.bundle("/huzhu/local/text");

    private LocalText() {
    }

    static String bilingual(String key, Map<String, ?> args) {
        return TEXTS.bilingual(key, args);
    }
}
