package huzhu.trigger;

import huzhu.core.incident.TriggerService.LocationInput;
import huzhu.core.incident.TriggerService.TriggerInput;
import huzhu.core.incident.TriggerService.Triggered;
import huzhu.core.kernel.JsonText;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The help button's request and answer without Jackson, which would otherwise be loaded, configured and compiled
 * on the first alarm of a cold function. It reads only what it reads exactly as {@link ApiRequest#bodyOrEmpty}
 * does — one JSON object, each known field absent, null or of its own JSON type, no key twice, no number longer
 * than Jackson allows — and hands every other body to {@code bodyOrEmpty}, so what is refused, and how, stays
 * Jackson's.
 */
final class TriggerBody {
    private static final List<String> TEXT_FIELDS = List.of("type", "message", "reporterName", "reporterPhone");
    /** Well under Jackson's limit on a number's length (1,000 characters): longer ones go to Jackson. */
    private static final int MAX_DIGITS = 500;

    private TriggerBody() {
    }

    static TriggerInput read(ApiRequest request) {
        String body = request.body();
        if (body.isBlank()) return new TriggerInput(null, null, null, null, null);
        TriggerInput input = body.indexOf('\uFEFF') < 0 ? readPlain(body) : null;
        return input != null ? input : request.bodyOrEmpty(TriggerInput.class);
    }

    static ApiResponse answer(int status, Triggered t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incidentId", t.incidentId());
        json.put("code", t.code());
        json.put("status", t.status());
        json.put("reply", t.reply());
        return ApiResponse.of(status, ApiResponse.JSON, JsonText.write(json));
    }

    /** The input, or null when Jackson must decide. */
    private static TriggerInput readPlain(String body) {
        Map<String, Object> json;
        try {
            json = JsonText.object(JsonText.parseUniqueKeys(body));
        } catch (JsonText.Malformed e) {
            return null;
        }
        if (json == null || !tame(json)) return null;
        for (String field : TEXT_FIELDS) {
            Object v = json.get(field);
            if (v != null && !(v instanceof String)) return null;
        }
        LocationInput location = null;
        Object l = json.get("location");
        if (l != null) {
            if (!(l instanceof Map<?, ?> map)) return null;
            Object address = map.get("address");
            if (address != null && !(address instanceof String)) return null;
            Object lat = map.get("lat");
            Object lon = map.get("lon");
            if (!coordinate(lat) || !coordinate(lon)) return null;
            location = new LocationInput((String) address, number(lat), number(lon));
        }
        return new TriggerInput((String) json.get("type"), (String) json.get("message"),
                (String) json.get("reporterName"), (String) json.get("reporterPhone"), location);
    }

    /** Absent, null, or a number that reads as a finite, non-zero double (Jackson keeps a zero's sign). */
    private static boolean coordinate(Object value) {
        if (value == null) return true;
        if (!(value instanceof BigDecimal n)) return false;
        double d = Double.parseDouble(n.toString());
        return d != 0 && Double.isFinite(d);
    }

    private static Double number(Object value) {
        return value == null ? null : Double.parseDouble(value.toString());
    }

    /** No number anywhere in the body long enough for Jackson's length limit to matter. */
    private static boolean tame(Object value) {
        if (value instanceof BigDecimal n) return n.precision() <= MAX_DIGITS && Math.abs(n.scale()) <= MAX_DIGITS;
        if (value instanceof Map<?, ?> map) {
            for (Object v : map.values()) if (!tame(v)) return false;
        }
        if (value instanceof List<?> list) {
            for (Object v : list) if (!tame(v)) return false;
        }
        return true;
    }
}
