package huzhu.core.care;

import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Sends bulk SMS (notices, family introductions) in paced batches until the work is done or the time is up.
 * Each message is first claimed in a conditional write, so two senders never both send it; after the batch
 * went out each result is recorded. A crash between the claim and the record leaves a claim behind, which the
 * next run counts as failed ("interrupted") rather than sending again: a second copy is worse than none for a
 * notice, and the officer sees it.
 */
final class PacedSend {
    /** A claim older than this was left by a sender that died; the periodic sender never runs this long. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);

    /** One message of the bulk. */
    interface Job {
        /** Claims it for this sender; false if someone else did (or it no longer needs sending). */
        boolean claim(Instant at);

        /** The SMS, once claimed. */
        OutboundSms sms();

        /** What happened to it. */
        void record(SendResult result, Instant at);
    }

    /** How a run ended. */
    record Outcome(int sent, int failed, boolean finished) {
    }

    private PacedSend() {
    }

    static Outcome run(Iterator<? extends Job> jobs, Pacer pacer, Messenger messenger, Instant deadline,
            Clock clock) {
        int sent = 0;
        int failed = 0;
        while (jobs.hasNext()) {
            if (!pacer.canStartBefore(deadline)) return new Outcome(sent, failed, false);
            // claimed before waiting for the slot: work someone else took costs no slot
            List<Job> batch = new ArrayList<>(pacer.batchSize());
            while (jobs.hasNext() && batch.size() < pacer.batchSize()) {
                Job job = jobs.next();
                if (job.claim(clock.instant())) batch.add(job);
            }
            if (batch.isEmpty()) continue;
            Instant start = pacer.awaitSlot();
            List<OutboundSms> messages = new ArrayList<>(batch.size());
            for (Job job : batch) messages.add(job.sms());
            List<SendResult> results = messenger.sendAll(messages);
            Instant at = clock.instant();
            for (int i = 0; i < batch.size(); i++) {
                SendResult r = results.get(i);
                batch.get(i).record(r, at.isBefore(start) ? start : at);
                if (r.ok()) sent++;
                else failed++;
            }
        }
        return new Outcome(sent, failed, true);
    }
}
