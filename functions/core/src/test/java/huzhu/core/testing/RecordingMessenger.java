package huzhu.core.testing;

import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import huzhu.core.sms.SmsCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every SMS the system tries to send and answers {@code sent("msg-1")}, {@code "msg-2"}…
 * A test can make sends to one phone fail, permanently (a bad number) or transiently (worth retrying).
 * Every SMS must be a catalogue template filled within its bounds ({@link SmsCatalogue#problems}): since every
 * service test sends through this, any code path that sent something else would fail its test.
 */
public final class RecordingMessenger implements Messenger {
    /** One call of {@link #send}: what was asked and what the messenger answered. */
    public record Attempt(OutboundSms sms, SendResult result) {
        public String to() {
            return sms.to();
        }

        public String body() {
            return sms.body();
        }

        /** The catalogue template it was rendered from. */
        public String template() {
            return sms.sms().templateName();
        }

        public String incidentId() {
            return sms.incidentId();
        }

        /** The SNS-style message id replies may quote; null if the send failed. */
        public String messageId() {
            return result.messageId();
        }

        public boolean ok() {
            return result.ok();
        }
    }

    private record Failure(boolean permanent, int remaining) {
        static final int FOREVER = -1;
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<String, Failure> failures = new HashMap<>();
    private int sentCount;

    @Override
    public synchronized SendResult send(OutboundSms sms) {
        List<String> problems = SmsCatalogue.problems(sms.sms());
        if (!problems.isEmpty()) throw new AssertionError("not a catalogue SMS: " + problems);
        SendResult result = failureFor(sms.to());
        if (result == null) result = SendResult.sent("msg-" + ++sentCount);
        attempts.add(new Attempt(sms, result));
        return result;
    }

    /** Every later send to this phone fails for good (e.g. not a mobile number, opted out at the carrier). */
    public synchronized void failPermanently(String phone) {
        failures.put(phone, new Failure(true, Failure.FOREVER));
    }

    /** Every later send to this phone fails in a retryable way, until {@link #recover}. */
    public synchronized void failTransiently(String phone) {
        failures.put(phone, new Failure(false, Failure.FOREVER));
    }

    /** The next {@code times} sends to this phone fail in a retryable way, later ones succeed. */
    public synchronized void failTransiently(String phone, int times) {
        if (times <= 0) failures.remove(phone);
        else failures.put(phone, new Failure(false, times));
    }

    public synchronized void recover(String phone) {
        failures.remove(phone);
    }

    /** Every send, in order, failed ones included. */
    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The sends that went out, in order. */
    public synchronized List<Attempt> sent() {
        return attempts.stream().filter(Attempt::ok).toList();
    }

    /** The sends that went out to this phone, in order. */
    public synchronized List<Attempt> sentTo(String phone) {
        return attempts.stream().filter(a -> a.ok() && a.to().equals(phone)).toList();
    }

    /** Bodies of the messages that went out to this phone, in order. */
    public synchronized List<String> bodiesTo(String phone) {
        return sentTo(phone).stream().map(Attempt::body).toList();
    }

    /** Forgets what was sent; failure settings stay. */
    public synchronized void clear() {
        attempts.clear();
    }

    private SendResult failureFor(String phone) {
        Failure failure = failures.get(phone);
        if (failure == null) return null;
        if (failure.remaining() != Failure.FOREVER) {
            if (failure.remaining() <= 1) failures.remove(phone);
            else failures.put(phone, new Failure(failure.permanent(), failure.remaining() - 1));
        }
        return failure.permanent()
                ? SendResult.failed("permanent failure for this number (test)", true)
                : SendResult.failed("temporarily unavailable (test)", false);
    }
}
