package huzhu.core.care;

import huzhu.core.kernel.Env;
import huzhu.core.kernel.Text;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the work around the emergencies: family introductions, notices, assistance
 * applications. Read once from the environment at the edge:
 * <ul>
 *   <li>{@code HUZHU_UNION_SMS_NUMBER}: the number families text in an emergency, as people should dial it
 *       (E.164 or a short code such as 10690123); unset: the introduction tells them to reply to it.</li>
 *   <li>{@code HUZHU_SMS_PER_SECOND}: the pace of bulk SMS (notices, introductions), 1–100, default 10 — below
 *       the account's SMS rate, so alerts still go out while a notice is being sent.</li>
 *   <li>{@code HUZHU_NOTICE_REPLY_DAYS}: how long after a notice an SMS from its recipient counts as a reply
 *       to it (unless it could be an emergency), 1–90, default 7.</li>
 *   <li>{@code HUZHU_INTRODUCE_NEW_CONTACTS}: {@code 0}/{@code false} turns off the introduction SMS sent when a
 *       family contact is added; default on.</li>
 * </ul>
 * A malformed value fails at init with a message naming the variable.
 */
public record CareConfig(String unionSmsNumber, int smsPerSecond, Duration replyWindow, boolean introduceNewContacts,
        Duration sweepBudget, Duration requestBudget) {

    public static final String UNION_SMS_NUMBER = "HUZHU_UNION_SMS_NUMBER";
    public static final String SMS_PER_SECOND = "HUZHU_SMS_PER_SECOND";
    public static final String NOTICE_REPLY_DAYS = "HUZHU_NOTICE_REPLY_DAYS";
    public static final String INTRODUCE_NEW_CONTACTS = "HUZHU_INTRODUCE_NEW_CONTACTS";

    /**
     * The defaults. The periodic sweep sends for at most 30 s of its 55 s (escalation comes first); a console
     * request for at most 5 s (the API gives up at 30 s), the sweep sends the rest.
     */
    public static final CareConfig DEFAULTS = new CareConfig(null, 10, Duration.ofDays(7), true, Duration.ofSeconds(30),
            Duration.ofSeconds(5));

    public CareConfig {
        unionSmsNumber = Text.strippedOrNull(unionSmsNumber);
        if (smsPerSecond < 1 || smsPerSecond > 100) {
            throw new IllegalArgumentException(SMS_PER_SECOND + " must be 1 to 100, got " + smsPerSecond);
        }
    }

    /** Family introductions only when an officer asks: the wiring of stories about emergencies alone. */
    public CareConfig quiet() {
        return new CareConfig(unionSmsNumber, smsPerSecond, replyWindow, false, sweepBudget, requestBudget);
    }

    public static CareConfig from(Map<String, String> env) {
        String number = env.get(UNION_SMS_NUMBER);
        if (number != null && !number.isBlank() && !number.strip().matches("\\+?[0-9][0-9 -]{2,19}")) {
            throw new IllegalArgumentException(UNION_SMS_NUMBER + " must be a phone number or short code, got '"
                    + number + "'");
        }
        int perSecond = Env.integer(env, SMS_PER_SECOND, DEFAULTS.smsPerSecond, 1, 100);
        int days = Env.integer(env, NOTICE_REPLY_DAYS, (int) DEFAULTS.replyWindow.toDays(), 1, 90);
        String introduce = env.get(INTRODUCE_NEW_CONTACTS);
        boolean introduceNew = introduce == null || introduce.isBlank()
                || !(introduce.strip().equals("0") || introduce.strip().equalsIgnoreCase("false"));
        return new CareConfig(number, perSecond, Duration.ofDays(days), introduceNew, DEFAULTS.sweepBudget,
                DEFAULTS.requestBudget);
    }
}
