package huzhu.core.sms;

/** One text message to one phone; {@code incidentId} may be null for messages about no incident. */
public record OutboundSms(String to, String body, String incidentId) {
}
