package huzhu.core.sms;

import java.time.Instant;
import java.util.Optional;

/**
 * Phones that asked for no more SMS (STOP, TD, 退订; CONTRACT §5: "opt-out recorded" for anyone). Notices and
 * introductions leave them out; an emergency still reaches them (a receipt, a stand-down), since those are
 * answers to what the person did, not messages the union chose to send.
 */
public interface OptOutStore {
    /** Records the opt-out; a phone that opted out before keeps its first time. */
    void record(String e164, Instant at);

    Optional<Instant> optedOutAt(String e164);

    /** Forgets the opt-out (an officer put the person back, e.g. a volunteer back on duty). */
    void clear(String e164);
}
