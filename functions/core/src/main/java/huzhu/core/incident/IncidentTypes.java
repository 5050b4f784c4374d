package huzhu.core.incident;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A first guess at the kind of emergency from an SMS text; officers can correct it. */
public final class IncidentTypes {
    private static final List<Map.Entry<IncidentType, List<String>>> KEYWORDS = List.of(
            Map.entry(IncidentType.FIRE, List.of("火", "烟", "FIRE", "SMOKE")),
            Map.entry(IncidentType.BEREAVEMENT, List.of("去世", "过世", "病故", "丧", "PASSED AWAY", "DIED")),
            Map.entry(IncidentType.ACCIDENT, List.of("车祸", "摔", "跌倒", "受伤", "撞", "骨折", "ACCIDENT", "FELL",
                    "FALL", "INJUR")),
            Map.entry(IncidentType.MEDICAL, List.of("心", "胸", "晕", "昏", "中风", "病", "血", "呼吸", "痛", "疼", "发烧",
                    "120", "HEART", "CHEST", "STROKE", "FAINT", "BREATH", "SICK", "PAIN")));

    private IncidentTypes() {
    }

    public static IncidentType guess(String message) {
        if (message == null) return IncidentType.OTHER;
        String m = message.toUpperCase(Locale.ROOT);
        for (Map.Entry<IncidentType, List<String>> e : KEYWORDS) {
            for (String k : e.getValue()) {
                if (m.contains(k)) return e.getKey();
            }
        }
        return IncidentType.OTHER;
    }
}
