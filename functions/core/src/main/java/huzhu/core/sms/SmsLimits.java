package huzhu.core.sms;

import huzhu.core.kernel.Env;
import java.util.Map;

/**
 * Limits on what texts to the union's number can make it send, and on all it sends in a day. Read once from the
 * environment at the edge:
 * <ul>
 *   <li>{@code HUZHU_RELAY_CAP}: a member's or family's later texts passed on per sender and incident (and the
 *       answers to an alerted person's unclear texts), 1–1000, default 20; later ones stay on the timeline and the
 *       officers are told once.</li>
 *   <li>{@code HUZHU_UNVERIFIED_RELAY_CAP}: the same for an unknown number's texts about the incident it opened,
 *       1–100, default 5; links and phone numbers are taken out of what is passed on.</li>
 *   <li>{@code HUZHU_UNVERIFIED_PER_HOUR}: incidents unknown numbers may open per hour, all numbers together,
 *       1–1000, default 10 (a union sees a few a month; ten in an hour is a flood, and each alerts the officers);
 *       the officers are told once an hour when it is reached.</li>
 *   <li>{@code HUZHU_OPT_OUT_REPLIES_PER_DAY}: confirmations of STOP/退订 per number per day, 1–100, default 1
 *       (the opt-out itself is always recorded).</li>
 *   <li>{@code HUZHU_DAILY_SMS_LIMIT}: SMS per day (China time) for the whole deployment, 10–1000000, default
 *       2000; beyond it only SMS about an emergency to the union's own people go out (see
 *       {@link DailySmsCeiling}).</li>
 * </ul>
 */
public record SmsLimits(int relaysPerSender, int unverifiedRelaysPerSender, int unverifiedIncidentsPerHour,
        int optOutRepliesPerDay, int smsPerDay) {

    public static final String RELAY_CAP = "HUZHU_RELAY_CAP";
    public static final String UNVERIFIED_RELAY_CAP = "HUZHU_UNVERIFIED_RELAY_CAP";
    public static final String UNVERIFIED_PER_HOUR = "HUZHU_UNVERIFIED_PER_HOUR";
    public static final String OPT_OUT_REPLIES_PER_DAY = "HUZHU_OPT_OUT_REPLIES_PER_DAY";
    public static final String DAILY_SMS_LIMIT = "HUZHU_DAILY_SMS_LIMIT";

    public static final SmsLimits DEFAULTS = new SmsLimits(20, 5, 10, 1, 2000);

    public static SmsLimits from(Map<String, String> env) {
        return new SmsLimits(
                Env.integer(env, RELAY_CAP, DEFAULTS.relaysPerSender, 1, 1000),
                Env.integer(env, UNVERIFIED_RELAY_CAP, DEFAULTS.unverifiedRelaysPerSender, 1, 100),
                Env.integer(env, UNVERIFIED_PER_HOUR, DEFAULTS.unverifiedIncidentsPerHour, 1, 1000),
                Env.integer(env, OPT_OUT_REPLIES_PER_DAY, DEFAULTS.optOutRepliesPerDay, 1, 100),
                Env.integer(env, DAILY_SMS_LIMIT, DEFAULTS.smsPerDay, 10, 1_000_000));
    }

    /** Texts passed on per sender and incident: fewer for a number nobody registered. */
    public int relaysPerSender(boolean verified) {
        return verified ? relaysPerSender : unverifiedRelaysPerSender;
    }
}
