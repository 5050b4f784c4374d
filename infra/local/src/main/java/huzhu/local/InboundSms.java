package huzhu.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The JSON AWS End User Messaging publishes to the two-way SNS topic for one received SMS (CONTRACT §5).
 * {@code previousPublishedMessageId} is null when the sender is not answering one of our messages.
 */
@JsonPropertyOrder({"originationNumber", "destinationNumber", "messageKeyword", "messageBody", "inboundMessageId",
        "previousPublishedMessageId"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InboundSms(String originationNumber, String destinationNumber, String messageKeyword,
        String messageBody, String inboundMessageId, String previousPublishedMessageId) {
}
