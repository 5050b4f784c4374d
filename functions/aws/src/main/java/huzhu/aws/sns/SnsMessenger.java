package huzhu.aws.sns;

import huzhu.aws.AwsApi;
import huzhu.aws.AwsClients;
import huzhu.aws.sns.RetryingPublisher.Attribute;
import huzhu.core.kernel.DaemonThreads;
import huzhu.core.kernel.PhoneMask;
import huzhu.core.kernel.SendWiring;
import huzhu.core.log.JsonLog;
import huzhu.core.log.JsonLog.Level;
import huzhu.core.sms.Messenger;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.SendResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Sends each SMS straight to a phone number with SNS {@code Publish} ({@code PhoneNumber}, no topic), as
 * {@code Transactional}, with the sender id, origination number and price cap of {@link SmsConfig} when set.
 * <p>
 * Never throws for one recipient. Throttling is retried with bounded backoff; an opted-out, malformed or
 * unauthorized send fails permanently at once; a 5xx or I/O failure is reported as transient without retry
 * (SNS may already have sent it). Each send writes one JSON log line with the phone number masked.
 */
public final class SnsMessenger implements Messenger {
    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    static final String SENDER_ID = "AWS.SNS.SMS.SenderID";
    static final String ORIGINATION_NUMBER = "AWS.MM.SMS.OriginationNumber";
    static final String MAX_PRICE = "AWS.SNS.SMS.MaxPrice";

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** Parallel sends: a whole level (up to 20 people) in one round trip, within SNS's default 20 SMS per second. */
    static final int FAN_OUT = 20;
    /**
     * The first level's batch also carries the reporter's receipt and the member's notice at its head (see
     * {@code Dispatcher.open}): two more threads, so the twentieth alert does not wait for a whole round trip.
     */
    static final int POOL_SIZE = FAN_OUT + 2;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(POOL_SIZE,
            DaemonThreads.named("huzhu-sms-fan-out"));

    private final Map<String, Attribute> attributes;
    private final RetryingPublisher publisher;
    private final Consumer<String> log;

    public SnsMessenger(AwsApi sns, SmsConfig config) {
        this(sns, config, SendWiring.PRODUCTION);
    }

    public SnsMessenger(AwsApi sns, SmsConfig config, SendWiring wiring) {
        this.attributes = attributes(Objects.requireNonNull(config, "config"));
        this.publisher = new RetryingPublisher(sns, wiring.retries());
        this.log = wiring.log();
    }

    /** Reads {@link SmsConfig} from the environment and builds the SNS client, once, at init. */
    public static SnsMessenger fromEnvironment(AwsClients clients) {
        SmsConfig config = SmsConfig.fromEnvironment();
        return new SnsMessenger(SnsClients.build(clients, config.endpoint()), config);
    }

    /** Publishes in parallel on a bounded pool; results in the order of {@code messages}. */
    @Override
    public List<SendResult> sendAll(List<OutboundSms> messages) {
        if (messages.size() <= 1) return Messenger.super.sendAll(messages);
        List<Future<SendResult>> pending = new ArrayList<>(messages.size());
        for (OutboundSms m : messages) pending.add(POOL.submit(() -> send(m)));
        List<SendResult> results = new ArrayList<>(messages.size());
        for (Future<SendResult> f : pending) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                results.add(SendResult.failed("send failed: " + e.getCause().getClass().getSimpleName(), false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(SendResult.failed("interrupted", false));
            }
        }
        return results;
    }

    @Override
    public SendResult send(OutboundSms sms) {
        long started = System.nanoTime();
        String to = sms == null || sms.to() == null ? null : sms.to().strip();
        String body = sms == null ? null : sms.body();
        String incidentId = sms == null ? null : sms.incidentId();
        RetryingPublisher.Outcome outcome;
        if (to == null || !E164.matcher(to).matches()) {
            outcome = new RetryingPublisher.Outcome(SendResult.failed("invalid-number (not E.164)", true), 0);
        } else if (body == null || body.isBlank()) {
            outcome = new RetryingPublisher.Outcome(SendResult.failed("empty-message", true), 0);
        } else {
            outcome = publisher.publish(RetryingPublisher.publish(null, to, body, null, attributes));
        }
        SendResult result = outcome.result();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("action", "sms.send");
        line.put("incidentId", incidentId);
        line.put("template", sms == null ? null : sms.sms().templateName());
        line.put("to", PhoneMask.mask(to));
        line.put("outcome", result.ok() ? "sent" : "failed");
        line.put("messageId", result.messageId());
        line.put("reason", result.failureReason());
        if (!result.ok()) line.put("permanent", result.permanent());
        line.put("attempts", outcome.attempts());
        line.put("chars", body == null ? 0 : body.length());
        line.put("ms", (System.nanoTime() - started) / 1_000_000);
        line.values().removeIf(Objects::isNull);
        Level level = result.ok() ? Level.INFO : result.permanent() ? Level.WARN : Level.ERROR;
        log.accept(JsonLog.line(level, "sms.send", line));
        return result;
    }

    private static Map<String, Attribute> attributes(SmsConfig config) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put(SMS_TYPE, string("Transactional"));
        if (config.senderId() != null) a.put(SENDER_ID, string(config.senderId()));
        if (config.originationNumber() != null) a.put(ORIGINATION_NUMBER, string(config.originationNumber()));
        if (config.maxPrice() != null) {
            a.put(MAX_PRICE, new Attribute("Number", config.maxPrice()));
        }
        return Collections.unmodifiableMap(a);
    }

    private static Attribute string(String value) {
        return Attribute.string(value);
    }
}
