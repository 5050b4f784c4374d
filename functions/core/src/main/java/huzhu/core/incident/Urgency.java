package huzhu.core.incident;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Whether an SMS might be a call for help, and whether it clearly is one. A member's or family's reply to a notice
 * goes to the notice's thread as a plain reply only when it might not be one; when it clearly is one (someone is
 * hurt, unconscious, on fire, asks for help outright) an incident is opened at once; in between — money for a
 * hospital stay, a death in the family, being unwell — the sender is asked whether it is an emergency rather than
 * the team paged ("when in doubt, ask"). Single characters that are common in ordinary replies (心 in 关心) are
 * avoided where a longer word says the same.
 */
public final class Urgency {
    /** Words of an emergency happening now: paged at once, whatever else the SMS says. */
    private static final List<String> CLEAR = List.of(
            // asking for help
            "救", "帮帮", "快来", "出事", "不行了", "不好了", "危", "报警", "求助", "SOS", "HELP", "URGENT", "EMERGENCY",
            "AMBULANCE", "POLICE",
            // emergency numbers
            "120", "110", "119", "999", "911",
            // what is happening
            "火", "烟", "车祸", "摔", "跌", "受伤", "撞", "骨折", "流血", "出血", "晕", "昏", "中风", "心脏", "胸口", "胸闷",
            "呼吸", "喘", "抽搐", "不醒", "失踪", "找不到人",
            "FIRE", "SMOKE", "ACCIDENT", "FELL", "FALL", "HURT", "INJUR", "BLEED", "BLOOD", "FAINT", "STROKE", "HEART",
            "CHEST", "BREATH", "SEIZURE", "UNCONSCIOUS", "MISSING",
            // traditional forms of the above
            "幫幫", "危險", "報警", "車禍", "傷", "暈");

    /** Words that may be an emergency or may be news of one past (a hospital bill, a death): the sender is asked. */
    private static final List<String> MAYBE = List.of(
            "急", "帮忙", "意外", "事故", "血", "痛", "疼", "病", "不舒服", "难受", "发烧", "高烧", "中暑", "吐", "送医", "医院",
            "住院", "去世", "过世", "走了",
            "PAIN", "SICK", "UNWELL", "FEVER", "HOSPITAL", "DIED",
            "醫院", "過世");

    private Urgency() {
    }

    public static boolean mightBeEmergency(String body) {
        return clearlyEmergency(body) || has(body, MAYBE);
    }

    /** An emergency happening now, by its words: never to be taken for a mere reply. */
    public static boolean clearlyEmergency(String body) {
        if (body == null) return false;
        return ReplyGrammar.isHelpRequest(body) || has(body, CLEAR);
    }

    private static boolean has(String body, List<String> words) {
        if (body == null) return false;
        String s = Normalizer.normalize(body, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }
}
