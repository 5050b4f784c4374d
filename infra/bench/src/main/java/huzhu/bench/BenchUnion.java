package huzhu.bench;

import huzhu.core.Store;
import huzhu.core.directory.Area;
import huzhu.core.directory.FamilyContact;
import huzhu.core.directory.GeoPoint;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.EscalationPolicy;
import huzhu.core.incident.Notify;
import huzhu.core.incident.PolicyLevel;
import huzhu.core.kernel.Hashes;
import huzhu.core.kernel.Language;
import java.time.Instant;
import java.util.List;

/**
 * The small union every benchmark seeds: one member (王建国) whose father texts from the number of the
 * sms-inbound fixture and whose personal link is the trigger fixture's token, {@code volunteers} on-duty
 * volunteers in the member's district, two officers (level 1) and a chair (level 2), and a policy whose
 * level 0 alerts up to {@code volunteers} people. The phone numbers are the fixtures'.
 */
public final class BenchUnion {
    public static final String MEMBER_ID = "m-bench";
    public static final String MEMBER_PHONE = "+8613900000001";
    /** The sender of sms-inbound's fixture and the reporter of trigger's fixture. */
    public static final String FATHER_PHONE = "+8613800138000";
    /** The path parameter of trigger's fixture. */
    public static final String TRIGGER_TOKEN = "Qm9vdHN0cmFwVG9rZW4x";
    public static final Area HOME = new Area("武汉市", "江汉区");

    private BenchUnion() {
    }

    public static void seed(Store store, int volunteers) {
        Instant now = Instant.now();
        store.settings().saveEscalationPolicy(policy(volunteers));
        store.directory().members().insert(new Member(MEMBER_ID, "王建国", MEMBER_PHONE, "第二分会", HOME, "武汉市江汉区解放大道 1 号",
                new GeoPoint(30.58, 114.27), List.of(new FamilyContact("王德福", "父亲", FATHER_PHONE)), Language.ZH_CN,
                now, now));
        store.triggerTokens().bind(MEMBER_ID, Hashes.sha256(TRIGGER_TOKEN));
        for (int v = 0; v < volunteers; v++) {
            store.directory().volunteers().insert(new Volunteer("v-" + v, "队员" + v, volunteerPhone(v), HOME,
                    new GeoPoint(30.58 + v * 0.001, 114.27), List.of("first-aid"), true, 100, Language.ZH_CN, now, now));
        }
        store.directory().leaders().insert(new Leader("l-1a", "周干事", "+8613900000101", null, "干事", 1, Language.ZH_CN, now, now));
        store.directory().leaders().insert(new Leader("l-1b", "吴干事", "+8613900000102", null, "干事", 1, Language.ZH_CN, now, now));
        store.directory().leaders().insert(new Leader("l-2", "陈主席", "+8613900000201", null, "主席", 2, Language.ZH_CN, now, now));
    }

    public static String volunteerPhone(int v) {
        return String.format("+86139000%05d", 1000 + v);
    }

    static EscalationPolicy policy(int volunteers) {
        return new EscalationPolicy(List.of(
                new PolicyLevel(0, Notify.NEARBY_VOLUNTEERS, Math.max(1, volunteers), null, 180, null),
                new PolicyLevel(1, Notify.LEADERS, null, 1, 300, null),
                new PolicyLevel(2, Notify.LEADERS, null, 2, 600, 3)));
    }
}
