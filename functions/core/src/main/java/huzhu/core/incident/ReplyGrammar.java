package huzhu.core.incident;

import huzhu.core.incident.ReplyWords.Kind;
import huzhu.core.kernel.Text;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text from someone with an outstanding alert says (CONTRACT §5): the command words ("1", "接",
 * "到达"…), and everyday agreement ("好的，马上到", "OK👌", "5分钟到") and refusal ("不好意思去不了", "在外地").
 * Matching ignores case, spaces, punctuation, emoji and full-width forms, and reads traditional characters as
 * simplified; an incident code may stand before, after or inside the text. The words are in {@link ReplyWords}.
 *
 * <p>Reading yes where there is none tells a family that help is coming when it is not, so agreement must be
 * made of known words only: anything left over ("好累"), a question ("可以吗？", "行不行"), a refusal beside a
 * firm yes ("可以，但去不了") or a double negative ("不去不行") is not understood — its sender is asked. A refusal
 * needs only one refusal phrase among words that are not a firm yes: "好的，但是去不了" is no.
 */
public final class ReplyGrammar {

    public enum Action { ACCEPT, DECLINE, ARRIVED, DONE }

    /**
     * What a reply says: {@code action} null when it was not understood; {@code code} the incident code it names
     * (null for none); {@code etaMinutes} when it says how soon its sender will be there (only with ACCEPT).
     */
    public record Reading(Action action, String code, Integer etaMinutes) {
        public boolean understood() {
            return action != null;
        }
    }

    /** An incident code as {@link IncidentCodes} makes them: no I or O. */
    private static final String CODE = "[A-HJ-NP-Z]\\d{2}";
    private static final Pattern CODE_FIRST = Pattern.compile("^(" + CODE + ")(.*)$");
    private static final Pattern CODE_LAST = Pattern.compile("^(.*?)(" + CODE + ")$");
    private static final Pattern CODE_INSIDE = Pattern.compile("(?<![A-Z0-9])(" + CODE + ")(?![0-9])");

    /** "10分钟到", "十五分钟", "半小时", "一个半小时后到", "10MIN": an ETA, replaced by one token before the words. */
    private static final String CHINESE_NUMBER = "[零一二两三四五六七八九十]{1,3}";
    private static final Pattern ETA = Pattern.compile(
            "(?:(?<digits>\\d{1,3})(?:个)?(?<dhalf>半)?(?<dunit>分钟|分|小时|钟头|MINUTES|MINUTE|MINS|MIN|HOURS|HOUR|HRS|HR)"
                    + "|(?<chinese>" + CHINESE_NUMBER + ")(?:个)?(?<chalf>半)?(?<cunit>分钟|小时|钟头)"
                    + "|(?<half>半)(?:个)?(?:小时|钟头)"
                    + "|(?<quarter>一刻钟|一刻))"
                    + "(?:左右|以内|之内|内)?(?:以后|之后|后)?(?:就|能|可以)?(?:到达|赶到|赶过去|过去|到|来)?");
    private static final int MAX_ETA_MINUTES = 180;

    /** A question: the sender asks rather than answers. */
    private static final Pattern QUESTION_SHAPE = Pattern.compile("(.)不\\1|(.)没\\2|[吗么]$");

    private static final List<String> STOP_WORDS = List.of("STOP", "TD", "退订", "UNSUBSCRIBE");
    private static final List<String> HELP_PREFIXES = List.of("求助", "救", "急", "HELP", "SOS");

    private ReplyGrammar() {
    }

    public static Reading read(String body) {
        String folded = fold(body);
        boolean yesEmoji = ReplyWords.YES_EMOJI.stream().anyMatch(folded::contains);
        boolean noEmoji = ReplyWords.NO_EMOJI.stream().anyMatch(folded::contains);
        String s = compact(body);

        String code = null;
        Matcher m;
        if ((m = CODE_FIRST.matcher(s)).matches()) {
            code = m.group(1);
            s = m.group(2);
        } else if ((m = CODE_LAST.matcher(s)).matches()) {
            code = m.group(2);
            s = m.group(1);
        } else if ((m = CODE_INSIDE.matcher(s)).find()) {
            code = m.group(1);
            s = s.substring(0, m.start()) + s.substring(m.end());
        }

        if (s.isEmpty()) {
            if (yesEmoji != noEmoji) return new Reading(yesEmoji ? Action.ACCEPT : Action.DECLINE, code, null);
            return new Reading(null, code, null);
        }
        if (folded.indexOf('?') >= 0 || QUESTION_SHAPE.matcher(s).find()
                || ReplyWords.QUESTION_WORDS.stream().anyMatch(s::contains)) {
            return new Reading(null, code, null);
        }
        Action command = ReplyWords.COMMANDS.get(s);
        if (command != null) return new Reading(command, code, null);
        if (ReplyWords.DOUBLE_NEGATIVES.stream().anyMatch(s::contains)) return new Reading(null, code, null);

        for (String refusal : ReplyWords.REFUSALS) s = s.replace(refusal, Kind.NO.marker());
        Integer eta = null;
        Matcher e = ETA.matcher(s);
        if (e.find()) {
            eta = minutes(e);
            if (eta == null) return new Reading(null, code, null);
            s = s.substring(0, e.start()) + Kind.YES.marker() + s.substring(e.end());
        }
        s = commandDigitAtAnEnd(s);

        Tally t = tally(s);
        if (t.no > 0 || noEmoji) {
            boolean firmYes = t.yes > 0 || t.arrived > 0 || t.done > 0 || yesEmoji;
            return new Reading(firmYes ? null : Action.DECLINE, code, null);
        }
        if (t.unknown > 0) return new Reading(null, code, null);
        if (t.arrived > 0 || t.done > 0) {
            boolean one = (t.arrived > 0) != (t.done > 0) && t.yes == 0;
            return new Reading(one ? (t.arrived > 0 ? Action.ARRIVED : Action.DONE) : null, code, null);
        }
        if (t.yes > 0 || t.ack > 0 || yesEmoji) return new Reading(Action.ACCEPT, code, eta);
        return new Reading(null, code, null);
    }

    /** Only thanks or an acknowledgement ("好的，谢谢", "收到", "辛苦了"): no answer to anything, no other word. */
    static boolean onlyThanks(String body) {
        String s = compact(body);
        if (s.isEmpty()) return false;
        Tally t = tally(s);
        return t.unknown == 0 && t.yes == 0 && t.no == 0 && t.arrived == 0 && t.done == 0;
    }

    public static boolean isStop(String body) {
        return STOP_WORDS.contains(compact(body));
    }

    /** An unknown number's message that must still open an incident. */
    public static boolean isHelpRequest(String body) {
        String s = compact(body);
        return HELP_PREFIXES.stream().anyMatch(s::startsWith);
    }

    /**
     * Upper case, NFKC-folded, simplified, with only letters and digits left (no spaces, punctuation, symbols,
     * emoji or their modifiers).
     */
    static String compact(String body) {
        String s = fold(body);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Upper case, NFKC-folded (full-width forms to ASCII), traditional characters read as simplified. */
    static String fold(String body) {
        if (body == null) return "";
        String s = Text.nfkc(body).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(ReplyWords.SIMPLIFIED.getOrDefault(c, c));
        }
        return out.toString();
    }

    /** "1，马上到", "收到 1", "0 不好意思": a command digit at either end, beside words rather than other digits. */
    private static String commandDigitAtAnEnd(String s) {
        if (s.length() < 2) return s;
        Kind first = ReplyWords.COMMAND_DIGITS.get(s.charAt(0));
        if (first != null && !Character.isDigit(s.charAt(1))) s = first.marker() + s.substring(1);
        Kind last = ReplyWords.COMMAND_DIGITS.get(s.charAt(s.length() - 1));
        if (last != null && !Character.isDigit(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1) + last.marker();
        }
        return s;
    }

    private static Integer minutes(Matcher e) {
        int minutes;
        if (e.group("quarter") != null) {
            minutes = 15;
        } else if (e.group("half") != null) {
            minutes = 30;
        } else {
            boolean digits = e.group("digits") != null;
            int n = digits ? Integer.parseInt(e.group("digits")) : chineseNumber(e.group("chinese"));
            String unit = digits ? e.group("dunit") : e.group("cunit");
            boolean half = (digits ? e.group("dhalf") : e.group("chalf")) != null;
            boolean hours = unit.equals("小时") || unit.equals("钟头") || unit.startsWith("H");
            if (half && !hours) return null;
            minutes = hours ? n * 60 + (half ? 30 : 0) : n;
        }
        return minutes >= 1 && minutes <= MAX_ETA_MINUTES ? minutes : null;
    }

    /** 一 … 九十九, as people write minutes: "五", "十", "十五", "二十", "二十五", "两". */
    private static int chineseNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) return s.length() == 1 ? digit(s.charAt(0)) : -1;
        int tens = ten == 0 ? 1 : digit(s.charAt(ten - 1));
        int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
        return ten > 1 || s.length() - ten > 2 ? -1 : tens * 10 + ones;
    }

    private static int digit(char c) {
        int d = "零一二三四五六七八九".indexOf(c);
        return c == '两' ? 2 : d;
    }

    private static final class Tally {
        int yes;
        int ack;
        int no;
        int arrived;
        int done;
        int unknown;
    }

    /** Greedy longest match of the known words, left to right; every character no word covers is unknown. */
    private static Tally tally(String s) {
        Tally t = new Tally();
        int i = 0;
        while (i < s.length()) {
            Kind kind = Kind.ofMarker(s.charAt(i));
            int length = 1;
            if (kind == null) {
                for (int l = Math.min(ReplyWords.LONGEST, s.length() - i); l > 0; l--) {
                    Kind k = ReplyWords.LEXICON.get(s.substring(i, i + l));
                    if (k != null) {
                        kind = k;
                        length = l;
                        break;
                    }
                }
            }
            if (kind == null) {
                t.unknown++;
            } else {
                switch (kind) {
                    case YES -> t.yes++;
                    case ACK -> t.ack++;
                    case NO -> t.no++;
                    case ARRIVED -> t.arrived++;
                    case DONE -> t.done++;
                    case FILLER -> { }
                }
            }
            i += length;
        }
        return t;
    }
}
