package huzhu.robots;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last check before a line goes to a group of a hundred people: it refuses anything that looks like a
 * phone number (seven or more digits, however spaced or written in full-width) or a street address (a house,
 * building, unit or room number; a residential compound; a street name; an address label). It errs on the side
 * of refusing: a line it refuses is not posted, a line it lets through cannot be taken back.
 */
public final class PersonalDataGuard {

    /** Seven or more digits, allowing the separators people write numbers with. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\d(?:[\\s\\-.·()（）+]{0,2}\\d){6,}");

    private static final List<Pattern> ADDRESS_LIKE = List.of(
            // 12号, 3号楼, 5栋, 2单元, 301室, 6层, 8弄 (Arabic numerals)
            Pattern.compile("\\d+\\s*(号|號|栋|棟|幢|单元|單元|室|层|層|楼|樓|弄|巷|胡同|排|户|戶)"),
            // 三号楼, 五栋, 二单元 (Chinese numerals)
            Pattern.compile("[一二三四五六七八九十百零〇两]+\\s*(号楼|號樓|号院|號院|栋|棟|幢|单元|單元|室|层|層)"),
            // a street name right before a closing bracket, a comma or the end: 建设北路）, 新华街,
            Pattern.compile("(路|街|巷|弄|胡同|大道|大街)(?=[\\s）)，,。;；]|$)"),
            Pattern.compile("(小区|小區|家属院|家屬院|宿舍|公寓|大厦|大廈|花园|花園|苑|里弄)"),
            Pattern.compile("(地址|住址|门牌|門牌)"),
            Pattern.compile("(?i)\\baddress\\b"),
            Pattern.compile("(?i)\\b\\d+\\s+\\p{L}+(\\s+\\p{L}+)?\\s+(street|st|road|rd|avenue|ave|lane|ln|drive|dr)\\b"),
            Pattern.compile("(?i)\\b(room|apt|apartment|unit|flat|building|bldg|no\\.)\\s*\\d"));

    private PersonalDataGuard() {
    }

    /** What the guard objects to in {@code text}, if anything; never quotes the text. */
    public static Optional<String> objection(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        String normalized = halfWidthDigits(text);
        if (PHONE_LIKE.matcher(normalized).find()) return Optional.of("a phone-like number (seven or more digits)");
        for (Pattern address : ADDRESS_LIKE) {
            if (address.matcher(normalized).find()) return Optional.of("a street address");
        }
        return Optional.empty();
    }

    /** @throws PersonalDataRefused if {@link #objection} finds anything */
    public static String check(String text) {
        Optional<String> objection = objection(text);
        if (objection.isPresent()) throw new PersonalDataRefused(objection.get());
        return text;
    }

    /** Refused: the text looked like it carried personal data. The message says what, never the text itself. */
    public static final class PersonalDataRefused extends IllegalArgumentException {
        private PersonalDataRefused(String what) {
            super("refused to post to a group: the text contains " + what);
        }
    }

    private static String halfWidthDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return out.toString();
    }
}
