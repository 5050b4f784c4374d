package huzhu.sms.china;

import huzhu.core.kernel.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** The field's text; blank or missing is an error, for the fields without which an item means nothing. */
    public static String required(Map<String, Object> item, String key) {
        String value = JsonText.text(item, key);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("missing " + key);
        return value;
    }
}
