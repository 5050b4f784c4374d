package huzhu.core.incident;

import huzhu.core.incident.ReplyGrammar.Action;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The words {@link ReplyGrammar} knows, in simplified script and upper case (what {@link ReplyGrammar#compact}
 * leaves of a text), built from the corpus of real replies in the tests (reply-corpus.txt). A word is added
 * with a line of the corpus that needs it.
 */
final class ReplyWords {

    /** What a word says about the alert; each kind has a private-use marker that stands in for a matched phrase. */
    enum Kind {
        /** a firm yes: "马上到", "我去", "可以", an ETA */
        YES,
        /** an acknowledgement that is yes on its own, but not beside a refusal: "好的", "收到", "OK" */
        ACK,
        NO,
        ARRIVED,
        DONE,
        /** says nothing either way: "我", "的", "不好意思", "谢谢" */
        FILLER;

        String marker() {
            return String.valueOf((char) ('\uE000' + ordinal()));
        }

        static Kind ofMarker(char c) {
            int i = c - '\uE000';
            return i >= 0 && i < values().length ? values()[i] : null;
        }
    }

    private ReplyWords() {
    }

    /** The command words of CONTRACT §5, matched only as the whole reply (beside an incident code). */
    static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("1", Action.ACCEPT), Map.entry("Y", Action.ACCEPT), Map.entry("YES", Action.ACCEPT),
            Map.entry("接", Action.ACCEPT), Map.entry("收到", Action.ACCEPT), Map.entry("接单", Action.ACCEPT),
            Map.entry("0", Action.DECLINE), Map.entry("N", Action.DECLINE), Map.entry("NO", Action.DECLINE),
            Map.entry("不", Action.DECLINE), Map.entry("不去", Action.DECLINE),
            Map.entry("2", Action.ARRIVED), Map.entry("到", Action.ARRIVED), Map.entry("到达", Action.ARRIVED),
            Map.entry("ARRIVED", Action.ARRIVED),
            Map.entry("9", Action.DONE), Map.entry("完成", Action.DONE), Map.entry("DONE", Action.DONE));

    /** A command digit at either end of a longer reply ("1，马上到"). */
    static final Map<Character, Kind> COMMAND_DIGITS = Map.of('1', Kind.YES, '0', Kind.NO, '2', Kind.ARRIVED,
            '9', Kind.DONE);

    static final List<String> YES_EMOJI = List.of("👌", "👍", "🆗", "✅", "✔", "🙆", "💪", "🤝");
    static final List<String> NO_EMOJI = List.of("🙅", "❌", "✖", "👎", "🚫");

    /** Words that make a text a question (besides "?", "行不行"-shapes and a final 吗/么). */
    static final List<String> QUESTION_WORDS = List.of("哪", "什么", "啥", "谁", "怎么", "为什么", "为啥", "多远",
            "多久", "多少", "几点", "几号", "几楼", "几单元", "几栋", "几层", "是否", "可否", "能否", "有没有",
            "WHERE", "WHAT", "WHO", "WHY", "HOW", "WHEN");

    /** Two negatives that make a yes ("不去不行": I must go) — or a muddle: asked, never read as no. */
    static final List<String> DOUBLE_NEGATIVES = List.of("不去不行", "不能不去", "不得不去", "非去不可", "不会不去",
            "不是不去", "不来不行", "不是不能");

    /** A refusal wherever it stands in the text; longest first, so each is taken whole. */
    static final List<String> REFUSALS = longestFirst(
            "去不了", "去不成", "去不到", "来不了", "来不成", "到不了", "赶不到", "赶不过去", "赶不及", "赶不回",
            "过不去", "走不开", "走不了", "脱不开身", "抽不开身", "离不开", "回不去", "回不来", "开不了车",
            "不去", "不能去", "不能来", "不能到", "不能", "不行", "不可以", "不方便", "不在家", "不在本地", "不在附近",
            "不在", "不接",
            "没空", "没时间", "没办法", "没法去", "没法", "无法前往", "无法",
            "在外地", "外地", "出差",
            "在忙", "很忙", "太忙", "正忙", "忙着", "忙不过来",
            "在上班", "加班", "在开会", "开会",
            "今天有事", "有点事", "家里有事", "有急事", "临时有事", "有事情",
            "生病", "病了", "不舒服", "身体不好", "喝酒了", "喝了酒",
            "太远", "离得远", "很远",
            "下次吧", "下次", "改天", "算了", "拒绝", "放弃",
            "CANTGO", "CANNOTGO", "CANTMAKEIT", "CANNOTMAKEIT", "CANT", "CANNOT", "NOTAVAILABLE", "UNAVAILABLE",
            "BUSY", "NOPE", "NAH", "UNABLE", "OUTOFTOWN", "NOTGOING", "WONTMAKEIT", "DECLINE");

    /** Everything else that is understood, by kind. */
    static final Map<String, Kind> LEXICON = new HashMap<>();
    static final int LONGEST;

    static {
        words(Kind.YES,
                "马上到", "马上就到", "马上去", "马上过去", "马上来", "马上出发", "马上赶过去", "这就去", "这就过去",
                "这就到", "这就来", "现在过去", "现在去", "现在出发", "立刻过去", "立刻去", "立即前往", "立即过去",
                "前往", "我去", "去", "我来", "来", "来了", "过去", "赶过去", "赶去", "赶来", "在路上", "路上", "出发",
                "快到了", "快到", "很快到", "一会儿到", "一会到", "待会到", "等会到", "稍后到", "就到", "能去",
                "可以去", "可以", "行", "没问题", "没毛病", "接", "接单", "得嘞", "妥了", "妥妥的", "妥", "中", "好嘞",
                "好勒", "成",
                "YES", "YEAH", "YEP", "YUP", "SURE", "ROGER", "NOPROBLEM", "OMW", "ONMYWAY", "ONTHEWAY", "COMING",
                "IMCOMING", "WILLGO", "ILLGO", "IWILLGO", "GOING", "BETHERE", "HEADINGOVER", "LEAVINGNOW");
        words(Kind.ACK,
                "好", "好的", "好滴", "好哒", "好哦", "好啊", "好呀", "好吧", "收到", "嗯", "恩", "是", "是的", "对",
                "对的",
                "OK", "OKAY", "OKK", "FINE", "ALRIGHT", "ALLRIGHT", "GOTIT", "COPY", "COPYTHAT");
        words(Kind.NO, "NO", "不不");
        words(Kind.ARRIVED,
                "到", "到了", "已到", "已到达", "到达", "到达现场", "到现场", "现场", "到楼下", "楼下", "在楼下", "到门口",
                "门口", "到小区", "到家",
                "HERE", "IMHERE", "ARRIVED");
        words(Kind.DONE,
                "完成", "完成了", "已完成", "处理完了", "处理完", "处理好了", "处理好", "搞定", "搞定了", "结束了", "结束",
                "完事", "完事了", "办完了",
                "DONE", "FINISHED", "ALLDONE");
        words(Kind.FILLER,
                "我", "我们", "俺", "的", "了", "啊", "呀", "哈", "哦", "噢", "喔", "嘞", "咧", "啦", "吧", "呢", "滴",
                "哒", "哟", "额", "呃", "就", "马上", "立刻", "立即", "现在", "正在", "正", "在", "已经", "已", "都", "也",
                "还", "先", "这就", "很快", "尽快", "大概", "大约", "约", "差不多", "估计", "预计", "应该", "可能", "好像",
                "恐怕", "似乎", "实在", "真的", "非常", "今天", "今晚", "刚才", "领导", "老师", "师傅", "大哥", "大姐",
                "哥", "姐", "您", "你", "你好", "您好", "谢谢", "多谢", "感谢", "谢了", "辛苦了", "辛苦", "放心", "请放心", "明白",
                "明白了", "知道", "知道了", "了解", "不好意思", "抱歉", "对不起", "但是", "但", "不过", "可是", "人",
                "身体",
                "I", "IM", "WILL", "BE", "THERE", "SOON", "NOW", "IN", "THE", "MY", "SORRY", "BUT", "THANKS", "THX",
                "THANK", "YOU", "PLEASE", "ETA", "ALL");
        LONGEST = LEXICON.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    private static void words(Kind kind, String... words) {
        for (String w : words) {
            Kind earlier = LEXICON.put(w, kind);
            if (earlier != null) throw new IllegalStateException("'" + w + "' is both " + earlier + " and " + kind);
        }
    }

    /** Longer words first, so that a word is not taken for a shorter one it contains. */
    static List<String> longestFirst(String... words) {
        return Stream.of(words).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Traditional characters of replies and their simplified forms, pair by pair. */
    private static final String TRADITIONAL_SIMPLIFIED =
            "達达訂订單单馬马過过來来這这時时間间沒没問问題题處处樓楼門门現现場场經经鐘钟鍾钟個个後后會会兒儿謝谢"
                    + "對对離离遠远無无趕赶開开車车實实約约嗎吗麼么裡里裏里還还讓让請请體体發发點点內内們们預预計计"
                    + "結结東东應应該该領领導导師师幫帮況况誰谁為为爲为辦办話话電电碼码號号幾几棟栋層层區区臨临準准"
                    + "備备說说確确認认動动適适醫医擾扰煩烦聽听見见從从難难險险報报傷伤暈晕禍祸護护兩两隨随夠够給给"
                    + "與与關关係系頭头錯错壞坏別别總总轉转務务著着畢毕記记寫写買买賣卖錢钱塊块喲哟囉啰邊边處处務务"
                    + "歡欢樂乐愛爱廠厂閑闲閒闲陣阵趟趟頓顿鬧闹氣气決决雖虽啟启臺台計计絕绝棄弃緊紧誤误虛虚驚惊";

    /** What {@link ReplyGrammar#fold} reads traditional characters as. */
    static final Map<Character, Character> SIMPLIFIED = new HashMap<>();

    static {
        for (int i = 0; i + 1 < TRADITIONAL_SIMPLIFIED.length(); i += 2) {
            SIMPLIFIED.put(TRADITIONAL_SIMPLIFIED.charAt(i), TRADITIONAL_SIMPLIFIED.charAt(i + 1));
        }
    }
}
