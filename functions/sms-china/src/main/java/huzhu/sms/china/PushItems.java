package huzhu.sms.china;

import huzhu.core.kernel.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The objects of a push body: a JSON array of objects (HTTP batch push) or one object (a queue message). */
public final class PushItems {
    private PushItems() {
    }

    /** @throws IllegalArgumentException when the body is not JSON, or not an object or an array of objects */
    public static List<Map<String, Object>> of(String body) {
        Object value = JsonText.parse(body);
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> single = JsonText.object(value);
        if (single != null) {
            out.add(single);
            return out;
        }
        List<Object> array = JsonText.array(value);
        if (array == null) throw new IllegalArgumentException("neither an object nor an array");
        for (Object item : array) {
            Map<String, Object> object = JsonText.object(item);
            if (object == null) throw new IllegalArgumentException("an item that is not an object");
            out.add(object);
        }
        return out;
    }

    /**
     * Each object of the body read by {@code read}, in order.
     *
     * @throws IllegalArgumentException when the body is not JSON, or not an object or an array of objects, or
     *                                  {@code read} throws it for an item
     */
    public static <T> List<T> map(String body, Function<Map<String, Object>, T> read) {
        List<T> out = new ArrayList<>();
        for (Map<String, Object> item : of(body)) out.add(read.apply(item));
        return out;
    }

    /** The field's number in E.164 ({@link Phones#e164}); missing, blank or without digits is an error. */
    public static String phone(Map<String, Object> item, String key, String nationCode) {
        String phone = Phones.e164(required(item, key), nationCode);
        if (phone == null) throw new IllegalArgumentException(key + " without digits");
        return phone;
    }

    /** The field's text; blank or missing is an error, for the fields without which an item means nothing. */
    public static String required(Map<String, Object> item, String key) {
        String value = JsonText.text(item, key);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("missing " + key);
        return value;
    }
}
