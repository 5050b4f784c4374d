package huzhu.core.incident;

import java.util.List;

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

    /**
     * Words in a later message that say things got worse or help is needed now ("又晕倒了", "快来", "人呢"). Narrower
     * than {@link #CLEAR}: "我已经叫了120" or "在二楼" passed on while help is on its way is news, not a new alarm.
     */
    private static final List<String> HELP_NOW = List.of(
            "救", "急", "快来", "快点", "快快", "赶紧", "赶快", "马上来", "帮帮", "不行了", "不好了", "人呢", "还没来",
            "怎么还没", "等不及", "等不了", "又晕", "晕倒", "晕过去", "昏迷", "昏倒", "昏过去", "又昏", "不醒", "没气", "没呼吸", "喘不上",
            "抽搐", "又摔", "摔倒", "流血", "出血", "着火", "起火", "严重", "加重", "更疼", "更痛", "又疼", "又痛",
            "又不舒服", "危险",
            "HELP", "SOS", "URGENT", "HURRY", "WORSE", "NOT BREATHING", "UNCONSCIOUS", "COLLAPSED", "FIRE", "BLEEDING",
            // traditional forms of the above
            "趕緊", "趕快", "幫幫", "還沒來", "暈", "昏倒", "沒氣", "沒呼吸", "著火", "嚴重", "危險", "又疼", "又痛");

    private Urgency() {
    }

    /** A later message that calls for help now, see {@link #HELP_NOW}. */
    public static boolean callsForHelp(String body) {
        return startsWithHelpOrHasOneOf(body, HELP_NOW);
    }

    public static boolean mightBeEmergency(String body) {
        return clearlyEmergency(body) || has(body, MAYBE);
    }

    /** An emergency happening now, by its words: never to be taken for a mere reply. */
    public static boolean clearlyEmergency(String body) {
        if (body == null) return false;
        return ReplyGrammar.isHelpRequest(body) || has(body, CLEAR);
    }

    private static boolean startsWithHelpOrHasOneOf(String body, List<String> words) {
        if (body == null) return false;
        return ReplyGrammar.isHelpRequest(body) || has(body, words);
    }

    private static boolean has(String body, List<String> words) {
        if (body == null) return false;
        // read as replies are: full-width forms and traditional characters as their simplified forms (快來 is 快来)
        String s = ReplyGrammar.fold(body);
        return words.stream().anyMatch(s::contains);
    }
}
