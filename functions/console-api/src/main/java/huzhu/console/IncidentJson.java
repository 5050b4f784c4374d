package huzhu.console;

import huzhu.core.incident.Place;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.Responder;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.JsonText;
import huzhu.core.kernel.Listed;
import huzhu.core.kernel.Page;
import huzhu.core.kernel.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The incident answers (CONTRACT §3) written with {@link JsonText}, byte for byte as the ObjectMapper writes them:
 * fields in the records' order, nulls written, times as ISO-8601, enums as their contract words. The board polls
 * its list every few seconds, and often it is a function's first invoke: writing it by hand keeps Jackson's
 * databind (some 800 classes) off that path.
 */
final class IncidentJson {
    private IncidentJson() {
    }

    static String of(IncidentView incident) {
        return write(incident(incident));
    }

    static String page(Page<IncidentView> page) {
        return write(items(page.items(), page.nextCursor()));
    }

    static String listed(Listed<IncidentView> page) {
        Map<String, Object> json = items(page.items(), page.nextCursor());
        json.put("total", page.total());
        return write(json);
    }

    private static Map<String, Object> items(List<IncidentView> items, String nextCursor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", list(items, IncidentJson::incident));
        json.put("nextCursor", nextCursor);
        return json;
    }

    private static String write(Object json) {
        StringBuilder out = new StringBuilder(2048);
        JsonText.write(out, json, IncidentJson::leaf, false);
        return out.toString();
    }

    /** As Jackson shows a value: a number as itself, except NaN and the infinities (strings); times by toString. */
    private static Object leaf(Object value) {
        if (value instanceof Wire w) return w.wire();
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) return d.toString();
        if (value instanceof Number || value instanceof Boolean) return value;
        return value.toString();
    }

    private static Map<String, Object> incident(IncidentView i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", i.id());
        json.put("code", i.code());
        json.put("status", i.status());
        json.put("level", i.level());
        json.put("memberId", i.memberId());
        json.put("type", i.type());
        json.put("message", i.message());
        json.put("location", place(i.location()));
        json.put("reporter", reporter(i.reporter()));
        json.put("createdAt", i.createdAt());
        json.put("acknowledgedAt", i.acknowledgedAt());
        json.put("resolvedAt", i.resolvedAt());
        json.put("closedAt", i.closedAt());
        json.put("outcome", i.outcome());
        json.put("nextEscalationAt", i.nextEscalationAt());
        json.put("escalations", i.escalations());
        json.put("needsAttention", i.needsAttention());
        json.put("officerInCharge", i.officerInCharge());
        json.put("alerts", list(i.alerts(), IncidentJson::alert));
        json.put("responders", list(i.responders(), IncidentJson::responder));
        json.put("timeline", list(i.timeline(), IncidentJson::entry));
        return json;
    }

    private static Map<String, Object> place(Place p) {
        if (p == null) return null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", p.address());
        json.put("lat", p.lat());
        json.put("lon", p.lon());
        return json;
    }

    private static Map<String, Object> reporter(Reporter r) {
        if (r == null) return null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phone", r.phone());
        json.put("name", r.name());
        json.put("channel", r.channel());
        json.put("verified", r.verified());
        return json;
    }

    private static Map<String, Object> alert(IncidentView.AlertView a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recipientId", a.recipientId());
        json.put("recipientKind", a.recipientKind());
        json.put("name", a.name());
        json.put("to", a.to());
        json.put("level", a.level());
        json.put("sentAt", a.sentAt());
        json.put("status", a.status());
        json.put("failureReason", a.failureReason());
        return json;
    }

    private static Map<String, Object> responder(Responder r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recipientId", r.recipientId());
        json.put("name", r.name());
        json.put("phone", r.phone());
        json.put("acceptedAt", r.acceptedAt());
        json.put("arrivedAt", r.arrivedAt());
        json.put("expectedAt", r.expectedAt());
        return json;
    }

    private static Map<String, Object> entry(TimelineEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", e.at());
        json.put("kind", e.kind());
        json.put("text", e.text());
        json.put("actor", e.actor());
        json.put("deadline", e.deadline());
        json.put("texts", e.texts());
        json.put("merged", e.merged());
        return json;
    }

    private static <T> List<Object> list(List<T> items, Function<T, Object> json) {
        if (items == null) return null;
        List<Object> out = new ArrayList<>(items.size());
        for (T item : items) out.add(item == null ? null : json.apply(item));
        return out;
    }
}
