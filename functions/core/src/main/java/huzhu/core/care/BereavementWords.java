package huzhu.core.care;

import huzhu.core.kernel.Text;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an SMS tells of a death in the family (报丧) rather than asks for help. Recognised only when it plainly says
 * someone died or a funeral is being held — 去世, 过世, 病故, 丧事, 白事, 追悼会…, or 走了 / 没了 right after a family
 * word (我爸走了, 老伴昨晚没了) — and says nothing that could be an emergency or a hope: anything urgent (救, 快来, 120,
 * 不行了, 晕, 摔…), unsure (是不是, 好像, 可能, 怕) or averted (差点, 没去世) is no report of a death. When in doubt the
 * answer is no, and the SMS opens an incident: a funeral reported as an emergency costs an officer a minute, an
 * emergency taken for a funeral could cost a life.
 */
public final class BereavementWords {
    private static final List<String> DEATH = List.of("去世", "过世", "逝世", "病逝", "病故", "离世", "辞世", "仙逝", "故去",
            "亡故", "身故", "火葬", "丧事", "白事", "办丧", "丧礼", "葬礼", "追悼会", "告别仪式", "出殡", "火化", "殡仪馆", "讣告",
            "PASSEDAWAY", "DIED", "FUNERAL",
            // traditional forms
            "過世", "逝世", "病逝", "離世", "喪事", "辦喪", "喪禮", "葬禮", "追悼會", "殯儀館", "訃告");
    private static final String KIN = "(父亲|母亲|爸爸|妈妈|老爸|老妈|我爸|我妈|他爸|他妈|她爸|她妈|爷爷|奶奶|外公|外婆|姥爷|姥姥|"
            + "公公|婆婆|岳父|岳母|丈人|丈母娘|老伴|老公|老婆|丈夫|妻子|爱人|儿子|女儿|哥哥|姐姐|弟弟|妹妹|老人|老父亲|老母亲|"
            + "父親|母親|媽媽|爺爺|奶奶|外婆|老伴|丈夫|妻子|愛人|兒子|女兒)";
    /** 走了 / 没了 counts only right after a family word, with at most a few words of time between. */
    private static final Pattern KIN_GONE = Pattern.compile(KIN + "[^，。,.!！?？]{0,6}?(已经|已)?(走了|没了|沒了)");
    private static final Pattern KIN_WORD = Pattern.compile(KIN);
    private static final List<String> NOT_A_DEATH = List.of(
            // urgent: help is wanted now
            "救", "快来", "快點", "快点", "急", "120", "110", "119", "不行了", "快不行", "要不行", "快死", "要死", "抢救", "搶救",
            "晕", "暈", "昏", "摔", "跌", "倒地", "没气", "沒氣", "没呼吸", "喘", "抽搐", "出血", "流血", "火", "烟", "车祸",
            "車禍", "受伤", "受傷", "不醒", "叫不醒", "送医", "送醫", "急诊", "急診", "失踪", "失蹤", "找不到", "不见了", "没回来",
            "帮帮", "幫幫", "帮忙", "報警", "报警", "SOS", "HELP", "EMERGENCY", "URGENT",
            // unsure or averted
            "是不是", "好像", "可能", "也许", "也許", "怕", "担心", "擔心", "差点", "差點", "险些", "險些", "没有去世", "没去世",
            "沒有去世", "不会", "不會", "会不会", "會不會", "?", "？", "吗", "嗎");

    private BereavementWords() {
    }

    /** True only when {@code body} plainly tells of a death or a funeral and could be nothing urgent. */
    public static boolean reportsADeath(String body) {
        if (body == null || body.isBlank()) return false;
        String s = normalized(body);
        // 火化 and 火葬 are the funeral's words, not a fire
        String rest = s.replace("火化", "").replace("火葬", "");
        for (String w : NOT_A_DEATH) if (rest.contains(w)) return false;
        for (String w : DEATH) if (s.contains(w)) return true;
        return KIN_GONE.matcher(s).find();
    }

    /** The family word nearest before the death, as the sender wrote it (父亲, 老伴…), if there is one. */
    public static Optional<String> relation(String body) {
        if (body == null) return Optional.empty();
        String s = normalized(body);
        int death = Integer.MAX_VALUE;
        for (String w : DEATH) {
            int at = s.indexOf(w);
            if (at >= 0) death = Math.min(death, at);
        }
        Matcher gone = KIN_GONE.matcher(s);
        if (gone.find()) death = Math.min(death, gone.end());
        String found = null;
        Matcher kin = KIN_WORD.matcher(s);
        while (kin.find() && kin.start() < death) found = kin.group(1);
        if (found == null) return Optional.empty();
        return Optional.of(switch (found) {
            case "我爸", "他爸", "她爸", "老爸", "爸爸" -> "父亲";
            case "我妈", "他妈", "她妈", "老妈", "妈妈" -> "母亲";
            default -> found;
        });
    }

    private static String normalized(String body) {
        return Text.nfkc(body).toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
