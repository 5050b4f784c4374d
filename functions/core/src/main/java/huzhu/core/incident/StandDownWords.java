package huzhu.core.incident;

import java.util.List;

/**
 * What a member or their family texts when help is no longer needed ("不用了", "没事了", "已经去医院了", "取消"),
 * and the confirmation the system asks for ("取消N47"). Help words beside them win: "不用了，又晕倒了" is a call
 * for help, not a wish to stand down. Matched like replies ({@link ReplyGrammar#compact}): case, spaces,
 * punctuation, full-width forms and traditional script do not matter.
 */
final class StandDownWords {
    private static final List<String> WISHES = ReplyWords.longestFirst(
            "不用了", "不用来了", "不用来", "不需要了", "不需要", "没事了", "没事", "没关系了", "已经去医院了", "去医院了",
            "送医院了", "到医院了", "在医院了", "已送医", "已经送医", "取消", "撤销", "误报", "发错了", "按错了", "点错了",
            "搞错了", "别来了", "不要来了", "不麻烦了", "好多了", "已经好了", "缓过来了", "虚惊一场", "人没事",
            "自己处理了", "已经处理了",
            "CANCEL", "FALSEALARM", "NOTNEEDED", "NONEED", "NEVERMIND", "WEAREOK", "ALLOK", "ALLGOOD");
    private static final List<String> CONFIRMING = ReplyWords.longestFirst("确认", "确定", "取消", "CONFIRM", "CANCEL", "请");

    private StandDownWords() {
    }

    /** The text says help is no longer needed, and has no help words besides. */
    static boolean wish(String body) {
        String s = ReplyGrammar.compact(body);
        String rest = s;
        for (String w : WISHES) rest = rest.replace(w, " ");
        return !rest.equals(s) && !Urgency.callsForHelp(rest) && !ReplyGrammar.isHelpRequest(body);
    }

    /** "取消N47", "确认取消 n47", "N47 取消。": the cancel word with this incident's code, and nothing else. */
    static boolean confirms(String body, String code) {
        return code != null && code.equals(confirmedCode(body));
    }

    /** The code a confirmation names, whichever incident it is; null if the text is not one. */
    static String confirmedCode(String body) {
        String s = ReplyGrammar.compact(body);
        if (!s.contains("取消") && !s.contains("CANCEL")) return null;
        for (String w : CONFIRMING) s = s.replace(w, "");
        return s.matches("[A-HJ-NP-Z]\\d{2}") ? s : null;
    }
}
