package huzhu.core.kernel;

/** A value with a fixed spelling in the public contract (JSON, SMS, URLs). */
public interface Wire {
    String wire();

    static <E extends Enum<E> & Wire> E parse(Class<E> type, String text) {
        if (text == null) return null;
        for (E e : type.getEnumConstants()) {
            if (e.wire().equalsIgnoreCase(text.trim())) return e;
        }
        return null;
    }
}
