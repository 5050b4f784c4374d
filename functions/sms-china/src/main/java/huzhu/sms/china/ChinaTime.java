package huzhu.sms.china;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The providers' push times: wall-clock text in Beijing time without a zone ({@code 2017-09-01 00:00:00}, in
 * older Alibaba samples {@code 20170901000000}), RFC 1123 with an offset (Alibaba's international reports), or
 * Unix seconds (Tencent). China has one zone, UTC+8, and no daylight saving.
 */
public final class ChinaTime {
    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);

    private ChinaTime() {
    }

    /** The instant, or null when the text is none of the providers' formats. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        try {
            if (t.length() == 19 && t.charAt(10) == ' ') return LocalDateTime.parse(t, DASHED).toInstant(BEIJING);
            if (t.length() == 14 && t.chars().allMatch(Character::isDigit)) {
                return LocalDateTime.parse(t, COMPACT).toInstant(BEIJING);
            }
            if (t.chars().allMatch(Character::isDigit) && t.length() <= 11) return Instant.ofEpochSecond(Long.parseLong(t));
            if (t.contains(",")) return OffsetDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
