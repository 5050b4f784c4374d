package huzhu.aws.sns;

import huzhu.core.kernel.Text;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How outbound SMS are sent, read once at init from the environment:
 * <ul>
 *   <li>{@code HUZHU_SMS_SENDER_ID}: alphanumeric sender id (1–11 characters, at least one letter), where the
 *       destination country supports one; unset: none.</li>
 *   <li>{@code HUZHU_SMS_ORIGINATION_NUMBER}: the E.164 number (one the account owns in End User Messaging)
 *       to send from; unset: SNS chooses.</li>
 *   <li>{@code HUZHU_SMS_MAX_PRICE}: the most (USD) one message may cost, e.g. {@code 0.50}; unset: no cap.</li>
 *   <li>{@code HUZHU_SNS_ENDPOINT}: SNS API endpoint override for tests and the local stack (LocalStack,
 *       WireMock); unset: the region's endpoint.</li>
 * </ul>
 * Blank values count as unset. A malformed value fails at init with a message naming the variable, rather
 * than failing every send later.
 */
public record SmsConfig(String senderId, String originationNumber, String maxPrice, URI endpoint) {

    public static final String SENDER_ID = "HUZHU_SMS_SENDER_ID";
    public static final String ORIGINATION_NUMBER = "HUZHU_SMS_ORIGINATION_NUMBER";
    public static final String MAX_PRICE = "HUZHU_SMS_MAX_PRICE";
    public static final String SNS_ENDPOINT = "HUZHU_SNS_ENDPOINT";

    /** No sender id, origination number or price cap; the region's endpoint. */
    public static final SmsConfig DEFAULTS = new SmsConfig(null, null, null, null);

    private static final Pattern SENDER_ID_FORMAT = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}");

    public SmsConfig {
        senderId = Text.strippedOrNull(senderId);
        originationNumber = Text.strippedOrNull(originationNumber);
        maxPrice = Text.strippedOrNull(maxPrice);
        if (senderId != null && !SENDER_ID_FORMAT.matcher(senderId).matches()) {
            throw new IllegalArgumentException(SENDER_ID + " must be 1-11 letters, digits or hyphens with at "
                    + "least one letter, got '" + senderId + "'");
        }
        if (maxPrice != null) {
            try {
                if (new BigDecimal(maxPrice).signum() <= 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MAX_PRICE + " must be a positive amount in USD such as 0.50, got '"
                        + maxPrice + "'", e);
            }
        }
    }

    public static SmsConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static SmsConfig from(Map<String, String> env) {
        String endpoint = Text.strippedOrNull(env.get(SNS_ENDPOINT));
        return new SmsConfig(env.get(SENDER_ID), env.get(ORIGINATION_NUMBER), env.get(MAX_PRICE),
                endpoint == null ? null : URI.create(endpoint));
    }

    public SmsConfig withEndpoint(URI endpointOverride) {
        return new SmsConfig(senderId, originationNumber, maxPrice, endpointOverride);
    }
}
